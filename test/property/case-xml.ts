/**
 * @module A generator of case-system XML for property tests: SBSYS (and the Aarhus variant),
 * Acadre MM (agenda file, and manifest with agenda file), eDoc and eDoc 4 / Fujitsu, in the
 * shapes the readers accept (see test/fixtures/xml). Each file has random items and bilag, each
 * public, closed or confidential at random, written with each system's own flags; items the
 * importer leaves out (numbered 0 in full SBSYS, unnumbered, pseudo-items, a second agenda, an
 * agenda item outside its parent) are part of it, and Aarhus's items numbered 0, which it reads. Every item title, item text and bilag title carries a
 * marker word of its own (invented: `ordx` + random letters), so a test can tell exactly which
 * words of a file may reach the public and which may not.
 *
 * Everything is invented; nothing comes from the real exports. Deterministic for a seed.
 */
import type { AccessLevel } from '../../src/model/index.js';
import { Rng } from '../fixtures/random.js';

// ---------------------------------------------------------------------------------------------
// Randomness.

const LETTERS = 'abcdefghijklmnoprstuv';

class Random extends Rng {
  private readonly used = new Set<string>();
  letters(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += LETTERS[Math.floor(this.next() * LETTERS.length)];
    return s;
  }
  /** A marker word no other part of the file holds (and, by the odds, no other file). */
  marker(): string {
    for (;;) {
      const word = `ordx${this.letters(8)}`;
      if (!this.used.has(word)) {
        this.used.add(word);
        return word;
      }
    }
  }
  /**
   * An open file: every part the importer reads is public, and only what it leaves out (or a
   * flag it does not read) may be closed — the file that must still not be downloadable.
   */
  open = false;
  /** The level of a part the importer reads. */
  level(): AccessLevel {
    return this.open ? 'public' : this.anyLevel();
  }
  /** The level of a part the importer leaves out, or of a flag it does not read. */
  anyLevel(): AccessLevel {
    const x = this.next();
    return x < 0.5 ? 'public' : x < 0.8 ? 'closed' : 'confidential';
  }
}

// ---------------------------------------------------------------------------------------------
// The abstract file: what the generator knows and the test checks against.

export type GeneratedSystem = 'sbsys' | 'sbsys-aarhus' | 'acadre' | 'acadre-manifest' | 'edoc' | 'edoc4';

export const SYSTEMS: readonly GeneratedSystem[] = ['sbsys', 'sbsys-aarhus', 'acadre', 'acadre-manifest', 'edoc', 'edoc4'];

/** A word every item's text holds, public or not: searching it shows snippets of the public ones only. */
export const COMMON_WORD = 'fællesordet';

interface Bilag {
  title: string;
  marker: string;
  /** As written by the system's flags (or its title). */
  level: AccessLevel;
}

interface Item {
  /** The number the importer gives it, or null when the importer leaves the item out. */
  number: string | null;
  title: string;
  titleMarker: string;
  textMarker: string;
  level: AccessLevel;
  bilag: Bilag[];
  caseNumber: string;
}

export interface GeneratedFile {
  system: GeneratedSystem;
  /** The file to import; for an Acadre manifest, the manifest. */
  fileName: string;
  bytes: Uint8Array;
  /** Files the imported one names (an Acadre manifest's agenda file), by the path it names them. */
  related: Map<string, Uint8Array>;
  body: string;
  date: string;
  /** Participants' names as the export writes them, party letter removed. */
  participants: string[];
  /** Case numbers of every item in the file. */
  caseNumbers: string[];
  /** Case numbers only items the public may see carry. */
  publicCaseNumbers: string[];
  /** The item numbers the importer reads, in no particular order. */
  numbers: string[];
  /** Numbers of items the public may not see (closed, confidential, under such an item, in a closed agenda). */
  closedNumbers: string[];
  /** Marker words of closed and confidential parts, and of parts under them: they may reach no public output. */
  secret: string[];
  /** Marker words of item titles and texts the public may see. */
  open: string[];
  /** The most restrictive level anywhere in the bytes of `fileName` (what fileAccessOf must say). */
  fileLevel: AccessLevel;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces.

const FIRST = ['Anne', 'Bo', 'Carla', 'Dorte', 'Erik', 'Frida', 'Gustav', 'Hanne', 'Ib', 'Jonna', 'Karl', 'Lise', 'Mads', 'Nina', 'Otto', 'Pia'];
const LAST = ['Abildgaard', 'Brink', 'Damsholt', 'Egelund', 'Fjord', 'Grønhøj', 'Hvidkær', 'Isbak', 'Jernved', 'Kløvermark', 'Lyngsø', 'Mosegård'];
const PARTIES = ['A', 'V', 'C', 'F', 'O', 'Ø', 'B'];
const TOPICS = ['Budgetopfølgning', 'Trafikplan', 'Skolestruktur', 'Klimaplan', 'Ældrepolitik', 'Kulturstrategi', 'Affaldsordning', 'Sundhedsaftale'];

const RANK: Record<AccessLevel, number> = { public: 0, closed: 1, confidential: 2 };
const max = (...levels: AccessLevel[]): AccessLevel => levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'public');

