-- Ranked search without ranking every match (search-strategy.ts).
--
-- 1. Head tiers, on both drivers: for each lexeme of the title+decision vector, and for each of
--    its starts of 4 to 8 letters (summed over the lexemes sharing it, for compounds and
--    prefixes), how often it occurs in the title (A, up to 4) and in the decision (B, up to 3):
--    "a2b1/kommun" (the lexeme), "a3b1*kommun" (kommun, kommunal, kommuneplan … together).
--    ts_rank is decided first by those counts (a title match outranks any body match), so
--    probing the labels from the strongest down finds the best-ranked items of one word with a
--    few small GIN lookups, however common the word is.
CREATE OR REPLACE FUNCTION referat_head_tiers(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_to_tsvector(array_agg(t.label)), ''::tsvector) FROM (
  SELECT 'a' || least(sum(l.na), 4) || 'b' || least(sum(l.nb), 3) || k.kind || k.word AS label
  FROM (SELECT u.lexeme, cardinality(array_positions(u.weights, 'A')) AS na, cardinality(array_positions(u.weights, 'B')) AS nb FROM unnest(v) u) l
  CROSS JOIN LATERAL (
    SELECT '/' AS kind, l.lexeme AS word
    UNION ALL
    SELECT '*', left(l.lexeme, n) FROM generate_series(4, least(8, length(l.lexeme))) n
  ) k
  GROUP BY k.kind, k.word) t $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS agenda_items_head_tiers_idx ON agenda_items USING gin (referat_head_tiers(head_tsv))
  WHERE access = 'public' AND deleted_at IS NULL;
--> statement-breakpoint
-- 2. On PostgreSQL, a RUM index on the weighted vector returns matches in order of relevance
--    (`tsv <=> query`, computed from the positions and weights RUM stores), for the queries the
--    tiers do not serve (several words, phrases). Partial like the GIN indexes. Only where the
--    extension is installed or can be: PGlite has no RUM, and a role without the right to create
--    it keeps the GIN-only search; both skip this.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') THEN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
      RETURN;
    END IF;
    BEGIN
      CREATE EXTENSION rum;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'referat: no permission to create extension rum; search ranks without it';
      RETURN;
    END;
  END IF;
  CREATE INDEX IF NOT EXISTS agenda_items_tsv_rum_idx ON agenda_items USING rum (tsv rum_tsvector_ops)
    WHERE access = 'public' AND deleted_at IS NULL;
END $$;
