/**
 * @module Access values as each case system writes them, mapped onto Referat's three levels
 * (src/model/access.ts: public · closed · confidential). The tables below are the one place
 * where a system's own words are given a meaning: the readers judge items, bilag and whole
 * documents by them, and `fileAccessOf` (src/import/file-access.ts) judges every flag in a
 * file by them, including the flags of parts the readers leave out.
 *
 * Rules every table follows: a value a table does not know is taken as `closed` (the stricter
 * level) and reported by the name of its field only — never by the value or any text near it,
 * which may be closed text; where a field is missing, the caller decides (an item is public
 * only when its export says so).
 */
import { mostRestrictive, type AccessLevel } from '../../model/index.js';
import { kids, text, type Element } from './dom.js';

type Table = Readonly<Record<string, AccessLevel>>;

/**
 * Each system's access fields and the values they hold, keyed by the value in lower case with
 * runs of spaces collapsed. Boolean fields are keyed `true`/`false` (the exports also write
 * True, 1, ja and their opposites). "Seen" notes which values occur in the real exports in
 * ../shared/case-system-xml; the others are the systems' documented or evident counterparts.
 */
export const ACCESS_TABLES = {
  /**
   * Acadre MM: `access` (id) and `accessname` on agenda items and enclosures and on the agenda
   * itself; `access` (name) and `accessid` on the manifest's produced agendas; agendaData
   * `publishAccess` (id). Seen: 1 and Åben everywhere; the fixtures hold 2 Lukket.
   */
  acadre: { '1': 'public', '2': 'closed', '3': 'confidential', åben: 'public', lukket: 'closed', personsag: 'confidential' },
  /** SBSYS `IsPublic` on items; Aarhus also on the agenda and on enclosures. Seen: True/true, false. */
  sbsysIsPublic: { true: 'public', false: 'closed' },
  /** SBSYS `IsProtected` on enclosures (the full export; not in the real samples). */
  sbsysIsProtected: { false: 'public', true: 'closed' },
  /**
   * The access word in an Aarhus pseudo-item's ID, `<guid>_<word>_case_<case number>`. Seen:
   * Public (the open minutes as a file) and Confidentia, as Aarhus truncates Confidential (the
   * closed minutes as a file).
   */
  sbsysItemId: { public: 'public', confidentia: 'confidential', confidential: 'confidential' },
  /** eDoc `PublishingType` of an item's document and of each attachment. Seen: SKAL PUBLICERES. */
  edocPublishingType: { 'skal publiceres': 'public', 'må ikke publiceres': 'closed' },
  /** eDoc `AgendaType`, the agenda an item is on. Seen: Åben dagsorden; eDoc also writes the closed and minutes ones. */
  edocAgendaType: {
    'åben dagsorden': 'public',
    'åbent referat': 'public',
    'lukket dagsorden': 'closed',
    'lukket referat': 'closed',
    'fortrolig dagsorden': 'confidential',
    'fortroligt referat': 'confidential',
  },
  /** eDoc `PublicAccess` of a document or attachment. Seen: always empty. */
  edocPublicAccess: { true: 'public', false: 'closed', offentlig: 'public', åben: 'public', lukket: 'closed', 'ikke offentlig': 'closed', fortrolig: 'confidential', personsag: 'confidential' },
  /** eDoc `Case/PersonCase`: the case is a personsag. Seen: always empty. */
  edocPersonCase: { true: 'confidential', false: 'public' },
  /** eDoc 4 `AccessIsPublic` of an agenda element. Seen: true, false. */
  fujitsuAccessIsPublic: { true: 'public', false: 'closed' },
  /**
   * eDoc 4 `AccessName` of agenda elements, `Handling/Access` of their handling plan, and
   * `AccessName` of attachments. Seen: Offentlig publicering, Fortrolig publicering, Offentlig;
   * the fixture holds Lukket.
   */
  fujitsuAccessName: {
    offentlig: 'public',
    'offentlig publicering': 'public',
    lukket: 'closed',
    'lukket publicering': 'closed',
    fortrolig: 'confidential',
    'fortrolig publicering': 'confidential',
    personsag: 'confidential',
  },
  /** eDoc 4 `AccessEnumName` of attachments. Seen: Public; the fixture holds Closed. */
  fujitsuAccessEnumName: { public: 'public', closed: 'closed', confidential: 'confidential' },
  /** eDoc 4 `MeetingPublicExceptionIndicator`: the meeting is held behind closed doors. Seen: always empty. */
  fujitsuPublicException: { false: 'public', true: 'closed' },
} as const satisfies Record<string, Table>;

