-- Following people and seats across meetings (issue 12): seats per electoral period and appointments with the item
-- that made them, planned meetings known from a calendar in another meeting's document, and identity decisions
-- (merged automatically, suggested, accepted, rejected). Existing memberships become source 'attendance'.
CREATE TABLE "organization_seats" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"appointed_by_id" integer,
	"period" text NOT NULL,
	"seats" integer NOT NULL,
	"note" text NOT NULL,
	"source_item_id" integer NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"other_person_id" integer NOT NULL,
	"relation" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"decision" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_merges_decision_check" CHECK ("decision" in ('automatic', 'accepted', 'rejected'))
);
--> statement-breakpoint
DROP INDEX "memberships_derived_key";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "announced_by_item_id" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "source" text DEFAULT 'attendance' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "source_item_id" integer;--> statement-breakpoint
ALTER TABLE "organization_seats" ADD CONSTRAINT "organization_seats_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_seats" ADD CONSTRAINT "organization_seats_appointed_by_id_organizations_id_fk" FOREIGN KEY ("appointed_by_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_seats" ADD CONSTRAINT "organization_seats_source_item_id_agenda_items_id_fk" FOREIGN KEY ("source_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_other_person_id_people_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_seats_key" ON "organization_seats" USING btree ("organization_id","period","source_item_id");--> statement-breakpoint
CREATE INDEX "organization_seats_appointed_by_idx" ON "organization_seats" USING btree ("appointed_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_merges_pair_key" ON "person_merges" USING btree ("person_id","other_person_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_source_item_id_agenda_items_id_fk" FOREIGN KEY ("source_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_appointment_key" ON "memberships" USING btree ("person_id","organization_id","role","source_item_id") WHERE "memberships"."source" = 'appointment';--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_derived_key" ON "memberships" USING btree ("person_id","organization_id","role","term_id") WHERE "memberships"."derived" and "memberships"."source" = 'attendance';--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_source_check" CHECK ("source" in ('attendance', 'appointment'));