DROP INDEX "agenda_items_date_idx";--> statement-breakpoint
DROP INDEX "sections_tsv_idx";--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "typed_tsv" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "agenda_items_newest_idx" ON "agenda_items" USING btree ("meeting_date" DESC NULLS LAST,"meeting_id" DESC NULLS LAST,"position") WHERE not "agenda_items"."closed";--> statement-breakpoint
CREATE INDEX "agenda_items_oldest_idx" ON "agenda_items" USING btree ("meeting_date","meeting_id","position") WHERE not "agenda_items"."closed";--> statement-breakpoint
CREATE INDEX "agenda_items_head_tsv_idx" ON "agenda_items" USING gin ("head_tsv") WHERE not "agenda_items"."closed";--> statement-breakpoint
CREATE INDEX "agenda_items_typed_tsv_idx" ON "agenda_items" USING gin ("typed_tsv") WHERE not "agenda_items"."closed";--> statement-breakpoint
ALTER TABLE "sections" DROP COLUMN "tsv";