export type AccessTableName = keyof typeof ACCESS_TABLES;

/** Called with the name of a field whose value no table knows (the value itself is never passed on). */
export type UnknownAccess = (field: string) => void;

/** Ignores unknown values (they still count as closed). */
export const ignoreUnknown: UnknownAccess = () => {};

const BOOLEAN: Readonly<Record<string, string>> = { '1': 'true', ja: 'true', '0': 'false', nej: 'false' };

/** A value as the tables key it: lower case, single spaces, no trailing full stop. */
export function accessKey(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
}

/**
 * The level a field's value stands for by the system's table: null for an empty value,
 * `closed` (and a call of `unknown` with the field's name) for a value the table lacks.
 * A boolean field (a table keyed true/false) also takes 1/0 and ja/nej.
 */
export function accessOf(table: AccessTableName, value: string | null | undefined, field: string, unknown: UnknownAccess): AccessLevel | null {
  const values: Table = ACCESS_TABLES[table];
  let key = accessKey(value ?? '');
  if (key === '') return null;
  if ('true' in values) key = BOOLEAN[key] ?? key;
  const level = values[key];
  if (level) return level;
  unknown(field);
  return 'closed';
}

/** The most restrictive of the levels that were stated, or `missing` when none was. */
export function stated(levels: ReadonlyArray<AccessLevel | null>, missing: AccessLevel): AccessLevel;
export function stated(levels: ReadonlyArray<AccessLevel | null>, missing: AccessLevel | null): AccessLevel | null;
export function stated(levels: ReadonlyArray<AccessLevel | null>, missing: AccessLevel | null): AccessLevel | null {
  const known = levels.filter((l): l is AccessLevel => l !== null);
  return known.length > 0 ? mostRestrictive(...known) : missing;
}

/** A bilag or item title that says it may not be published ("Ikke offentliggjort - …", "Lukket bilag"). */
export function titleSaysClosed(title: string): boolean {
  return /^\s*(ikke offentlig|ej offentlig|lukket\b|fortrolig)/i.test(title) || /\b(ej|ikke) offentligt?gjort\b/i.test(title);
}

/** What a title says of its access: confidential for "Fortrolig …"/"Personsag …", closed for the words above, else null. */
export function titleAccess(title: string): AccessLevel | null {
  if (/^\s*(fortrolig|personsag)/i.test(title)) return 'confidential';
  return titleSaysClosed(title) ? 'closed' : null;
}

// ---------------------------------------------------------------------------------------------
// Per system: the level of one element as the readers and fileAccessOf both judge it.

/** The trimmed text of the first child element with the local name, or null when there is none. */
function child(el: Element | null | undefined, name: string): string | null {
  const found = kids(el, name)[0];
  return found ? text(found) : null;
}

/** SBSYS item: IsPublic (missing → closed: public only when the export says so), and the Aarhus ID word. */
export function sbsysItemAccess(item: Element, unknown: UnknownAccess): AccessLevel {
  const flag = accessOf('sbsysIsPublic', child(item, 'IsPublic'), 'IsPublic', unknown) ?? 'closed';
  return mostRestrictive(flag, sbsysIdAccess(item.attribs.ID ?? '', unknown) ?? 'public');
}

/** The access word of an Aarhus pseudo-item ID (`…_Confidentia_case_…`), or null for an ordinary ID. */
export function sbsysIdAccess(id: string, unknown: UnknownAccess): AccessLevel | null {
  const m = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_([^_]+)_case_/i.exec(id);
  return m ? accessOf('sbsysItemId', m[1], 'Item/@ID', unknown) : null;
}

