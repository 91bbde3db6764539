ALTER TABLE "participations" ADD COLUMN "party" text;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "municipality" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "slug" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "people_slug_idx" ON "people" USING btree ("slug");