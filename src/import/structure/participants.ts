/**
 * @module Participant lines in their real shapes: "Name (V), Norddjurs", "Name, (F), Odder",
 * "Name (A) - formand", "Name, V", "Name (Løsgænger)", "Name, Skive kommune, i stedet deltog
 * Thomas Lindberg", "Chefkonsulent Name (referent)". Parties, roles, municipalities and substitute
 * phrases are the lexicon's (participants.json, municipalities.json).
 */
import type { Absence, Attendee, Participant } from '../../model/index.js';
import { FIRST_NAMES, MUNICIPALITIES, ORGANISATION_WORDS, PARTIES, ROLE_WORDS, SUBSTITUTE_FOR_PATTERNS, SUBSTITUTE_PATTERNS } from '../lexicon/index.js';

const JOB = /(direktør|konsulent|chef|leder|sekretær|fuldmægtig|specialist|rådgiver|medarbejder|borgmester|formand|koordinator|referent|assistent)\b/i;

/** A spelling key: case, spaces, hyphens, "aa"/"å" and a trailing "Kommune" do not matter. */
const spellingKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+kommune$/, '')
    .replace(/å/g, 'aa')
    .replace(/[\s\-–.]/g, '');

const OFFICIAL = new Map<string, string>(
  MUNICIPALITIES.flatMap((m) => [m.name, ...m.spellings].map((s) => [spellingKey(s), m.name] as [string, string])),
);

/** The official name of a municipality or region written in any spelling, or null when it is none. */
export function knownMunicipality(text: string): string | null {
  return OFFICIAL.get(spellingKey(text.trim())) ?? null;
}

/**
 * One spelling per municipality, so people can be followed across documents:
 * "Skive kommune" → "Skive", "Ikast Brande" → "Ikast-Brande"; other names as written.
 */
export function municipalityName(text: string): string {
  return knownMunicipality(text) ?? text.replace(/\s+kommune$/i, '').trim();
}

const PARTY_BY_NAME = new Map<string, string>(
  PARTIES.flatMap((p) => [p.letter, ...p.names].map((n) => [n.toLowerCase(), p.letter] as [string, string])),
);

/** The party letter for "V", "(V)", "Venstre", "Løsgænger"; null when the text names no party. */
export function partyOf(text: string, inParentheses = false): string | null {
  const bare = text.trim().replace(/^\((.*)\)$/, '$1').trim();
  const known = PARTY_BY_NAME.get(bare.toLowerCase());
  if (known) return known;
  // In parentheses after a name any one or two capitals are a list letter ("(A)", "(SF)"); bare, only a known one.
  return (inParentheses || /^\(.*\)$/.test(text.trim())) && /^[A-ZÆØÅ]{1,2}$/.test(bare) ? bare : null;
}

/** The role as written when the text is a role in the body ("formand", "1. viceborgmester"), else null. */
export function roleOf(text: string): string | null {
  const t = text.trim().replace(/[.:]$/, '');
  const lower = t.toLowerCase();
  return ROLE_WORDS.some((r) => lower === r || lower.startsWith(`${r} `)) ? t : null;
}

/**
 * The role or job title written before a name: "Formand Marianne Bruhn", "1. viceborgmester Carl
 * Dahl" (the lexicon's roles), "Afdelingschef Erling Frost Damgaard" (a job title), and a long role
 * whose name starts at the first first name after it ("Formand Plan Miljø og Klima Hans Jørgen Okkels").
 */
function splitLead(name: string): { role: string | null; name: string } {
  const lower = name.toLowerCase();
  const first = name.split(/\s+/)[0]!;
  // "Adm. direktør Jakob Brøns": an abbreviated word before a job title is part of it.
  const abbreviated = /^(\p{Lu}\p{Ll}{1,4}\.\s\p{Ll}+)\s/u.exec(name);
  const role =
    ROLE_WORDS.find((r) => lower.startsWith(`${r} `)) ??
    (/^\p{Lu}\p{Ll}+$/u.test(first) && JOB.test(first) ? first.toLowerCase() : null) ??
    (abbreviated && JOB.test(abbreviated[1]!) ? abbreviated[1]!.toLowerCase() : null);
  if (!role) return { role: null, name };
  const rest = name.slice(role.length + 1).trim();
  if (isPersonName(rest)) return { role, name: rest };
  const words = rest.split(/\s+/);
  const at = words.findIndex((w, i) => i > 0 && FIRST.has(w) && isPersonName(words.slice(i).join(' ')));
  return at > 0 ? { role: `${role} ${words.slice(0, at).join(' ')}`, name: words.slice(at).join(' ') } : { role: null, name };
}

