CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"body_id" integer,
	"meeting_date" date,
	"kind" text NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"case_id" integer,
	"case_officers" text[] DEFAULT '{}'::text[] NOT NULL,
	"presenters" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision" text,
	"closed" boolean DEFAULT false NOT NULL,
	"summary_text" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"head_tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(decision, '')), 'B')) STORED,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(decision, '')), 'B') || setweight(to_tsvector('danish'::regconfig, coalesce(summary_text, '')), 'C') || setweight(to_tsvector('danish'::regconfig, coalesce(body_text, '')), 'D')) STORED,
	CONSTRAINT "agenda_items_kind_check" CHECK ("agenda_items"."kind" in ('agenda', 'minutes'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"file_name" text
);
--> statement-breakpoint
CREATE TABLE "bodies" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bodies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_number" text NOT NULL,
	CONSTRAINT "cases_case_number_unique" UNIQUE("case_number")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"original" "bytea" NOT NULL,
	"model" jsonb NOT NULL,
	"has_closed_content" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_sha256_unique" UNIQUE("sha256"),
	CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" in ('agenda', 'minutes'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"body_id" integer,
	"date" date,
	"start_time" text,
	"end_time" text,
	"location" text,
	"online" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"attendance_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('planned', 'held'))
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"role" text,
	"organisation" text,
	"group_name" text,
	"minute_taker" boolean DEFAULT false NOT NULL,
	"substitute_person_id" integer,
	CONSTRAINT "participations_status_check" CHECK ("participations"."status" in ('present', 'afbud', 'absent', 'substitute', 'guest'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"party" text,
	"municipality" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"position" integer NOT NULL,
	"heading" text,
	"type" text NOT NULL,
	"blocks" jsonb NOT NULL,
	"plain_text" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce(heading, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(plain_text, '')), 'D')) STORED
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_substitute_person_id_people_id_fk" FOREIGN KEY ("substitute_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_document_position_key" ON "agenda_items" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_number_idx" ON "agenda_items" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE INDEX "agenda_items_case_idx" ON "agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "agenda_items_date_idx" ON "agenda_items" USING btree ("meeting_date");--> statement-breakpoint
CREATE INDEX "agenda_items_tsv_idx" ON "agenda_items" USING gin ("tsv") WHERE not "agenda_items"."closed";--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_item_position_key" ON "attachments" USING btree ("item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_meeting_kind_key" ON "documents" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_body_date_key" ON "meetings" USING btree ("body_id","date") WHERE "meetings"."date" is not null;--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date");--> statement-breakpoint
CREATE INDEX "participations_meeting_idx" ON "participations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "participations_document_idx" ON "participations" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "participations_person_idx" ON "participations" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_item_position_key" ON "sections" USING btree ("item_id","position");--> statement-breakpoint
CREATE INDEX "sections_tsv_idx" ON "sections" USING gin ("tsv");