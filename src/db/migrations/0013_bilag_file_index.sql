-- A bilag download (/files/:id, OParl File) finds the item of its file by index, not by scanning attachments.
CREATE INDEX "attachments_file_idx" ON "attachments" USING btree ("file_id");