-- The process model (issue 8): the tables of the previous release move aside into a schema of
-- their own, the new tables are created, the data is carried over (documents become version 1
-- of their meeting document, with the original as a file whose bytes are a blob), and the old
-- tables are dropped. Items, sections, bilag and participations are rebuilt by the projection
-- (src/db/projection.ts) when the database is next opened: meetings.projection = 0 asks for it.
CREATE SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "participations" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "attachments" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "sections" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "agenda_items" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "documents" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "meetings" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "cases" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "people" SET SCHEMA "referat_previous";
--> statement-breakpoint
ALTER TABLE "bodies" SET SCHEMA "referat_previous";
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"version_id" integer,
	"organization_id" integer,
	"meeting_date" date,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"paper_id" integer,
	"case_officers" text[] DEFAULT '{}'::text[] NOT NULL,
	"presenters" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision" text,
	"access" text DEFAULT 'public' NOT NULL,
	"summary_text" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"head_tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(decision, '')), 'B')) STORED,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(decision, '')), 'B') || setweight(to_tsvector('danish'::regconfig, coalesce(summary_text, '')), 'C') || setweight(to_tsvector('danish'::regconfig, coalesce(body_text, '')), 'D')) STORED,
	"typed_tsv" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "agenda_items_kind_check" CHECK ("kind" in ('agenda', 'supplementary_agenda', 'minutes')),
	CONSTRAINT "agenda_items_access_check" CHECK ("access" in ('public', 'closed', 'confidential'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"access" text DEFAULT 'public' NOT NULL,
	"file_name" text,
	"file_id" integer,
	CONSTRAINT "attachments_access_check" CHECK ("access" in ('public', 'closed', 'confidential'))
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "authorities_kind_check" CHECK ("kind" in ('municipality', 'region', 'association', 'other'))
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"source" text NOT NULL,
	"file_id" integer,
	"format" text,
	"model" jsonb NOT NULL,
	"change" jsonb,
	CONSTRAINT "document_versions_source_check" CHECK ("source" in ('file', 'written'))
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"access" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_access_check" CHECK ("access" in ('public', 'closed', 'confidential'))
);
--> statement-breakpoint
CREATE TABLE "legislative_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "legislative_terms_start_date_unique" UNIQUE("start_date")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" serial PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_description_unique" UNIQUE("description")
);
--> statement-breakpoint
CREATE TABLE "meeting_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"kind" text NOT NULL,
	"current_version_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_documents_kind_check" CHECK ("kind" in ('agenda', 'supplementary_agenda', 'minutes'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer,
	"date" date,
	"start_time" text,
	"end_time" text,
	"location_id" integer,
	"online" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"access" text DEFAULT 'public' NOT NULL,
	"attendance_note" text,
	"current_version_id" integer,
	"projection" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "meetings_status_check" CHECK ("status" in ('planned', 'agenda_published', 'held', 'minutes_published', 'cancelled')),
	CONSTRAINT "meetings_access_check" CHECK ("access" in ('public', 'closed', 'confidential'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"role" text NOT NULL,
	"on_behalf_of" text,
	"party" text,
	"term_id" integer,
	"start_date" date,
	"end_date" date,
	"derived" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "memberships_role_check" CHECK ("role" in ('chair', 'vice_chair', 'member', 'substitute'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" serial PRIMARY KEY NOT NULL,
	"authority_id" integer,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organizations_kind_check" CHECK ("kind" in ('council', 'committee', 'board', 'network', 'other'))
);
--> statement-breakpoint
CREATE TABLE "papers" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"case_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "papers_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"party" text,
	"municipality" text,
	"role" text,
	"organisation" text,
	"group_name" text,
	"minute_taker" boolean DEFAULT false NOT NULL,
	"substitute_person_id" integer,
	CONSTRAINT "participations_status_check" CHECK ("status" in ('present', 'afbud', 'absent', 'substitute', 'guest'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_names" (
	"key" text PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"position" integer NOT NULL,
	"heading" text,
	"type" text NOT NULL,
	"blocks" jsonb NOT NULL,
	"plain_text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_meeting_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."meeting_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_term_id_legislative_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."legislative_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_substitute_person_id_people_id_fk" FOREIGN KEY ("substitute_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_number_idx" ON "agenda_items" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE INDEX "agenda_items_paper_idx" ON "agenda_items" USING btree ("paper_id");--> statement-breakpoint
CREATE INDEX "agenda_items_newest_idx" ON "agenda_items" USING btree ("meeting_date" DESC NULLS LAST,"meeting_id" DESC NULLS LAST,"position") WHERE "agenda_items"."access" = 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "agenda_items_org_date_idx" ON "agenda_items" USING btree ("organization_id","meeting_date") WHERE "agenda_items"."access" = 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "agenda_items_oldest_idx" ON "agenda_items" USING btree ("meeting_date","meeting_id","position") WHERE "agenda_items"."access" = 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "agenda_items_tsv_idx" ON "agenda_items" USING gin ("tsv") WHERE "agenda_items"."access" = 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "agenda_items_head_tsv_idx" ON "agenda_items" USING gin ("head_tsv") WHERE "agenda_items"."access" = 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "agenda_items_typed_tsv_idx" ON "agenda_items" USING gin ("typed_tsv") WHERE "agenda_items"."access" = 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "agenda_items_restricted_idx" ON "agenda_items" USING btree ("organization_id") WHERE "agenda_items"."access" <> 'public' and "agenda_items"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_item_position_key" ON "attachments" USING btree ("item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_document_version_key" ON "document_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "document_versions_file_idx" ON "document_versions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_documents_meeting_kind_key" ON "meeting_documents" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_organization_date_key" ON "meetings" USING btree ("organization_id","date") WHERE "meetings"."date" is not null;--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_organization_idx" ON "memberships" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_derived_key" ON "memberships" USING btree ("person_id","organization_id","role","term_id") WHERE "memberships"."derived";--> statement-breakpoint
CREATE INDEX "participations_meeting_idx" ON "participations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "participations_person_idx" ON "participations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_slug_idx" ON "people" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "person_names_person_idx" ON "person_names" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_item_position_key" ON "sections" USING btree ("item_id","position");--> statement-breakpoint
INSERT INTO "organizations" ("id", "slug", "name", "created_at", "modified_at")
  SELECT "id", "slug", "name", "created_at", "created_at" FROM "referat_previous"."bodies";
--> statement-breakpoint
INSERT INTO "locations" ("description", "online")
  SELECT DISTINCT ON ("location") "location", "online" FROM "referat_previous"."meetings" WHERE "location" IS NOT NULL ORDER BY "location", "id";
--> statement-breakpoint
INSERT INTO "meetings" ("id", "organization_id", "date", "start_time", "end_time", "location_id", "online", "status", "attendance_note", "projection", "created_at", "modified_at")
  SELECT m."id", m."body_id", m."date", m."start_time", m."end_time", l."id", m."online", 'held', m."attendance_note", 0, m."created_at", m."created_at"
  FROM "referat_previous"."meetings" m LEFT JOIN "locations" l ON l."description" = m."location";
--> statement-breakpoint
INSERT INTO "blobs" ("sha256", "bytes", "size")
  SELECT "sha256", "original", octet_length("original") FROM "referat_previous"."documents";
--> statement-breakpoint
INSERT INTO "files" ("id", "sha256", "name", "media_type", "size", "access", "created_at")
  SELECT "id", "sha256", "file_name",
    CASE "format" WHEN 'pdf' THEN 'application/pdf'
      WHEN 'docx' THEN 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      WHEN 'text' THEN 'text/plain; charset=utf-8' WHEN 'markdown' THEN 'text/plain; charset=utf-8' WHEN 'html' THEN 'text/plain; charset=utf-8'
      WHEN 'sbsys' THEN 'application/xml' WHEN 'sbsys-aarhus' THEN 'application/xml' WHEN 'acadre' THEN 'application/xml'
      WHEN 'acadre-manifest' THEN 'application/xml' WHEN 'edoc' THEN 'application/xml' WHEN 'edoc4' THEN 'application/xml'
      ELSE 'application/octet-stream' END,
    octet_length("original"), CASE WHEN "has_closed_content" THEN 'closed' ELSE 'public' END, "imported_at"
  FROM "referat_previous"."documents";
--> statement-breakpoint
INSERT INTO "meeting_documents" ("id", "meeting_id", "kind", "current_version_id", "created_at", "modified_at")
  SELECT "id", "meeting_id", "kind", "id", "imported_at", "imported_at" FROM "referat_previous"."documents";
--> statement-breakpoint
INSERT INTO "document_versions" ("id", "document_id", "version", "created_at", "created_by", "source", "file_id", "format", "model")
  SELECT "id", "id", 1, "imported_at", 'import (earlier release)', 'file', "id", "format", "model" FROM "referat_previous"."documents";
--> statement-breakpoint
INSERT INTO "papers" ("id", "reference", "case_numbers")
  SELECT "id", "case_number", ARRAY["case_number"] FROM "referat_previous"."cases";
--> statement-breakpoint
INSERT INTO "people" ("id", "name", "slug", "created_at", "modified_at")
  SELECT "id", "name", "slug", "created_at", "created_at" FROM "referat_previous"."people";
--> statement-breakpoint
INSERT INTO "person_names" ("key", "person_id", "name", "created_at")
  SELECT "key", "id", "name", "created_at" FROM "referat_previous"."people";
--> statement-breakpoint
-- The current document's items keep their ids; the projection matches them by number and title.
INSERT INTO "agenda_items" ("id", "meeting_id", "version_id", "organization_id", "meeting_date", "kind", "position", "number", "title", "paper_id", "access")
  SELECT "id", "meeting_id", "document_id", "body_id", "meeting_date", "kind", "position", "number", "title", "case_id", CASE WHEN "closed" THEN 'closed' ELSE 'public' END
  FROM "referat_previous"."agenda_items" WHERE "current";
--> statement-breakpoint
DROP SCHEMA "referat_previous" CASCADE;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('organizations', 'id'), coalesce((SELECT max("id") FROM "organizations"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('meetings', 'id'), coalesce((SELECT max("id") FROM "meetings"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('files', 'id'), coalesce((SELECT max("id") FROM "files"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('meeting_documents', 'id'), coalesce((SELECT max("id") FROM "meeting_documents"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('document_versions', 'id'), coalesce((SELECT max("id") FROM "document_versions"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('papers', 'id'), coalesce((SELECT max("id") FROM "papers"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('people', 'id'), coalesce((SELECT max("id") FROM "people"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('agenda_items', 'id'), coalesce((SELECT max("id") FROM "agenda_items"), 0) + 1, false);
