-- The secretariat's workspace (issue 11): drafts being written, organisations' own agenda templates,
-- corrections of imports kept across re-imports, a version's "Rettet" note, and the item that approves
-- a meeting's minutes. Nothing existing changes; an older archive gains three empty tables and two null columns.
CREATE TABLE "agenda_templates" (
	"organization_id" integer PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"op" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"meeting_id" integer,
	"kind" text NOT NULL,
	"model" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_version_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "drafts_kind_check" CHECK ("kind" in ('agenda', 'minutes'))
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "minutes_of" date;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "agenda_templates" ADD CONSTRAINT "agenda_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_corrections" ADD CONSTRAINT "document_corrections_document_id_meeting_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."meeting_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_published_version_id_document_versions_id_fk" FOREIGN KEY ("published_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_corrections_document_idx" ON "document_corrections" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "drafts_organization_idx" ON "drafts" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_meeting_kind_key" ON "drafts" USING btree ("meeting_id","kind") WHERE "drafts"."meeting_id" is not null and "drafts"."deleted_at" is null;