/**
 * @module The search box's language, parsed into clauses and written as tsquery text — pure.
 *
 * Words are ANDed; `or`/`eller` between two terms makes them alternatives (binding tighter than
 * AND: `klima plan eller strategi` = klima AND (plan OR strategi)); `-ord` and `ikke ord` exclude;
 * `"…"` is a phrase (inside it every word is a word, `eller` too); `klima*` is a prefix. A plain
 * word of four or more letters also matches as the first part of a compound (`klima` finds
 * `klimastrategi`); search.ts ranks those matches below exact ones.
 *
 * The tsquery text is given to `to_tsquery('danish', …)` as a bound parameter. Every operand is
 * a quoted tsquery literal holding only letters, digits and inner hyphens, so no input can add an
 * operator or break the syntax; the database still stems each operand and drops stop words.
 */

/** A word (possibly a prefix) or a phrase, as typed and cleaned. */
export type Operand =
  | { kind: 'word'; text: string; raw: string; prefix: boolean }
  /** `raw` is set when the phrase was typed as one token ("20/12345"), not in quotes. */
  | { kind: 'phrase'; words: string[]; raw?: string };

/** One term of an OR group: an operand, possibly excluded. */
export interface Alternative {
  operand: Operand;
  negated: boolean;
}

/** The query is the AND of its clauses; a clause is the OR of its alternatives. */
export interface Clause {
  alternatives: Alternative[];
}

export interface ParsedQuery {
  clauses: Clause[];
}

const OR_WORDS = new Set(['or', 'eller']);
const NOT_WORDS = new Set(['ikke']);
/** Shorter words are too unspecific to stand for the start of a compound (and costly as prefixes). */
export const COMPOUND_MIN_LENGTH = 4;
/** An explicit prefix shorter than this is taken as a plain word. */
const PREFIX_MIN_LENGTH = 2;

type Token = { kind: 'word'; raw: string; negated: boolean } | { kind: 'phrase'; words: string[]; negated: boolean } | { kind: 'or' } | { kind: 'not' };

/** Letters, digits and hyphens between them; everything else separates words. */
export function cleanWord(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}-]+/gu, ' ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // A phrase (closed or running to the end), or a run of anything but spaces and quotes.
  const pattern = /(-?)"([^"]*)"?|[^\s"]+/g;
  for (const m of text.matchAll(pattern)) {
    if (m[0].includes('"')) {
      const words = cleanWord(m[2] ?? '').split(' ').filter((w) => w !== '');
      if (words.length > 0) tokens.push({ kind: 'phrase', words, negated: m[1] === '-' });
      continue;
    }
    const raw = m[0];
    const lower = raw.toLowerCase();
    if (OR_WORDS.has(lower)) tokens.push({ kind: 'or' });
    else if (NOT_WORDS.has(lower)) tokens.push({ kind: 'not' });
    else if (raw.startsWith('-')) tokens.push({ kind: 'word', raw: raw.replace(/^-+/, ''), negated: true });
    else tokens.push({ kind: 'word', raw, negated: false });
  }
  return tokens;
}

function operandOf(token: Extract<Token, { kind: 'word' | 'phrase' }>): Operand | null {
  if (token.kind === 'phrase') return { kind: 'phrase', words: token.words };
  const starred = /\*+$/.test(token.raw);
  const text = cleanWord(token.raw);
  if (text === '') return null;
  // "klima-*" or "20/12*": the prefix applies to one word only; else it is a plain word (or phrase).
  const prefix = starred && !text.includes(' ') && text.length >= PREFIX_MIN_LENGTH;
  const raw = token.raw.replace(/\*+$/, '');
  if (text.includes(' ')) return { kind: 'phrase', words: text.split(' '), raw };
  return { kind: 'word', text, raw, prefix };
}

/** Parses the user's text; never throws, whatever the input. */
export function parseQuery(text: string): ParsedQuery {
  const clauses: Clause[] = [];
  let pendingOr = false;
  let pendingNot = false;
  for (const token of tokenize(text)) {
    if (token.kind === 'or') {
      pendingOr = clauses.length > 0;
      continue;
    }
    if (token.kind === 'not') {
      pendingNot = true;
      continue;
    }
    const operand = operandOf(token);
    if (!operand) continue;
    const alternative: Alternative = { operand, negated: token.negated !== pendingNot };
    if (pendingOr) clauses.at(-1)!.alternatives.push(alternative);
    else clauses.push({ alternatives: [alternative] });
    pendingOr = false;
    pendingNot = false;
  }
  return { clauses };
}

/** Whether the query has a term that must be present (a query of exclusions alone finds nothing). */
export function hasPositive(query: ParsedQuery): boolean {
  return query.clauses.some((c) => c.alternatives.every((a) => !a.negated));
}

