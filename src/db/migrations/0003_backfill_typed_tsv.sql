-- Items stored before typed_tsv existed get it from their sections, as content.ts computes it
-- for new items: each section's public text, lexemes prefixed with the section's type.
CREATE AGGREGATE referat_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
--> statement-breakpoint
UPDATE agenda_items i SET typed_tsv = t.v
FROM (
  SELECT s.item_id,
    referat_tsvector_agg(referat_prefix_lexemes(to_tsvector('danish'::regconfig, s.plain_text), s.type || '/') ORDER BY s.position) AS v
  FROM sections s GROUP BY s.item_id
) t
WHERE t.item_id = i.id AND NOT i.closed;
