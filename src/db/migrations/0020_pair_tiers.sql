-- Tiers for the queries the head tiers (0014) cannot serve, on both drivers: a phrase, and a
-- prefix of three letters (`bygge*` stems to `byg`; 0014 starts at four). For each adjacent pair
-- of lexemes in the title+decision vector, how often it occurs in the title (both words A, up to
-- 4) and in the decision (both B, up to 3): `a1b2"region midtjylland`; and for each 3-letter start,
-- summed over the lexemes sharing it: `a2b1*byg`. A phrase or a prefix is ranked as one term
-- (search-rank.ts), decided first by those counts, so reading the labels strongest first finds its
-- best-ranked items from a few hundred rows instead of pre-ranking every title/decision match.
-- A pair across the end of the title and the start of the decision (A then B) counts as two
-- decision occurrences: that is how the one-term rank (ts_rank_cd's cover weight) counts it.
CREATE OR REPLACE FUNCTION referat_pair_tiers(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ WITH o AS (SELECT u.lexeme, p.pos, p.w FROM unnest(v) u, unnest(u.positions, u.weights) p(pos, w))
SELECT coalesce(array_to_tsvector(array_agg(t.label)), ''::tsvector) FROM (
  SELECT 'a' || least(count(*) FILTER (WHERE y.w = 'A'), 4) || 'b' || least(count(*) FILTER (WHERE y.w = 'B') + count(*) FILTER (WHERE x.w = 'A' AND y.w = 'B'), 3)
    || '"' || x.lexeme || ' ' || y.lexeme AS label
  FROM o x JOIN o y ON y.pos = x.pos + 1
  GROUP BY x.lexeme, y.lexeme
  UNION ALL
  SELECT 'a' || least(count(*) FILTER (WHERE o.w = 'A'), 4) || 'b' || least(count(*) FILTER (WHERE o.w = 'B'), 3) || '*' || left(o.lexeme, 3)
  FROM o WHERE length(o.lexeme) >= 3
  GROUP BY left(o.lexeme, 3)) t $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS agenda_items_pair_tiers_idx ON agenda_items USING gin (referat_pair_tiers(head_tsv))
  WHERE access = 'public' AND deleted_at IS NULL;
