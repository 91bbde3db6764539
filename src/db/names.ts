/**
 * @module Names as identities and URL names: a body's slug, a person's normalised key (one
 * identity however a document punctuates the name) and the person's slug derived from it.
 * Migration 0006 repeats personKey and personSlug in SQL for rows stored before it.
 */

/** URL slug of a body name: "KKR Midtjylland" → "kkr-midtjylland", "KD-Net" → "kd-net". */
export function slugify(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Normalised identity of a person's name: "H. C. Østerby" and "H.C. Østerby" → "h c østerby". */
export function personKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,\-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person's URL name: "H.C. Østerby" → "h-c-oesterby"; empty when the name has no Latin letters or digits. */
export function personSlug(name: string): string {
  return slugify(personKey(name));
}

/** Sort key in Danish alphabet order (… z, æ, ø, å), accents ignored; stable without ICU data. */
export function danishSortKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/å/g, '\u{10FFFD}')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, '\u{10FFFB}')
    .replace(/ø/g, '\u{10FFFC}');
}

/** Compares two names in Danish alphabet order. */
export function danishCompare(a: string, b: string): number {
  const [x, y] = [danishSortKey(a), danishSortKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