/**
 * An official in a members list: a job title that is no role in the body before a person's name,
 * perhaps after the organisation's acronym ("Kontorchef Esben Grove", "KL Direktør Jane Winther",
 * "Adm. direktør Jakob Brøns").
 * Returns the line as an others-present line ("Direktør Jane Winther, KL"), or null.
 */
export function officialLine(text: string): string | null {
  // "Adm. direktør Jakob Brøns": an abbreviated word before the job title belongs to it.
  const m = /^(?:(\p{Lu}{2,5})\s+)?(\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}{1,4}\.\s\p{Ll}+)\s+(.+)$/u.exec(text.trim());
  if (!m || !JOB.test(m[2]!) || roleOf(m[2]!) !== null) return null;
  const [name = '', ...rest] = m[3]!.split(',').map((s) => s.trim());
  if (!isPersonName(name)) return null;
  return [`${m[2]} ${name}`, ...rest, ...(m[1] ? [m[1]] : [])].join(', ');
}

/** Reads a member line: name, party letter, municipality, role. */
export function parseParticipant(text: string): Participant {
  let rest = text.trim().replace(/\.$/, '');
  let party: string | null = null;
  const notes: string[] = [];
  // Parentheses hold the party ("(A)", "(Løsgænger)") or a note on the role ("(midlertidigt for X)").
  rest = rest.replace(/\s*\(([^()]*)\)\s*/g, (_, inner: string) => {
    const p = partyOf(inner, true);
    if (p && party === null) party = p;
    else if (inner.trim()) notes.push(inner.trim());
    return ',';
  });
  // A parenthesis the page never closed ("Alice Kiander (Børne- og Ungdomsorganisationernes Samråd") holds a note too.
  rest = rest.replace(/\s*\(([^()]*)$/, (_, inner: string) => {
    if (inner.trim()) notes.push(inner.trim());
    return '';
  });
  // "Name (A) - formand": a spaced dash sets off the role like a comma.
  const [name = '', ...parts] = rest.split(/,|\s+[-–]\s+/).map((s) => s.trim().replace(/^[-–]\s*/, '')).filter(Boolean);
  let municipality: string | null = null;
  const roles: string[] = [];
  const lead = splitLead(name);
  let bare = lead.name;
  if (lead.role) roles.push(lead.role);
  // Lower-case words after a name are a note on it, never part of it ("Vibeke Ravnsborg åben", "… ved sag nr. 6").
  const tail = /^(\p{Lu}.*?)(\s+(?!(?:af|de|van|von|la|le|da|di|du|der)\s)\p{Ll}.*)$/u.exec(bare);
  if (tail) {
    bare = tail[1]!;
    roles.push(tail[2]!.trim());
  }
  // "Morten Holm SAND": an organisation's acronym after a person's name is where the person comes from (or a party: "SF").
  const acronym = /^(.+?)\s+(\p{Lu}{2,6})$/u.exec(bare);
  if (acronym && isPersonName(acronym[1]!)) {
    bare = acronym[1]!;
    parts.unshift(acronym[2]!);
  }
  for (const part of parts) {
    const p = partyOf(part);
    const m = knownMunicipality(part) ?? (/\skommune$/i.test(part) ? municipalityName(part) : null);
    if (p && party === null) party = p;
    else if (m && municipality === null) municipality = m;
    else roles.push(part);
  }
  roles.push(...notes);
  return { name: bare, party, municipality, role: roles.length > 0 ? roles.join(', ') : null };
}

// Name particles written in lower case between the capitalised parts ("Anna de la Cour", "Karl af Rosen").
const PARTICLES = new Set(['af', 'de', 'van', 'von', 'la', 'le', 'da', 'di', 'du', 'der']);
// A capitalised word (hyphenated too) or initials ("H.C.", "B."); never an all-capital word such as "KL".
const NAME_WORD = /^(?:(?:\p{Lu}\.)+-?(?:\p{Lu}\.)*|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*)$/u;
// Endings of bodies and places, never of a person's name ("Skoleudvalget", "Sekretariatet").
const NOT_PERSON = /(?:udvalget|rådet|bestyrelsen|sekretariatet|forvaltningen|afdelingen|centret|centeret)$|\s(?:kommune|region|forvaltning|center|afdeling|udvalg|skole|sekretariat)$/i;

/**
 * True for a person's name as lists write it: two to six capitalised words or initials, with name
 * particles between ("Anna Holm", "H.P. Østergaard", "Poul-Erik Sandberg"), no role or body word.
 */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6 || NOT_PERSON.test(text.trim())) return false;
  if (roleOf(words[0]!) !== null || PARTICLES.has(words[0]!) || PARTICLES.has(words.at(-1)!)) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w));
}

