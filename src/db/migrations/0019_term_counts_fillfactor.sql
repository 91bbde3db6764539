-- term_counts is updated with every projection (each of the meeting's lexemes, by difference: hundreds
-- of rows per document). On full pages every update writes its new row version to another page and a
-- new entry into the key's index, and the dead versions stay until a vacuum (PGlite never runs one by
-- itself): the table and its index bloat, and every lookup of a term (the item profiles read hundreds)
-- walks them. Half-empty pages keep the updates HOT — on the same page, no index entry, the dead
-- versions pruned when the page is next visited. Rows written before keep their pages until rewritten.
ALTER TABLE term_counts SET (fillfactor = 50);
