-- Pages that stay fast as the archive grows (issue 14): lists newest first read an index in order,
-- and counts per organisation, access level and year come from meeting_counts, a log of deltas kept
-- by statement triggers on meetings (summed per key when read; rows are only ever inserted, so
-- concurrent writers never wait on a shared counter row). A second set of triggers says
-- "referat_archive" (NOTIFY, delivered at commit) whenever a table the public pages read changes,
-- so a server's page cache is invalidated whoever wrote: the projection, a bulk load, another process.
CREATE TABLE "meeting_counts" (
	"organization_id" integer NOT NULL,
	"access" text NOT NULL,
	"year" integer NOT NULL,
	"listed" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "meeting_counts_key_idx" ON "meeting_counts" USING btree ("organization_id","access","year","listed");--> statement-breakpoint
CREATE INDEX "meetings_newest_idx" ON "meetings" USING btree ("date" DESC NULLS LAST,"id" DESC NULLS FIRST) WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "meetings_organization_newest_idx" ON "meetings" USING btree ("organization_id","date" DESC NULLS LAST,"id" DESC NULLS FIRST) WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
CREATE FUNCTION referat_meeting_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO meeting_counts (organization_id, access, year, listed, n)
  SELECT coalesce(organization_id, 0), access, coalesce(extract(year from date)::int, 0), current_version_id IS NOT NULL, count(*)::int
  FROM referat_new WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION referat_meeting_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO meeting_counts (organization_id, access, year, listed, n)
  SELECT o, a, y, l, sum(d)::int FROM (
    SELECT coalesce(organization_id, 0) AS o, access AS a, coalesce(extract(year from date)::int, 0) AS y, current_version_id IS NOT NULL AS l, 1 AS d
    FROM referat_new WHERE deleted_at IS NULL
    UNION ALL
    SELECT coalesce(organization_id, 0), access, coalesce(extract(year from date)::int, 0), current_version_id IS NOT NULL, -1
    FROM referat_old WHERE deleted_at IS NULL
  ) changed GROUP BY o, a, y, l HAVING sum(d) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION referat_meeting_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO meeting_counts (organization_id, access, year, listed, n)
  SELECT coalesce(organization_id, 0), access, coalesce(extract(year from date)::int, 0), current_version_id IS NOT NULL, -count(*)::int
  FROM referat_old WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION referat_meeting_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM meeting_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_counts_inserted AFTER INSERT ON meetings REFERENCING NEW TABLE AS referat_new
  FOR EACH STATEMENT EXECUTE FUNCTION referat_meeting_counts_inserted();
--> statement-breakpoint
CREATE TRIGGER meeting_counts_updated AFTER UPDATE ON meetings REFERENCING OLD TABLE AS referat_old NEW TABLE AS referat_new
  FOR EACH STATEMENT EXECUTE FUNCTION referat_meeting_counts_updated();
--> statement-breakpoint
CREATE TRIGGER meeting_counts_deleted AFTER DELETE ON meetings REFERENCING OLD TABLE AS referat_old
  FOR EACH STATEMENT EXECUTE FUNCTION referat_meeting_counts_deleted();
--> statement-breakpoint
CREATE TRIGGER meeting_counts_truncated AFTER TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION referat_meeting_counts_truncated();
--> statement-breakpoint
INSERT INTO meeting_counts (organization_id, access, year, listed, n)
SELECT coalesce(organization_id, 0), access, coalesce(extract(year from date)::int, 0), current_version_id IS NOT NULL, count(*)::int
FROM meetings WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE FUNCTION referat_archive_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('referat_archive', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER authorities_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authorities FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER organizations_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER legislative_terms_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON legislative_terms FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER locations_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER meetings_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER meeting_documents_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_documents FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER files_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON files FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER document_versions_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_versions FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER papers_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON papers FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER agenda_items_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agenda_items FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER sections_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sections FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER attachments_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attachments FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER people_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER person_names_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_names FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER participations_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participations FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER population_figures_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population_figures FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER allocations_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON allocations FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER organization_seats_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization_seats FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
--> statement-breakpoint
CREATE TRIGGER person_merges_archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_merges FOR EACH STATEMENT EXECUTE FUNCTION referat_archive_changed();