/** A tsquery literal: quoted, with quote and backslash escaped (cleanWord leaves neither, but the syntax is kept anyway). */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Whether a word also stands for the first part of a compound. */
export function expandsToCompounds(operand: Operand): boolean {
  return operand.kind === 'word' && !operand.prefix && operand.text.length >= COMPOUND_MIN_LENGTH && /^[\p{L}\p{N}]+$/u.test(operand.text) && /\p{L}/u.test(operand.text);
}

/** Which words expand to compounds: all that can, or only those in the set. */
export type CompoundChoice = boolean | ReadonlySet<string>;

const expands = (operand: Operand, negated: boolean, compounds: CompoundChoice) =>
  // Excluding a word excludes the word, not every compound that starts with it.
  !negated && expandsToCompounds(operand) && (compounds === true || (compounds !== false && operand.kind === 'word' && compounds.has(operand.text)));

function operandQuery(operand: Operand, negated: boolean, compounds: CompoundChoice): string {
  if (operand.kind === 'phrase') return literal(operand.words.join(' '));
  if (operand.prefix) return `${literal(operand.text)}:*`;
  if (expands(operand, negated, compounds)) return `(${literal(operand.text)} | ${literal(operand.text)}:*)`;
  return literal(operand.text);
}

/**
 * The query as tsquery text for `to_tsquery('danish', …)`; '' when it has no terms. With
 * `compounds`, plain words also match as compound starts.
 */
export function toTsquery(query: ParsedQuery, options: { compounds: CompoundChoice }): string {
  const clauses = query.clauses.map((clause) => {
    const parts = clause.alternatives.map((a) => `${a.negated ? '!' : ''}${operandQuery(a.operand, a.negated, options.compounds)}`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
  });
  return clauses.join(' & ');
}

/** Whether compound matching changes the query (so ranking must tell exact matches apart). */
export function hasCompounds(query: ParsedQuery, compounds: CompoundChoice = true): boolean {
  return query.clauses.some((c) => c.alternatives.some((a) => expands(a.operand, a.negated, compounds)));
}

/** The words that could stand for compound starts, once each. */
export function compoundWords(query: ParsedQuery): string[] {
  const words = query.clauses.flatMap((c) => c.alternatives.filter((a) => !a.negated && expandsToCompounds(a.operand)).map((a) => (a.operand as { text: string }).text));
  return [...new Set(words)];
}

/** A case number's comparison key: letters and digits only, lower case ("SAG-2020-01697" → "sag202001697"). */
export function caseKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Like the importer (case-number.ts): a case number has at least three digits. */
const looksLikeCase = (key: string) => (key.match(/\d/g)?.length ?? 0) >= 3;

/** The most words a case number typed with spaces may take ("SAG 2020 01697"). */
const MAX_CASE_WORDS = 8;

/** A run of clauses [start, end) that may be a case number, with its key. */
export interface CaseCandidate {
  start: number;
  end: number;
  key: string;
}

/**
 * Runs of plain AND-ed words that could together be a case number, longest first: the caller
 * looks their keys up and takes the runs that name a known case.
 */
export function caseCandidates(query: ParsedQuery): CaseCandidate[] {
  const raw = (c: Clause | undefined): string | undefined =>
    c !== undefined && c.alternatives.length === 1 && !c.alternatives[0]!.negated ? c.alternatives[0]!.operand.raw : undefined;
  const plain = (c: Clause | undefined) => raw(c) !== undefined;
  const found: CaseCandidate[] = [];
  for (let start = 0; start < query.clauses.length; start++) {
    for (let end = start + 1; end <= Math.min(query.clauses.length, start + MAX_CASE_WORDS) && plain(query.clauses[end - 1]); end++) {
      const key = caseKey(query.clauses.slice(start, end).map(raw).join(''));
      if (looksLikeCase(key)) found.push({ start, end, key });
    }
  }
  return found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
}

/** The query without the clauses of the given runs. */
export function withoutRuns(query: ParsedQuery, runs: ReadonlyArray<{ start: number; end: number }>): ParsedQuery {
  return { clauses: query.clauses.filter((_, i) => !runs.some((r) => i >= r.start && i < r.end)) };
}

/** The words a person's name could be typed as: the positive plain words, when there are no alternatives. */
export function nameWords(query: ParsedQuery): string[] {
  if (query.clauses.some((c) => c.alternatives.length > 1)) return [];
  return query.clauses.flatMap((c) => {
    const a = c.alternatives[0]!;
    if (a.negated) return [];
    return a.operand.kind === 'phrase' ? a.operand.words : [a.operand.text];
  });
}
