CREATE INDEX "people_first_name_idx" ON "people" USING btree (split_part(lower(name), ' ', 1));--> statement-breakpoint
CREATE INDEX "people_last_name_idx" ON "people" USING btree (regexp_replace(lower(name), '^.* ', ''));--> statement-breakpoint
CREATE INDEX "person_merges_other_idx" ON "person_merges" USING btree ("other_person_id");