-- People and participations stored before 0005 get what content.ts now writes on import:
-- a person's slug (names.ts personSlug) and, per participation, the party and municipality
-- the document states. SQL versions of names.ts: personKey(name) and slugify(key).
-- Upper-case Danish letters are folded by hand because lower() leaves them in a "C" locale.
CREATE FUNCTION referat_person_key(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(translate(lower(translate(normalize(name, NFC), 'ÆØÅ', 'æøå')), '.,-‐–', '     '), '[\s\u00a0]+', ' ', 'g'))
$$;
--> statement-breakpoint
UPDATE people SET slug = btrim(regexp_replace(
  regexp_replace(normalize(replace(replace(replace(lower(normalize(key, NFKC)), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), NFKD), '[\u0300-\u036f]', '', 'g'),
  '[^a-z0-9]+', '-', 'g'), '-');
--> statement-breakpoint
-- Members present are in the model's participants, afbud in its absent list; the first listing
-- of a name is the one stored, as in content.ts.
UPDATE participations pa SET (party, municipality) = (
  SELECT e.x ->> 'party', e.x ->> 'municipality'
  FROM documents d, people p,
    jsonb_array_elements(d.model -> (CASE pa.status WHEN 'present' THEN 'participants' ELSE 'absent' END)) WITH ORDINALITY AS e(x, ord)
  WHERE d.id = pa.document_id AND p.id = pa.person_id AND referat_person_key(e.x ->> 'name') = p.key
  ORDER BY e.ord LIMIT 1)
WHERE pa.status IN ('present', 'afbud');
--> statement-breakpoint
DROP FUNCTION referat_person_key(text);