const FIRST = new Set(FIRST_NAMES);

/** A capitalised title one word long that a name follows: a role ("Borgmester") or a job ("Direktør", "Økonomichef"). */
const JOB_WORD = new RegExp(String.raw`(?:${JOB.source.replace(/^\(|\)\\b$/g, '')})$`, 'iu');
const leadsName = (token: string) => /^\p{Lu}\p{Ll}+$/u.test(token) && (JOB_WORD.test(token) || roleOf(token) !== null);

/**
 * A list whose line breaks a transcript lost ("Vibeke Stær Ravnsholt Lise Lindahl Troels Bach
 * Grønbæk", "Charlotte Friis ved sag nr. 6 Hans Abildgaard"): one text per person, a first name
 * after a full name starting the next one (a second first name, "Hans Jørgen", does not), a
 * lower-case note kept with its name ("Charlotte Friis, ved sag nr. 6"), a capitalised title after a
 * full name starting the next one ("Ole Berg Direktør Gurli Holm"). Null for any other text.
 */
export function segmentNames(text: string): string[] | null {
  const tokens = text.trim().split(/\s+/);
  // A note in parentheses of one lower-case word ("Erik Vestergaard (afbud) Jens …") is the one before it's.
  const withoutNotes = text.replace(/(?<=\s)\(\p{Ll}+\.?\)(?=\s|$)/gu, '');
  if (tokens.length < 4 || /[,;:()]/.test(withoutNotes) || !NAME_WORD.test(tokens[0]!)) return null;
  const people: { name: string[]; note: string[] }[] = [];
  for (const token of tokens) {
    const current = people.at(-1);
    if (/^\(\p{Ll}+\.?\)$/u.test(token) && current) {
      current.note.push(token);
      continue;
    }
    // "… Ole Berg Direktør Gurli Holm …": a capitalised title (a role, a job) after a name leads the next person.
    if (current !== undefined && current.name.length >= 2 && leadsName(token)) {
      people.push({ name: [token], note: [] });
      continue;
    }
    const nameWord = NAME_WORD.test(token);
    const startsNext = current !== undefined && current.name.length >= 2 && FIRST.has(token) && !FIRST.has(current.name.at(-1)!);
    if (nameWord && (current === undefined || current.note.length > 0 || startsNext)) people.push({ name: [token], note: [] });
    else if (current && current.note.length === 0 && (nameWord || PARTICLES.has(token))) current.name.push(token);
    else current!.note.push(token);
  }
  if (people.length < 2 || !people.every((p) => isPersonName(p.name.join(' ')))) return null;
  const noted = (p: { name: string[]; note: string[] }) => (/^\(/.test(p.note[0]!) ? `${p.name.join(' ')} ${p.note.join(' ')}` : `${p.name.join(' ')}, ${p.note.join(' ')}`);
  return people.map((p) => (p.note.length > 0 ? noted(p) : p.name.join(' ')));
}

/**
 * A person's organisation as a transcript runs it after the name, without a comma: a municipality
 * ("Thisted Kommune"), a region ("Region Nordjylland"), an acronym with or without a word after it
 * ("KKR Nordjylland", "BRN Sekretariat").
 */
const ORGANISATION_AFTER = String.raw`(?:\p{Lu}[\p{L}\-]+ [Kk]ommune|Region \p{Lu}\p{Ll}+|\p{Lu}{2,6}(?: \p{Lu}\p{Ll}+)?)`;
const NAME_THEN_ORGANISATION = new RegExp(String.raw`^((?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*\s+){1,3}?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*)\s+(${ORGANISATION_AFTER})(?=\s|$)\s*`, 'u');

/**
 * A run of names each followed by the person's organisation, as a transcript prints a two-column
 * list ("Karen Bach Frederikshavn Kommune Dorte Hvid Poulsen Thisted Kommune Mette Lind KKR
 * Nordjylland"): "Name, Organisation" per person. Null unless the whole text is two such entries or more.
 */
export function segmentByOrganisation(text: string): string[] | null {
  let rest = text.trim();
  if (/[,;:()]/.test(rest) || rest.length > MAX_ENTRY) return null;
  const out: string[] = [];
  while (rest !== '') {
    const m = NAME_THEN_ORGANISATION.exec(rest);
    if (!m || !isPersonName(m[1]!)) return null;
    out.push(`${m[1]}, ${m[2]}`);
    rest = rest.slice(m[0].length);
  }
  return out.length >= 2 ? out : null;
}

/** A body's name ("Teknik- og Miljøudvalget", "Bestyrelsen"): ends as the lexicon's organisations do, and is no person's. */
const BODY_NAME = new RegExp(String.raw`^[\p{L}\-– ]*(?:${ORGANISATION_WORDS.endings.join('|')})$`, 'iu');
export function isBodyName(text: string): boolean {
  return BODY_NAME.test(text.trim()) && !isPersonName(text.trim());
}

/** True for a text that could be someone in a list: a person's name, or a name of one word ("Holm"). */
export function couldBePerson(name: string): boolean {
  return isPersonName(name) || NAME_WORD.test(name.trim());
}

/** A part of a list that only qualifies the person before it: municipality, party or role. */
function qualifies(part: string): boolean {
  // "Enhedslisten (afbud)": a note after the qualifier does not change what it is.
  const p = part.trim().replace(/^\((.*)\)$/, '$1').replace(/\s*\([^()]*\)$/, '');
  // A role with a name after it ("Næstformand Palle Asmussen") is the next person, not a qualifier.
  const role = roleOf(p) !== null && splitLead(p).role === null;
  // An organisation's acronym alone ("KKR", "KD-Net", "BRN"): the person's organisation, never a person.
  const acronym = /^\p{Lu}{2,6}(?:-\p{Lu}?\p{L}{1,6})?\.?$/u.test(p);
  return knownMunicipality(p) !== null || /\skommune$/i.test(p) || partyOf(p) !== null || role || acronym || /^\(/.test(part.trim());
}

/** A name with a colon after it and a description: "Rikke Holm: Konsulent, Staben". */
const NAME_THEN_COLON = /^([^:,()]{3,60}):\s+(\S.*)$/u;

/**
 * Splits one line naming several people into one text per person: "A (A), formand, B (V)",
 * "A (A) B (V)" (a table cell), "A, B og C". A part that only qualifies the one before it
 * ("Skive kommune", "formand", "V") stays with it; a line with a substitute phrase is one person.
 */
export function splitPeople(text: string): string[] {
  if (substituteOf(text) || substituteFor(text)) return [text.trim()];
  // "Rikke Holm: Konsulent, Staben": a person's name and a colon, then what the person is (one entry).
  const described = NAME_THEN_COLON.exec(text.trim());
  if (described && isPersonName(described[1]!)) return [`${described[1]}, ${described[2]}`];
  const byInitials = splitAtInitials(text);
  if (byInitials) return byInitials;
  const pieces = text
    .split(/(?<=\))\s+(?=\p{Lu})|,\s*(?=[\p{Lu}(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const parts = pieces.flatMap(splitAtOg);
  const people: string[] = [];
  for (const whole of parts) {
    // "Faaborg-Midtfyn Kommune KL Direktør X": a municipality run into the next entry (a transcript's lost line break).
    const runOn = people.length > 0 ? municipalityRunOn(whole) : null;
    const part = runOn ? runOn.rest : whole;
    if (runOn) people[people.length - 1] += `, ${runOn.municipality}`;
    if (people.length > 0 && qualifies(part)) people[people.length - 1] += `, ${part}`;
    // "Lars Vilbrad for Bo Johansen": a stand-in and the member, one entry.
    else if (substituteFor(part)) people.push(part);
    else people.push(...(segmentByOrganisation(part) ?? segmentNames(part) ?? [part]));
  }
  return people;
}

/**
 * A list that follows each name with its initials ("Borgmester Peter Borup (PB), Rudersdal Kommune,
 * formand Borgmester Lars Tofte (LT), … Ejner Bach Holt (EBH), operativ chef, Nordsjælland Politi
 * René Krarup (RK), observatør"): a name is the words before "(XX)" whose first letters the initials
 * spell, and it starts the person's entry; what follows it up to the next name qualifies it, but a
 * capitalised role right before the next name ("Borgmester") is that one's. Null when no name in
 * the text is followed by its own initials.
 */
function splitAtInitials(text: string): string[] | null {
  const marks = [...text.matchAll(/\((\p{Lu}{2,4})\)/gu)];
  if (marks.length === 0 || text.length > MAX_ENTRY * 8) return null;
  const starts: number[] = [];
  for (const m of marks) {
    const before = text.slice(0, m.index).trimEnd();
    const words = before.split(/\s+/);
    const n = m[1]!.length;
    const name = words.slice(-n);
    if (name.length !== n || name.map((w) => w[0]).join('') !== m[1] || !isPersonName(name.join(' '))) return null;
    let start = before.length - name.join(' ').length;
    // "formand Borgmester Lars Tofte": the capitalised role just before the name is this person's.
    const lead = /(?:^|\s)(\p{Lu}\p{Ll}+)\s+$/u.exec(before.slice(0, start));
    if (lead && roleOf(lead[1]!) !== null) start -= lead[0].trimStart().length;
    starts.push(start);
  }
  const head = text.slice(0, starts[0]).replace(/[,\s]+$/, '');
  if (head !== '' && splitLead(`${head} X`).role === null) return null;
  const entries = starts.map((start, i) => text.slice(i === 0 && head !== '' ? 0 : start, starts[i + 1] ?? text.length).trim().replace(/,$/, ''));
  return entries.map((e) => e.replace(/\s*\((\p{Lu}{2,4})\)/u, ''));
}

/**
 * "Bo Berg og Carl Dahl" → two people; but "Formand Plan Miljø og Klima Hans Jørgen Okkels" is one:
 * where the words after "og" run into a first name ("Klima Hans …"), "og" joins the words of a role.
 */
function splitAtOg(piece: string): string[] {
  const out: string[] = [];
  for (const part of outsideParentheses(piece, /\s+og\s+(?=\p{Lu})/gu)) {
    const words = part.split(/\s+/);
    const roleWords = out.length > 0 && !FIRST.has(words[0]!) && words.slice(1).some((w) => FIRST.has(w));
    if (roleWords) out[out.length - 1] += ` og ${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * The text split where `separator` stands outside parentheses: "Hanne Larsen (Børne- og
 * Ungdomsorganisationernes Samråd)" is one entry, its "og" inside the organisation's name, as is
 * a parenthesis the page never closed ("Alice Kiander (Børne- og Ungdomsorganisationernes Samråd").
 */
function outsideParentheses(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    const before = text.slice(from, m.index);
    const depth = (text.slice(0, m.index).match(/\(/g)?.length ?? 0) - (text.slice(0, m.index).match(/\)/g)?.length ?? 0);
    if (depth > 0) continue;
    parts.push(before);
    from = m.index! + m[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * "Faaborg-Midtfyn Kommune KL Direktør X", "Region Syddanmark Bo Lindqvist", "Nordfyn Næstformand
 * Palle Asmussen": a municipality that ends the entry before, run into the next one (a transcript's
 * lost line break). Null when the text does not start with a municipality followed by more.
 */
function municipalityRunOn(text: string): { municipality: string; rest: string } | null {
  const words = text.trim().split(/\s+/);
  for (let n = Math.min(4, words.length - 2); n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    const rest = words.slice(n).join(' ');
    // "Hørsholm Kommune Gitte Holm Larsen (GHL)": the initials after the name are no part of it.
    const person = rest.replace(/\s*\(\p{Lu}{1,4}\)$/u, '');
    if (knownMunicipality(head) !== null && /^\p{Lu}/u.test(rest) && (isPersonName(person) || splitLead(rest).role !== null || officialLine(rest) !== null)) {
      return { municipality: head, rest };
    }
  }
  return null;
}

/** The longest text read as one member's or afbud's entry with a substitute (a run of names a transcript joined stays far below). */
const MAX_ENTRY = 2000;

/** "X, i stedet deltog Y" → where the phrase starts and Y; null when the line names no substitute. */
function substituteOf(text: string): { index: number; substitute: string } | null {
  // An afbud line is short; the lexicon's patterns, unanchored and lazy, are quadratic in a long one.
  if (text.length > MAX_ENTRY) return null;
  for (const pattern of SUBSTITUTE_PATTERNS) {
    const m = pattern.exec(text);
    if (m?.groups?.substitute) return { index: m.index, substitute: m.groups.substitute };
  }
  return null;
}

/** "Y deltog som stedfortræder for X", "Y (A) (suppleant for X)": who stood in for whom. */
export function substituteFor(text: string): { substitute: string; absent: string } | null {
  if (text.length > MAX_ENTRY) return null;
  for (const pattern of SUBSTITUTE_FOR_PATTERNS) {
    const m = pattern.exec(text.trim());
    if (m?.groups?.substitute && m.groups.absent) {
      return { substitute: `${m.groups.substitute} ${m.groups.rest ?? ''}`.trim(), absent: m.groups.absent.trim() };
    }
  }
  return null;
}

/**
 * A substitute's name without the party letter or final full stop written after it, and without a
 * next sentence run on after it ("Afbud fra X stedfortræder Y. Afbud fra Z …": a remark naming
 * several): a full stop after a word, not an initial ("H. Lund"), before a capital ends the name.
 */
const bareName = (text: string) => parseParticipant(text.replace(/(?<=\p{L}{2}|\))\.\s+\p{Lu}.*$/su, '')).name;

/** Reads an afbud line, with the substitute who attended instead when stated. */
export function parseAbsence(text: string): Absence {
  const stoodIn = substituteFor(text);
  if (stoodIn) return { ...parseParticipant(stoodIn.absent), substitute: bareName(stoodIn.substitute) };
  const sub = substituteOf(text);
  const person = parseParticipant(sub ? text.slice(0, sub.index) : text);
  // The substitute's party letter, if written, belongs to the substitute: keep the name only.
  return { ...person, substitute: sub ? bareName(sub.substitute) : null };
}

/** Reads a line of others present under a group heading ("Fra KL-sekretariatet"). */
export function parseAttendee(text: string, group: string | null): Attendee {
  let rest = text.trim();
  const minuteTaker = /\(referent\)/i.test(rest);
  rest = rest.replace(/\s*\(referent\)/i, '').trim();
  const parts = rest.split(',').map((s) => s.trim()).filter(Boolean);
  let name = parts[0] ?? rest;
  let title: string | null = null;
  let organisation: string | null = null;
  if (parts.length >= 2 && JOB.test(parts[0]!) && !JOB.test(parts[1]!) && parts[1]!.split(' ').length >= 2) {
    // "Leder af KKR, Henrik Haue Fabiansson"
    title = parts[0]!;
    name = parts[1]!;
    organisation = parts.slice(2).join(', ') || null;
  } else if (parts.length >= 2 && JOB.test(parts[1]!) && /^\p{Ll}/u.test(parts[1]!)) {
    // "Christian Brincker Nordbek, chefkonsulent, KKR-sekretariatet"
    title = parts[1]!;
    organisation = parts.slice(2).join(', ') || null;
  } else {
    // "Kommunaldirektør Jesper Kaas Schmidt, Randers"
    const words = name.split(' ');
    if (words.length > 2 && JOB.test(words[0]!)) {
      title = words[0]!;
      name = words.slice(1).join(' ');
    }
    organisation = parts.slice(1).join(', ') || null;
  }
  return { name, title, organisation: organisation && municipalityName(organisation), group, minuteTaker };
}
