-- Section-type search: every lexeme of a section's text is also indexed as "<type>/<lexeme>"
-- (agenda_items.typed_tsv), and the query's lexemes get the same prefix, so "klima in a
-- decision section" is one GIN lookup. Both functions rewrite the quoted lexemes of the text
-- form, which keeps positions (phrases), weights and prefix markers as they were.
CREATE OR REPLACE FUNCTION referat_prefix_lexemes(v tsvector, prefix text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT regexp_replace(v::text, '''((?:[^'']|'''')*)''', '''' || prefix || '\1''', 'g')::tsvector $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION referat_prefix_query(q tsquery, prefix text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT regexp_replace(q::text, '''((?:[^'']|'''')*)''', '''' || prefix || '\1''', 'g')::tsquery $$;