/** SBSYS enclosure: IsPublic false or IsProtected true close it; neither stated → public, as SBSYS publishes it. */
export function sbsysEnclosureAccess(enclosure: Element, unknown: UnknownAccess): AccessLevel {
  return stated(
    [
      accessOf('sbsysIsPublic', child(enclosure, 'IsPublic'), 'Enclosure/IsPublic', unknown),
      accessOf('sbsysIsProtected', child(enclosure, 'IsProtected'), 'Enclosure/IsProtected', unknown),
    ],
    'public',
  );
}

/** An SBSYS (Aarhus) agenda's own IsPublic, or null when it states none. */
export function sbsysAgendaAccess(agenda: Element, unknown: UnknownAccess): AccessLevel | null {
  return accessOf('sbsysIsPublic', child(agenda, 'IsPublic'), 'Agenda/IsPublic', unknown);
}

/** Acadre: `access`, `accessname` and `accessid` of one table's fields; null when none is stated. */
export function acadreAccess(fields: ReadonlyMap<string, string>, unknown: UnknownAccess): AccessLevel | null {
  return stated(
    ['access', 'accessname', 'accessid'].map((key) => accessOf('acadre', fields.get(key), key, unknown)),
    null,
  );
}

/** Acadre agendaData: `publishAccess`, and `closedItem`/`personItem` when the produced agenda includes such items. */
export function acadreAgendaDataAccess(agendaData: Element | null | undefined, unknown: UnknownAccess): AccessLevel | null {
  if (!agendaData) return null;
  const included = (name: string, level: AccessLevel): AccessLevel | null => {
    const value = child(agendaData, name);
    return value === null || value === '' || value === '0' ? null : level;
  };
  return stated(
    [
      accessOf('acadre', child(agendaData, 'publishAccess'), 'publishAccess', unknown),
      included('closedItem', 'closed'),
      included('personItem', 'confidential'),
    ],
    null,
  );
}

/** eDoc agenda type: by its name; an agenda type without a name is closed. */
export function edocAgendaTypeAccess(type: Element | null | undefined, unknown: UnknownAccess): AccessLevel {
  return accessOf('edocAgendaType', child(type, 'AgendaType'), 'AgendaType', unknown) ?? 'closed';
}

/**
 * eDoc item document or attachment: PublishingType (only "SKAL PUBLICERES" lets it out; missing
 * → closed), PublicAccess, and the case's PersonCase.
 */
export function edocDocumentAccess(doc: Element | null | undefined, unknown: UnknownAccess): AccessLevel {
  const publishing = accessOf('edocPublishingType', child(doc, 'PublishingType'), 'PublishingType', unknown) ?? 'closed';
  const caseEl = kids(doc, 'Case')[0];
  return mostRestrictive(
    publishing,
    accessOf('edocPublicAccess', child(doc, 'PublicAccess'), 'PublicAccess', unknown) ?? 'public',
    accessOf('edocPersonCase', child(caseEl, 'PersonCase'), 'Case/PersonCase', unknown) ?? 'public',
  );
}

/** eDoc 4 agenda element: AccessIsPublic and AccessName, the stricter; neither stated → closed. */
export function fujitsuElementAccess(element: Element, unknown: UnknownAccess): AccessLevel {
  return stated(
    [
      accessOf('fujitsuAccessIsPublic', child(element, 'AccessIsPublic'), 'AccessIsPublic', unknown),
      accessOf('fujitsuAccessName', child(element, 'AccessName'), 'AccessName', unknown),
    ],
    'closed',
  );
}

/** eDoc 4 attachment: AccessEnumName and AccessName, the stricter; neither stated → closed. */
export function fujitsuAttachmentAccess(attachment: Element, unknown: UnknownAccess): AccessLevel {
  return stated(
    [
      accessOf('fujitsuAccessEnumName', child(attachment, 'AccessEnumName'), 'Attachment/AccessEnumName', unknown),
      accessOf('fujitsuAccessName', child(attachment, 'AccessName'), 'Attachment/AccessName', unknown),
    ],
    'closed',
  );
}

/** eDoc 4 meeting: MeetingPublicExceptionIndicator, or null when it is empty. */
export function fujitsuMeetingAccess(meeting: Element | null | undefined, unknown: UnknownAccess): AccessLevel | null {
  return accessOf('fujitsuPublicException', child(meeting, 'MeetingPublicExceptionIndicator'), 'MeetingPublicExceptionIndicator', unknown);
}