/** XML text escaping. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pad = (n: number) => String(n).padStart(2, '0');

interface Common {
  rnd: Random;
  body: string;
  /** yyyy-mm-dd */
  date: string;
  members: Array<{ name: string; party: string }>;
  /** Invented case numbers are made in one shape per system. */
  caseNumber: () => string;
}

function common(rnd: Random, index: number, caseNumber: () => string): Common {
  const day = new Date(Date.UTC(2021, 0, 4) + index * 3 * 86_400_000 + rnd.int(0, 2) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const names = new Set<string>();
  const count = rnd.int(2, 5);
  while (names.size < count) names.add(`${rnd.pick(FIRST)} ${rnd.pick(LAST)}`);
  return {
    rnd,
    body: `${rnd.pick(['Teknik', 'Kultur', 'Social', 'Børne', 'Plan'])}udvalget ${rnd.letters(3)}${index}`,
    date,
    members: [...names].map((name) => ({ name, party: rnd.pick(PARTIES) })),
    caseNumber,
  };
}

/** An item with its markers and bilag; `number` is filled in by the system's writer. `hidden`: the importer leaves it out. */
function newItem(c: Common, level: AccessLevel, bilagCount = c.rnd.int(0, 2), hidden = false): Item {
  const titleMarker = c.rnd.marker();
  const bilag: Bilag[] = [];
  for (let i = 0; i < bilagCount; i++) {
    const marker = c.rnd.marker();
    const open = c.rnd.open && !hidden;
    bilag.push({ title: `Bilag om ${marker} ${i + 1}`, marker, level: open || c.rnd.chance(0.6) ? 'public' : c.rnd.anyLevel() });
  }
  return {
    number: null,
    title: `${c.rnd.pick(TOPICS)} ${titleMarker}`,
    titleMarker,
    textMarker: c.rnd.marker(),
    level,
    bilag,
    caseNumber: c.caseNumber(),
  };
}

/** The text of an item: its own marker and the common word. */
const itemText = (item: Item) => `Forvaltningen beskriver ${item.textMarker} og ${COMMON_WORD} i sagen.`;

/**
 * What the test knows of a file, from its items (the imported ones numbered, the left-out ones
 * not), the whole document's level and the level of every flag in the bytes.
 */
function summarise(
  system: GeneratedSystem,
  c: Common,
  file: { fileName: string; bytes: string; related?: Map<string, string> },
  items: Item[],
  documentLevel: AccessLevel,
  fileLevel: AccessLevel,
): GeneratedFile {
  const imported = items.filter((i) => i.number !== null);
  // As the archive sees them: items sharing a number share the strictest level, sub-items their parents'.
  const own = new Map<string, AccessLevel>();
  for (const i of imported) own.set(i.number!, max(own.get(i.number!) ?? 'public', i.level, documentLevel));
  const effective = (n: string): AccessLevel => {
    const levels: AccessLevel[] = [];
    for (let p: string | null = n; p !== null; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : null) levels.push(own.get(p) ?? 'public');
    return max(...levels);
  };
  const secret: string[] = [];
  const open: string[] = [];
  const closedNumbers = new Set<string>();
  const publicCases = new Set<string>();
  for (const item of items) {
    const level = item.number === null ? item.level : effective(item.number);
    if (item.number !== null && level !== 'public') closedNumbers.add(item.number);
    const shut = level !== 'public';
    (shut ? secret : item.number !== null ? open : []).push(item.titleMarker, item.textMarker);
    if (!shut && item.number !== null) publicCases.add(item.caseNumber);
    for (const b of item.bilag) if (shut || b.level !== 'public') secret.push(b.marker);
  }
  const encoder = new TextEncoder();
  return {
    system,
    fileName: file.fileName,
    bytes: encoder.encode(file.bytes),
    related: new Map([...(file.related ?? new Map<string, string>())].map(([k, v]) => [k, encoder.encode(v)])),
    body: c.body,
    date: c.date,
    participants: c.members.map((m) => m.name),
    caseNumbers: [...new Set(items.map((i) => i.caseNumber))],
    publicCaseNumbers: [...publicCases],
    numbers: [...new Set(imported.map((i) => i.number!))],
    closedNumbers: [...closedNumbers],
    secret,
    open,
    fileLevel,
  };
}

/** The strictest level of the items, their bilag and the other flags written into a file. */
function levelOfAll(items: Item[], ...others: AccessLevel[]): AccessLevel {
  return max(...others, ...items.flatMap((i) => [i.level, ...i.bilag.map((b) => max(b.level, i.level))]));
}

/** Top-level and sub-item numbers in order: 1, 2, 2.1, 3 … */
function numbering(c: Common, count: number, subItems: boolean): string[] {
  const numbers: string[] = [];
  for (let n = 1; numbers.length < count; n++) {
    numbers.push(String(n));
    if (subItems) for (let s = 1; s <= c.rnd.int(0, 2) && numbers.length < count; s++) numbers.push(`${n}.${s}`);
  }
  return numbers;
}

// ---------------------------------------------------------------------------------------------
// SBSYS and the Aarhus variant.

function sbsys(rnd: Random, index: number, aarhus: boolean): GeneratedFile {
  const caseId = `MDR-2024-${String(rnd.int(10000, 99999))}`;
  const c = common(rnd, index, () => (aarhus ? `MDR-${2000 + index}-${rnd.int(10000, 99999)}` : `${pad(rnd.int(0, 99))}.${pad(rnd.int(0, 99))}.00-P${rnd.int(10, 29)}-${index}-${rnd.int(20, 24)}`));
  const items: Item[] = [];
  let fileLevel: AccessLevel = 'public';
  // Aarhus states the agenda's own access: closed now and then.
  const agendaLevel: AccessLevel = aarhus && !rnd.open && rnd.chance(0.15) ? 'closed' : 'public';
  fileLevel = max(fileLevel, agendaLevel);

  const writeItem = (item: Item, number: string, id: string, isPublic: string | null): string => {
    const enclosures = item.bilag
      .map((b, i) => {
        // A closed bilag by its flag, or (full SBSYS) by a title that says so.
        let flag: string;
        let title = b.title;
        // SBSYS knows only public or not: a confidential bilag is written (and counts) as closed.
        if (b.level === 'confidential') b.level = 'closed';
        if (aarhus) flag = b.level === 'public' ? `<IsPublic>true</IsPublic>` : `<IsPublic>false</IsPublic>`;
        else if (b.level !== 'public' && rnd.chance(0.3)) {
          title = `Ikke offentliggjort - ${b.title}`;
          flag = '<IsProtected>False</IsProtected>';
        } else flag = `<IsProtected>${b.level === 'public' ? 'False' : 'True'}</IsProtected>`;
        return `<Enclosure ID="${index}${i}"><FileName>C:\\Publish\\Bilag\\bilag-${i + 1}.pdf</FileName><Name>${esc(title)}</Name><Number>${i + 1}</Number>${flag}</Enclosure>`;
      })
      .join('');
    const decision = rnd.chance(0.5)
      ? `<ItemField ID="2"><Caption>Beslutning</Caption><Content><![CDATA[<p>Godkendt.</p>]]></Content><FieldTypeAsEnum>Html</FieldTypeAsEnum><IsFeedback>True</IsFeedback><Index>2</Index></ItemField>`
      : '';
    return (
      `<Item ID="${id}"><Caption>${esc(item.title)}</Caption><Case ID="1"><Number>${esc(item.caseNumber)}</Number></Case>` +
      `<Enclosures>${enclosures}</Enclosures>${isPublic === null ? '' : `<IsPublic>${isPublic}</IsPublic>`}<Number>${number}</Number>` +
      `<Fields><ItemField ID="1"><Caption>Sagsfremstilling</Caption><Content><![CDATA[<p>${esc(itemText(item))}</p>]]></Content><FieldTypeAsEnum>Html</FieldTypeAsEnum><IsFeedback>False</IsFeedback><Index>1</Index></ItemField>${decision}</Fields></Item>`
    );
  };
  /** IsPublic for a level: SBSYS knows only public or not, so confidential is written (and counts) as closed. */
  const isPublicOf = (item: Item): string | null => {
    if (item.level === 'public') return aarhus ? 'true' : 'True';
    const x = rnd.float();
    // Now and then no flag, or a value no table knows: both keep the item closed.
    return x < 0.1 ? null : x < 0.2 ? 'Måske' : aarhus ? 'false' : 'False';
  };

  const agendaXml = (agendaItems: Item[], numbers: Array<string | null>, extra: string[], id: string): string => {
    const rows = agendaItems.map((item, i) => {
      if (item.level === 'confidential') item.level = 'closed';
      const raw = numbers[i] ?? rnd.pick(['', 'a', '-']);
      return writeItem(item, raw, aarhus ? `${i + 1}_case_${caseId}` : `${id}${i}`, isPublicOf(item));
    });
    const members = c.members
      .map((m, i) =>
        aarhus
          ? `<MeetingMember><Name>${esc(m.name)}</Name><Participate>${rnd.pick(['0', '1'])}</Participate></MeetingMember>`
          : `<MeetingMember ID="${i}"><ParticipationStatusAsValue>1</ParticipationStatusAsValue><ParticipationStatusAsText>Participating</ParticipationStatusAsText><ParticipationNote /><Name>${esc(m.name)} (${m.party})</Name><MeetingMemberRolesList /></MeetingMember>`,
      )
      .join('');
    const [y, mo, d] = c.date.split('-');
    return (
      `<Agenda ID="${aarhus ? caseId : id}">${aarhus ? `<PublicationTypeAsValue>2</PublicationTypeAsValue><IsPublic>${agendaLevel === 'public' ? 'true' : 'false'}</IsPublic>` : ''}` +
      `<Frontpage><![CDATA[<p>Referat</p>]]></Frontpage><Meeting><Members>${members}</Members><When>${d}-${mo}-${y} 16:00:00</When><Where>Rådhuset, mødelokale ${rnd.int(1, 9)}</Where><Until>${d}-${mo}-${y} 18:00:00</Until></Meeting>` +
      `<Name>${esc(c.body)} ${d}-${mo}-${y}</Name><Committee ID="12"><Name>${esc(c.body)}</Name></Committee><Items>${rows.join('\n')}${extra.join('\n')}</Items>` +
      `${aarhus ? '<Organisation>Tværgående møder</Organisation>' : ''}</Agenda>`
    );
  };

  // The first agenda: numbered items (sub-items now and then), some left out.
  const count = rnd.int(2, 6);
  const numbers = numbering(c, count, rnd.chance(0.5));
  const first: Item[] = [];
  const firstNumbers: Array<string | null> = [];
  for (const n of numbers) {
    const unnumbered = rnd.chance(0.15);
    const item = unnumbered ? newItem(c, rnd.anyLevel(), undefined, true) : newItem(c, rnd.level());
    if (unnumbered) {
      // Unnumbered: left out.
      firstNumbers.push(null);
    } else {
      item.number = n;
      firstNumbers.push(n);
    }
    first.push(item);
  }
  // Items numbered 0 (the minutes as files): left out of full SBSYS, read (numbered by place) from Aarhus.
  const pseudo: string[] = [];
  // Aarhus's are numbered after the highest top-level number of the agenda's numbered items.
  const top = Math.max(0, ...firstNumbers.filter((n): n is string => n !== null).map((n) => Number(n.split('.')[0])));
  for (let p = 0; p < rnd.int(0, 2); p++) {
    const item = newItem(c, rnd.anyLevel(), 1, true);
    if (aarhus) item.number = String(top + p + 1);
    if (!aarhus && item.level === 'confidential') item.level = 'closed';
    const word = item.level === 'public' ? 'Public' : item.level === 'confidential' ? 'Confidentia' : 'Closed';
    // Aarhus writes the access word in the ID ("Closed" is no word it writes: it counts as closed).
    const id = aarhus ? `00000000-0000-0000-0000-000000000000_${word}_case_${caseId}` : `9${index}${p}`;
    pseudo.push(writeItem(item, '0', id, item.level === 'public' ? (aarhus ? 'true' : 'True') : aarhus ? 'false' : 'False'));
    items.push(item);
  }
  items.push(...first);
  const agendas = [agendaXml(first, firstNumbers, pseudo, String(4000 + index))];
  // A second agenda in the file: the importer reads only the first.
  if (rnd.chance(0.25)) {
    const second = Array.from({ length: rnd.int(1, 2) }, () => newItem(c, rnd.anyLevel(), undefined, true));
    agendas.push(agendaXml(second, second.map((_, i) => String(i + 1)), [], String(5000 + index)));
    items.push(...second);
  }
  fileLevel = max(fileLevel, levelOfAll(items));
  const head = aarhus ? '' : '<PublicationTypeAsValue>2</PublicationTypeAsValue><PublicationTypeAsEnum>Minutes</PublicationTypeAsEnum>';
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Publication xmlns:xsd="http://www.w3.org/2001/XMLSchema">${head}<Agendas>${agendas.join('\n')}</Agendas></Publication>\n`;
  return summarise(aarhus ? 'sbsys-aarhus' : 'sbsys', c, { fileName: `publication-${index}.xml`, bytes: xml }, items, agendaLevel, fileLevel);
}

// ---------------------------------------------------------------------------------------------
// Acadre MM: the agenda file, alone or named by a manifest.

const ACADRE_ID: Record<AccessLevel, string> = { public: '1', closed: '2', confidential: '3' };
const ACADRE_NAME: Record<AccessLevel, string> = { public: 'Åben', closed: 'Lukket', confidential: 'Personsag' };

/** Acadre access fields as the agenda file writes them: the id, the name, or both (now and then a value no table knows). */
function acadreAccessFields(rnd: Random, level: AccessLevel): { xml: string; level: AccessLevel } {
  const field = (name: string, value: string) => `<field name="${name}">${esc(value)}</field>`;
  if (level !== 'public' && rnd.chance(0.08)) return { xml: field('access', '7'), level: 'closed' };
  const x = rnd.float();
  if (x < 0.3) return { xml: field('access', ACADRE_ID[level]), level };
  if (x < 0.5) return { xml: field('accessname', ACADRE_NAME[level]), level };
  return { xml: field('access', ACADRE_ID[level]) + field('accessname', ACADRE_NAME[level]), level };
}

function acadre(rnd: Random, index: number, withManifest: boolean): GeneratedFile {
  const c = common(rnd, index, () => `${rnd.int(20, 24)}/${index}${rnd.int(1000, 9999)}`);
  const f = (name: string, value: string) => `<field name="${name}">${esc(value)}</field>`;
  const items: Item[] = [];
  const agendaLevel: AccessLevel = !rnd.open && rnd.chance(0.15) ? rnd.pick(['closed', 'confidential'] as const) : 'public';
  const agendaAccess = acadreAccessFields(rnd, agendaLevel);
  let flagsLevel = agendaAccess.level;

  const agendaItem = (item: Item): string => {
    const access = acadreAccessFields(rnd, item.level);
    item.level = access.level;
    const enclosures = item.bilag
      .map((b, i) => {
        const a = acadreAccessFields(rnd, b.level);
        b.level = a.level;
        return `<table name="enclosure"><fields>${f('sysid', String(80 + i))}${f('name', b.title)}${a.xml}${f('filename', `55${index}${i}E1.PDF`)}</fields></table>`;
      })
      .join('');
    const bullets =
      `<table name="bullet"><fields>${f('sysid', '1')}${f('bulletname', 'Sagsfremstilling')}${f('bulletcontent', `<p>${esc(itemText(item))}</p>`)}${f('bulletsortorder', '1')}</fields></table>` +
      (rnd.chance(0.5) ? `<table name="bullet"><fields>${f('sysid', '2')}${f('bulletname', `Beslutning i ${c.body}`)}${f('bulletcontent', '<p>Godkendt.</p>')}${f('bulletsortorder', '2')}</fields></table>` : '');
    return `<table name="agendaitem"><fields>${f('sysid', String(7000 + index))}${f('name', item.title)}${access.xml}${f('caseno', item.caseNumber)}${f('caseofficer', 'abc')}</fields>${bullets}${enclosures}</table>`;
  };

  const parents: string[] = [];
  const count = rnd.int(2, 6);
  const base = rnd.chance(0.5) ? 0 : 700;
  for (let i = 0; i < count; i++) {
    const item = newItem(c, rnd.level());
    // The sort value numbers the item; without one (or with one that is no number) it is numbered by its position.
    const unnumbered = rnd.chance(0.15);
    const sort = unnumbered ? '' : String(base + i + (rnd.chance(0.1) ? 0 : 1));
    item.number = unnumbered ? String(i + 1) : sort;
    let inner = agendaItem(item);
    items.push(item);
    // Now and then a second agenda item in the same parent: the importer reads only the first.
    if (rnd.chance(0.12)) {
      const hidden = newItem(c, rnd.anyLevel(), undefined, true);
      inner += agendaItem(hidden);
      items.push(hidden);
    }
    parents.push(`<table name="agendaitemparents"><fields>${f('sysid', String(30 + i))}${f('sort', sort)}</fields>${inner}</table>`);
  }
  // An agenda item outside any parent: not read.
  if (rnd.chance(0.12)) {
    const stray = newItem(c, rnd.anyLevel(), undefined, true);
    parents.push(agendaItem(stray));
    items.push(stray);
  }
  const members = c.members
    .map((m, i) => `<table name="member"><fields>${f('sysid', String(i + 1))}${f('name', `${m.name} (${m.party})`)}${f('absent', '0')}${f('role', 'Medlem')}${f('party', '')}${f('comment', '')}</fields></table>`)
    .join('');
  const agendaTable = (sysid: string, inner: string, access: string) =>
    `<table name="agenda"><fields>${f('sysid', sysid)}${f('name', 'Referat')}${access}</fields>` +
    `<table name="committee"><fields>${f('sysid', '31')}${f('name', c.body)}</fields></table>` +
    `<table name="meeting"><fields>${f('sysid', String(2900 + index))}${f('name', c.body)}${f('date', `${c.date} 15:00`)}${f('finish', `${c.date} 17:00`)}${f('location', 'Byrådssalen')}${f('address', '')}</fields><table name="meetmember">${members}</table></table>` +
    `${inner}</table>`;
  let second = '';
  // A second agenda in the file: the importer reads only the first.
  if (rnd.chance(0.15)) {
    const other = newItem(c, rnd.anyLevel(), undefined, true);
    const access = acadreAccessFields(rnd, rnd.anyLevel());
    flagsLevel = max(flagsLevel, access.level);
    second = agendaTable(String(9000 + index), `<table name="agendaitemparents"><fields>${f('sysid', '1')}${f('sort', '1')}</fields>${agendaItem(other)}</table>`, access.xml);
    items.push(other);
  }
  // agendaData repeats the produced agenda's access now and then.
  const publishAccess = rnd.chance(0.5) ? `<publishAccess>${ACADRE_ID[agendaLevel]}</publishAccess>` : '';
  const documentLevel = max(agendaAccess.level, publishAccess ? agendaLevel : 'public');
  flagsLevel = max(flagsLevel, documentLevel);
  const agendaFile =
    `<?xml version="1.0"?>\n<root>${agendaTable(String(2000 + index), parents.join(''), agendaAccess.xml)}${second}` +
    `<agendaData><org>Acadre Test</org>${publishAccess}<note>Referat</note></agendaData></root>\n`;
  const fileLevel = max(flagsLevel, levelOfAll(items));
  const folder = `Files_${2000 + index}_${5550000 + index}`;
  const agendaName = `${5550000 + index}.XML`;
  if (!withManifest) return summarise('acadre', c, { fileName: agendaName, bytes: agendaFile }, items, documentLevel, fileLevel);

  // The manifest: the published produced agenda names the agenda file; an unpublished one may be closed.
  const produced = (sysid: string, type: string, level: AccessLevel, publish: boolean, files: boolean) =>
    `<fields><field sysid="${sysid}"></field><field xmlfilename="${agendaName}"></field><field type="${type}"></field><field comment="Referat"></field>` +
    `<field access="${ACADRE_NAME[level]}"></field><field accessid="${ACADRE_ID[level]}"></field><field publish="${publish ? '1' : '0'}"></field>${files ? `<field filesfolder="${folder}"></field>` : ''}</fields>`;
  const chosen = !rnd.open && rnd.chance(0.15) ? rnd.pick(['closed', 'confidential'] as const) : 'public';
  const unpublished: AccessLevel | null = rnd.chance(0.3) ? rnd.anyLevel() : null;
  const manifest =
    `<root><org>Acadre Test</org><table name="committee"><fields><field name="${esc(c.body)}"></field><field sysid="31"></field></fields></table>` +
    `<table name="meeting"><fields><field name="${esc(c.body)}"></field><field date="${c.date} 15:00"></field></fields></table>` +
    `<table name="agenda"><fields><field name="Referat"></field><field sysid="${2000 + index}"></field><field access="1"></field></fields></table>` +
    `<table name="producedAgenda">${unpublished ? produced('8001', '1', unpublished, false, false) : ''}${produced('8002', '2', chosen, true, true)}</table></root>\n`;
  const summary = summarise(
    'acadre-manifest',
    c,
    { fileName: `XML_${2000 + index}.xml`, bytes: manifest, related: new Map([[`${folder}/${agendaName}`, agendaFile]]) },
    items,
    max(documentLevel, chosen),
    max(chosen, unpublished ?? 'public'),
  );
  return summary;
}

// ---------------------------------------------------------------------------------------------
// eDoc agenda publishing.

const EDOC_TYPES: Record<AccessLevel, string[]> = {
  public: ['Åben dagsorden', 'Åbent referat'],
  closed: ['Lukket dagsorden', 'Lukket referat', 'Særlig dagsorden'],
  confidential: ['Fortrolig dagsorden'],
};

function edoc(rnd: Random, index: number): GeneratedFile {
  const c = common(rnd, index, () => `${2000 + index}-${rnd.int(10000, 99999)}`);
  const items: Item[] = [];
  let flags: AccessLevel = 'public';
  const [y, mo, d] = c.date.split('-');
  const typeLevels: AccessLevel[] = rnd.open
    ? ['public']
    : rnd.chance(0.85)
      ? ['public', ...(rnd.chance(0.6) ? [rnd.pick(['closed', 'confidential'] as const)] : [])]
      : ['closed'];
  let next = 1;
  const types = typeLevels.map((typeLevel) => {
    const rows: string[] = [];
    const toc: string[] = [];
    for (let k = rnd.int(1, 4); k > 0; k--) {
      // Unnumbered: left out.
      const unnumbered = rnd.chance(0.12);
      const own = typeLevel === 'public' ? (unnumbered ? rnd.anyLevel() : rnd.level()) : typeLevel;
      const item = newItem(c, max(own, typeLevel), undefined, unnumbered);
      // PublishingType decides within an open agenda; a personsag (PersonCase) is confidential.
      const publishing = own === 'public' ? 'SKAL PUBLICERES' : rnd.pick(['MÅ IKKE PUBLICERES', 'KAN PUBLICERES']);
      const personCase = own === 'confidential' ? 'Ja' : rnd.pick(['', 'Nej']);
      if (own === 'confidential') item.level = max(item.level, 'confidential');
      else if (own === 'closed') item.level = max(item.level, 'closed');
      const number = unnumbered ? '' : String(next++);
      item.number = unnumbered ? null : number;
      items.push(item);
      const attachments = item.bilag
        .map((b, i) => {
          const type = b.level === 'public' ? 'SKAL PUBLICERES' : 'MÅ IKKE PUBLICERES';
          if (b.level === 'confidential') b.level = 'closed';
          return `<Attachment><Title>${esc(b.title)}</Title><NeutralTitle>${esc(b.title)}</NeutralTitle><PDFDocument>${index}${i}.PDF</PDFDocument><PublicAccess></PublicAccess><PublishingType>${type}</PublishingType><FullText>Bilagets tekst om ${b.marker}</FullText></Attachment>`;
        })
        .join('');
      const bilagLines = item.bilag.map((b, i) => `2023-${300300 + i} - ${b.title}`).join('\n');
      const fullText =
        `${number}.\t${item.title}\n\nSagsnr.: ${item.caseNumber}\nDok.nr.: 2023-${rnd.int(100000, 999999)}\n\nSagsfremstilling\n${itemText(item)}\n\n` +
        (bilagLines ? `Bilag\n${bilagLines}\n\n` : '') +
        `Indstilling\nForvaltningen indstiller, at sagen godkendes.\n\n${c.body}s beslutning den ${d}.${mo}.${y} Punkt ${number}\nGodkendt\n`;
      rows.push(
        `<MeetingAgendaItem><AgendaItemNumber>${number}</AgendaItemNumber><Document><Title>${esc(item.title)}</Title><NeutralTitle>${esc(own === 'public' ? item.title : 'Lukket punkt')}</NeutralTitle>` +
          `<PublicAccess></PublicAccess><PublishingType>${publishing}</PublishingType><CaseLogicIdentifier>${item.caseNumber}</CaseLogicIdentifier><Case><PersonCase>${personCase}</PersonCase></Case>` +
          `<Attachments>${attachments}</Attachments></Document><FullText>${esc(fullText)}</FullText></MeetingAgendaItem>`,
      );
      toc.push(`${number}.\t${item.title}\t2`);
    }
    const name = rnd.pick(EDOC_TYPES[typeLevel]);
    flags = max(flags, typeLevel);
    const attendees = c.members.map((m, i) => `${m.name} (${m.party})${i === 0 ? ' - formand' : ''}`).join('\n');
    const front =
      `${c.body}\n\nReferat\n\n${name}\n\nDato: ${d}.${mo}.${y}\n\n${c.body}\ntirsdag den ${Number(d)}. marts ${y}, kl. 16:00\ni Mødelokale ${rnd.int(1, 9)}, Rådhuset\n\n` +
      `Tilstede\n${attendees}\n\n\fINDHOLDSFORTEGNELSE\n\n${toc.join('\n')}\n`;
    return `<MeetingAgendaType><AgendaType>${esc(name)}</AgendaType><MeetingAgendaItems>\n${rows.join('\n')}\n</MeetingAgendaItems><FullText>${esc(front).replace(/\f/g, '&#xC;')}</FullText></MeetingAgendaType>`;
  });
  const documentLevel: AccessLevel = typeLevels.includes('public') ? 'public' : max(...typeLevels);
  const xml =
    `<?xml version="1.0"?>\n<Meeting><Committee>${esc(c.body)}</Committee><MeetingDate>${d}-${mo}-${y} 16:00:00</MeetingDate><MeetingState>Referat endeligt godkendt</MeetingState>` +
    `<MeetingAgendaTypes>\n${types.join('\n')}\n</MeetingAgendaTypes></Meeting>\n`;
  return summarise('edoc', c, { fileName: `eDocAgendaPublishing-${index}.xml`, bytes: xml }, items, documentLevel, max(flags, levelOfAll(items)));
}

// ---------------------------------------------------------------------------------------------
// eDoc 4 / Fujitsu.

const FUJITSU_NAME: Record<AccessLevel, string> = { public: 'Offentlig publicering', closed: 'Lukket publicering', confidential: 'Fortrolig publicering' };
const FUJITSU_ATTACHMENT: Record<AccessLevel, [string, string]> = { public: ['Offentlig', 'Public'], closed: ['Lukket', 'Closed'], confidential: ['Fortrolig', 'Confidential'] };

function fujitsu(rnd: Random, index: number): GeneratedFile {
  const c = common(rnd, index, () => `${2000 + index}-${String(rnd.int(1, 999999)).padStart(6, '0')}`);
  const items: Item[] = [];
  let flags: AccessLevel = 'public';
  const [y, mo, d] = c.date.split('-');
  const e = (name: string, value: string) => `<edoc:${name}>${value}</edoc:${name}>`;
  const element = (item: Item, serial: string, sort: number): string => {
    // AccessIsPublic with AccessName, or either alone; now and then a name no table knows. The
    // item's level is then what the written flags say: AccessIsPublic knows no confidential.
    let name = FUJITSU_NAME[item.level];
    let nameLevel = item.level;
    if (item.level === 'confidential' && rnd.chance(0.3)) name = 'Personsag';
    if (item.level !== 'public' && rnd.chance(0.08)) {
      name = 'Særlig publicering';
      nameLevel = 'closed';
    }
    const x = rnd.float();
    const flag = x < 0.8;
    const named = x > 0.3;
    const access = (flag ? e('AccessIsPublic', item.level === 'public' ? 'true' : 'false') : '') + (named ? e('AccessName', name) : '');
    item.level = max(flag ? (item.level === 'public' ? 'public' : 'closed') : 'public', named ? nameLevel : 'public');
    // Other committees' handling of the case, each with its own access.
    const handlingLevel = rnd.chance(0.2) ? rnd.anyLevel() : item.level;
    flags = max(flags, handlingLevel);
    const attachments = item.bilag
      .map((b, i) => {
        const [accessName, enumName] = FUJITSU_ATTACHMENT[b.level];
        return `<edoc:Attachment>${e('Identifier', `a${i}`)}${e('Title', esc(b.title))}${e('AccessName', accessName)}${e('AccessEnumName', enumName)}${e('Link', `\\Attachments\\${index}-${i}.pdf`)}${e('ShowOrder', String(i))}</edoc:Attachment>`;
      })
      .join('');
    const decision = rnd.chance(0.5) ? `<edoc:CasePresentation>${e('Title', 'Beslutning')}${e('Content', esc('<p>Godkendt.</p>'))}${e('IsDecision', 'true')}</edoc:CasePresentation>` : '';
    return (
      `<edoc:AgendaElement>${e('Identifier', `e${sort}`)}${e('Type', 'Behandling')}${access}${e('SortOrder', String(sort))}` +
      `<edoc:HandlingItem>${e('SerialNo', serial)}${e('Title', esc(item.title))}${e('NeutralTitle', esc(item.level === 'public' ? item.title : 'Lukket punkt'))}${e('CaseNumber', item.caseNumber)}` +
      `<edoc:CasePresentations><edoc:CasePresentation>${e('Title', 'Sagsbeskrivelse')}${e('Content', esc(`<p>${esc(itemText(item))}</p>`))}${e('IsDecision', 'false')}</edoc:CasePresentation>${decision}</edoc:CasePresentations>` +
      `<edoc:Attachments>${attachments}</edoc:Attachments>` +
      `<edoc:HandlingPlan><edoc:Handling>${e('AgendaType', 'Dagsorden')}${e('Access', FUJITSU_NAME[handlingLevel])}</edoc:Handling></edoc:HandlingPlan></edoc:HandlingItem></edoc:AgendaElement>`
    );
  };
  const agenda = (agendaItems: Item[], read: boolean): string => {
    const rows = agendaItems.map((item, i) => {
      // SerialNo numbers the item; without one it is numbered by its position.
      const unnumbered = rnd.chance(0.12);
      const serial = unnumbered ? '' : String(i + 1);
      if (read) item.number = String(i + 1);
      return element(item, serial, i + 1);
    });
    return `<edoc:Agenda>${e('Type', 'Referat')}<edoc:AgendaElements>${rows.join('')}</edoc:AgendaElements></edoc:Agenda>`;
  };
  const first = Array.from({ length: rnd.int(2, 6) }, () => newItem(c, rnd.level()));
  items.push(...first);
  let agendas = agenda(first, true);
  // A second agenda in the meeting: the importer reads only the first.
  if (rnd.chance(0.2)) {
    const second = Array.from({ length: rnd.int(1, 2) }, () => newItem(c, rnd.anyLevel(), undefined, true));
    items.push(...second);
    agendas += agenda(second, false);
  }
  const exception = !rnd.open && rnd.chance(0.1);
  const participants = c.members
    .map((m, i) => `<edoc:MeetingParticipant>${e('Name', esc(m.name))}${e('Represent', '')}${e('Secretary', '')}${e('RoleInMeeting', i === 0 ? 'Formand' : 'Medlem')}${e('Participate', 'true')}${e('PoliticalPartyList', m.party)}</edoc:MeetingParticipant>`)
    .join('');
  const xml =
    `\uFEFF<Root xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/">${e('OutputTypeEnumName', 'Minutes')}${e('OutputFilterIsPublic', 'false')}` +
    `<edoc:Committee>${e('Identifier', `c-${index}`)}${e('Name', esc(c.body))}${e('DefaultLocation', 'Rådhuset')}<edoc:Meeting>${e('MeetingDateTime', `${d}-${mo}-${y} 17:00`)}${e('EndDateTime', `${d}-${mo}-${y} 19:00`)}` +
    `${e('MeetingLocation', 'Kulturhuset')}${e('MeetingPublicExceptionIndicator', exception ? 'true' : '')}<edoc:MeetingParticipants>${participants}</edoc:MeetingParticipants>${agendas}</edoc:Meeting></edoc:Committee></Root>\n`;
  const documentLevel: AccessLevel = exception ? 'closed' : 'public';
  return summarise('edoc4', c, { fileName: `${index}-agenda.xml`, bytes: xml }, items, documentLevel, max(flags, documentLevel, levelOfAll(items)));
}

// ---------------------------------------------------------------------------------------------

/** The index-th file of a seed; the system cycles through all of them. */
export function generateFile(seed: number, index: number, system: GeneratedSystem = SYSTEMS[index % SYSTEMS.length]!): GeneratedFile {
  const rnd = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  rnd.open = rnd.chance(0.35);
  switch (system) {
    case 'sbsys':
      return sbsys(rnd, index, false);
    case 'sbsys-aarhus':
      return sbsys(rnd, index, true);
    case 'acadre':
      return acadre(rnd, index, false);
    case 'acadre-manifest':
      return acadre(rnd, index, true);
    case 'edoc':
      return edoc(rnd, index);
    case 'edoc4':
      return fujitsu(rnd, index);
  }
}
