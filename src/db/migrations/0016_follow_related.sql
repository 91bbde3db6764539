-- Following across meetings, continued (issue 12): related items by content (term_counts: in how many public items
-- each lexeme occurs; item_profiles: each item's distinctive lexemes), secretaries' corrections of derived records
-- kept under the item and a key of what it stated (derived_corrections; memberships and organization_seats carry
-- the key), and names scoped by municipality so namesakes of different municipalities are two people.
CREATE TABLE "derived_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_item_id" integer NOT NULL,
	"key" text NOT NULL,
	"action" text NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "derived_corrections_kind_check" CHECK ("kind" in ('appointment', 'seat', 'planned', 'promise')),
	CONSTRAINT "derived_corrections_action_check" CHECK ("action" in ('confirm', 'change', 'reject'))
);
--> statement-breakpoint
CREATE TABLE "item_profiles" (
	"item_id" integer PRIMARY KEY NOT NULL,
	"terms" text[] NOT NULL,
	"weights" real[] NOT NULL,
	"norm" real NOT NULL,
	"subject" text[] NOT NULL,
	"subject_weights" real[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_counts" (
	"term" text PRIMARY KEY NOT NULL,
	"items" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_names" ADD COLUMN "scope" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "person_names" DROP CONSTRAINT "person_names_pkey";--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_key_scope_pk" PRIMARY KEY("key","scope");--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "derivation_key" text;--> statement-breakpoint
ALTER TABLE "organization_seats" ADD COLUMN "derivation_key" text;--> statement-breakpoint
ALTER TABLE "derived_corrections" ADD CONSTRAINT "derived_corrections_source_item_id_agenda_items_id_fk" FOREIGN KEY ("source_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_profiles" ADD CONSTRAINT "item_profiles_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "derived_corrections_key" ON "derived_corrections" USING btree ("kind","source_item_id","key");--> statement-breakpoint
CREATE INDEX "item_profiles_terms_idx" ON "item_profiles" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "item_profiles_subject_idx" ON "item_profiles" USING gin ("subject");--> statement-breakpoint
-- The counts of the items already stored (the projection keeps them from here on; profiles are written when the
-- meetings are projected again, PROJECTION_VERSION 4).
INSERT INTO "term_counts" ("term", "items")
  SELECT lexeme, count(*)::int FROM "agenda_items" i, unnest(tsvector_to_array(i."tsv")) lexeme
  WHERE i."access" = 'public' AND i."deleted_at" IS NULL GROUP BY lexeme;--> statement-breakpoint
INSERT INTO "term_counts" ("term", "items")
  SELECT '', count(*)::int FROM "agenda_items" i WHERE i."access" = 'public' AND i."deleted_at" IS NULL AND i."tsv" <> ''::tsvector
  HAVING count(*) > 0; -- an empty archive stays empty (restore refuses a non-empty target)
