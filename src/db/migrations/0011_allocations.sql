-- Allocation keys (issue 13): population figures per municipality and period (FOLK1A imports and
-- secretaries' entries, each with source, date and author) and allocations attached to agenda items,
-- kept as versions (inputs and result), never overwritten. Nothing existing changes.
CREATE TABLE "allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"agenda_item_id" integer NOT NULL,
	"slot" integer NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"population_period" text,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"municipality" text NOT NULL,
	"period" text NOT NULL,
	"count" integer NOT NULL,
	"source" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entered_by" text NOT NULL,
	CONSTRAINT "population_figures_count_check" CHECK ("population_figures"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allocations_item_slot_version_key" ON "allocations" USING btree ("agenda_item_id","slot","version");--> statement-breakpoint
CREATE INDEX "allocations_item_idx" ON "allocations" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "population_figures_key" ON "population_figures" USING btree ("municipality_code","period");