/**
 * @module The access level of a raw original file, judged from the file itself: a file is public
 * only when everything in it is public. What the importer made of the file does not decide it —
 * an item the importer left out (numbered 0, unnumbered, a pseudo-item, a second agenda in the
 * file) still makes the file closed when it is — so the archive may offer a file for download
 * only when this says `public`.
 *
 * - Case-system XML: every element and attribute that carries an access flag, anywhere in the
 *   document, read by the systems' tables (src/import/xml/access.ts); the most restrictive wins,
 *   a value no table knows counts as closed, an item or bilag without a flag where its system
 *   requires one is closed, and so is a title that says so ("Lukket punkt: …", "Ikke
 *   offentliggjort - …"). XML no case system wrote, or that cannot be read, is closed.
 * - Text, Markdown, HTML, DOCX and PDF: conservative Danish markers anywhere in the text
 *   ("Lukket punkt", "lukket møde", "Ikke offentliggjort", "Ikke til offentliggørelse" … closed;
 *   "Fortroligt", "Personsag" … confidential), case-insensitive. A DOCX file is read whole (body,
 *   headers, footers, notes, comments, properties); a PDF's text layer needs the extracted text
 *   (`text`), without which a PDF cannot be judged and is closed.
 *
 * Pure and synchronous: the store can call it with the bytes and format it keeps.
 */
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import { effectiveAccess, mostRestrictive, type AccessLevel, type MeetingDocument } from '../model/index.js';
import { detectFormat } from './read/detect.js';
import { decodeText } from './read/text.js';
import { openZip } from './read/zip.js';
import {
  accessOf,
  acadreAccess,
  acadreAgendaDataAccess,
  edocAgendaTypeAccess,
  edocDocumentAccess,
  fujitsuAttachmentAccess,
  fujitsuElementAccess,
  fujitsuMeetingAccess,
  ignoreUnknown,
  sbsysAgendaAccess,
  sbsysEnclosureAccess,
  sbsysIdAccess,
  sbsysItemAccess,
  titleAccess,
} from './xml/access.js';
import { decodeXml, kids, localName, parseXml, rootOf, text, textAt, type Element } from './xml/dom.js';
import { caseSystemOf, type CaseSystemFormat } from './xml/index.js';

const CASE_SYSTEM_FORMATS: ReadonlySet<string> = new Set<CaseSystemFormat | 'xml'>(['sbsys', 'sbsys-aarhus', 'acadre-manifest', 'acadre', 'edoc', 'edoc4', 'xml']);

/**
 * The access level of a raw file. `format` is the format the import recorded (`sbsys`, `acadre`,
 * `edoc4` …, `text`, `html`, `docx`, `pdf`); any other value is told from the content. `text`
 * is the text a reader extracted, when there is one: it is required to judge a PDF and adds
 * to what is read from the file for the other formats.
 */
export function fileAccessOf(bytes: Uint8Array, format: string, text?: string | null): AccessLevel {
  const kind = CASE_SYSTEM_FORMATS.has(format) ? 'xml' : ['text', 'html', 'docx', 'pdf'].includes(format) ? format : detectFormat(bytes, '');
  const extracted = text ? markerAccess(text) : 'public';
  switch (kind) {
    case 'xml':
      return mostRestrictive(xmlAccess(bytes), extracted);
    case 'text':
      return mostRestrictive(markerAccess(decodeText(bytes)), extracted);
    case 'html':
      return mostRestrictive(htmlAccess(decodeText(bytes)), extracted);
    case 'docx':
      return mostRestrictive(docxAccess(bytes), extracted);
    case 'pdf':
      // The raw bytes hold the uncompressed parts (document information, some metadata); the
      // text layer is compressed and font-encoded, so only the extracted text can speak for it.
      return mostRestrictive(markerAccess(new TextDecoder('latin1').decode(bytes)), text ? extracted : 'closed');
    default:
      // Binary or unknown content cannot be judged.
      return 'closed';
  }
}

/**
 * The most restrictive level anywhere in an imported document: the document's own, each item's
 * with its parents', each bilag's. A file is never more open than what was read from it.
 */
export function documentAccessOf(doc: MeetingDocument): AccessLevel {
  const levels: AccessLevel[] = [doc.access, ...effectiveAccess(doc.items).values()];
  for (const item of doc.items) levels.push(...item.attachments.map((a) => a.access));
  return mostRestrictive(...levels);
}

// ---------------------------------------------------------------------------------------------
// Text markers.

/** Words that mark text as confidential (personsag, fortroligt). */
const CONFIDENTIAL_MARKERS = /(?<![\p{L}\d])(fortrolig|fortroligt|fortrolige|personsag|personsagen|personsager|personsagerne|personfølsom|personfølsomt|personfølsomme)(?![\p{L}\d])/iu;

/** Words that mark text as closed (lukket, not for publication). */
const CLOSED_MARKERS = new RegExp(
  '(?<![\\p{L}\\d])(' +
    [
      'lukket punkt',
      'lukkede punkter',
      'lukket møde',
      'lukkede møder',
      'lukket dagsorden',
      'lukket referat',
      'lukket bilag',
      'lukkede bilag',
      'lukket sag',
      'lukket del',
      '(?:ikke|ej) offentligt?gjorte?',
      'ikke til offentliggørelse',
      '(?:ikke|ej) offentlig(?:t|e)?',
      'må ikke (?:offentliggøres|publiceres)',
      'undtaget (?:fra )?(?:offentlighed(?:en)?|aktindsigt)',
    ].join('|') +
    ')(?![\\p{L}\\d])',
  'iu',
);

/** The level the markers in a text give: confidential, closed, or public when there are none. */
export function markerAccess(text: string): AccessLevel {
  // Soft hyphens out, every kind of space one space; Markdown emphasis must not split a phrase.
  const plain = text.normalize('NFC').replace(/\u00ad/g, '').replace(/\s+/gu, ' ');
  const unmarked = plain.replace(/[*_#>`~|]+/g, ' ').replace(/ +/g, ' ');
  if (CONFIDENTIAL_MARKERS.test(plain) || CONFIDENTIAL_MARKERS.test(unmarked)) return 'confidential';
  if (CLOSED_MARKERS.test(plain) || CLOSED_MARKERS.test(unmarked)) return 'closed';
  return 'public';
}

/** HTML: its visible text (markup between the words of a marker removed) and its source (attributes, comments). */
function htmlAccess(html: string): AccessLevel {
  const dom = parseDocument(html, { decodeEntities: true });
  return mostRestrictive(markerAccess(textContent(dom)), markerAccess(html));
}

// ---------------------------------------------------------------------------------------------
// DOCX: a ZIP file; every part that holds text is read.

/** The parts of a Word file that hold text: body, headers, footers, notes, comments, glossary, properties. */
const DOCX_TEXT_PART = /^(word\/.*\.xml|docProps\/(core|app|custom)\.xml)$/i;
/** No part may inflate beyond this (a ZIP bomb is not a document). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** A character reference's character; one past U+10FFFF (String.fromCodePoint throws) is U+FFFD. */
const codePoint = (n: number) => (n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd');

function docxAccess(bytes: Uint8Array): AccessLevel {
  const parts = zipTexts(bytes, (name) => DOCX_TEXT_PART.test(name));
  if (parts === null || parts.length === 0) return 'closed';
  let level: AccessLevel = 'public';
  for (const xml of parts) {
    // Runs of one word are split across <w:t> elements: tags go without a space, paragraphs,
    // breaks and tabs become one.
    const words = xml
      .replace(/<\/w:p>|<w:br\b[^>]*>|<w:tab\b[^>]*>|<w:cr\b[^>]*>/g, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => ENTITY[e.toLowerCase()] ?? codePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
    level = mostRestrictive(level, markerAccess(words));
  }
  return level;
}

const ENTITY: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The decoded (UTF-8) contents of the ZIP entries whose names pass `wanted`; null for a ZIP that cannot be read. */
function zipTexts(bytes: Uint8Array, wanted: (name: string) => boolean): string[] | null {
  try {
    const zip = openZip(bytes);
    const names = [...zip.entries.values()].filter((e) => wanted(e.name));
    // A part too large to judge makes the file unjudgeable: closed, like one that cannot be read.
    if (names.some((e) => e.size > MAX_PART_BYTES)) return null;
    const utf8 = new TextDecoder('utf-8');
    return names.map((e) => utf8.decode(zip.read(e.name)));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Case-system XML: every access flag anywhere.

function xmlAccess(bytes: Uint8Array): AccessLevel {
  let root: Element | null;
  try {
    root = rootOf(parseXml(decodeXml(bytes)));
  } catch {
    return 'closed';
  }
  if (!root) return 'closed';
  switch (caseSystemOf(root)) {
    case 'sbsys':
    case 'sbsys-aarhus':
      return sbsysFileAccess(root);
    case 'acadre':
      return acadreFileAccess(root, false);
    case 'acadre-manifest':
      return acadreFileAccess(root, true);
    case 'edoc':
      return edocFileAccess(root);
    case 'edoc4':
      return fujitsuFileAccess(root);
    case null:
      return 'closed';
  }
}

/** Every element below `root` (itself included), document order. */
function* elements(root: Element): Generator<Element> {
  yield root;
  for (const child of kids(root)) yield* elements(child);
}

/** Collects levels; `add(null)` is a field that says nothing. */
class Levels {
  level: AccessLevel = 'public';
  add(level: AccessLevel | null): void {
    if (level) this.level = mostRestrictive(this.level, level);
  }
  title(value: string): void {
    this.add(titleAccess(value));
  }
}

/** The last part of a Windows or POSIX path. */
const baseName = (path: string) => path.split(/[\\/]/).pop()!.trim();

/** SBSYS and Aarhus: every Item (number 0, unnumbered, in any agenda), Enclosure and Agenda, and every IsPublic/IsProtected. */
function sbsysFileAccess(root: Element): AccessLevel {
  const found = new Levels();
  for (const el of elements(root)) {
    const name = localName(el);
    if (name === 'Item') {
      found.add(sbsysItemAccess(el, ignoreUnknown));
      found.title(textAt(el, 'Caption'));
    } else if (name === 'Enclosure') {
      found.add(sbsysEnclosureAccess(el, ignoreUnknown));
      found.title(textAt(el, 'Name'));
      found.title(baseName(textAt(el, 'FileName')));
    } else if (name === 'Agenda') {
      found.add(sbsysAgendaAccess(el, ignoreUnknown));
      found.title(textAt(el, 'Name'));
    } else if (name === 'IsPublic') found.add(accessOf('sbsysIsPublic', text(el), name, ignoreUnknown));
    else if (name === 'IsProtected') found.add(accessOf('sbsysIsProtected', text(el), name, ignoreUnknown));
    if (el.attribs.ID) found.add(sbsysIdAccess(el.attribs.ID, ignoreUnknown));
  }
  return found.level;
}

/**
 * An Acadre `fields` element as a map. The agenda file names each field's key
 * (`<field name="access">1</field>`); the manifest writes key and value as one attribute
 * (`<field access="Åben"/>`, `<field name="Børne- og Ungeudvalget"/>`).
 */
function acadreFields(fields: Element, manifest: boolean): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of kids(fields, 'field')) {
    if (!manifest) map.set(field.attribs.name ?? '', text(field));
    else for (const [key, value] of Object.entries(field.attribs)) map.set(key, value.trim());
  }
  return map;
}

/** The name attribute of an element's parent table. */
function tableOf(el: Element): string | undefined {
  const parent = el.parent;
  return parent && parent.type === 'tag' ? (parent as Element).attribs.name : undefined;
}

/** Tables whose rows must state their access: an item, a bilag or a produced agenda that does not is not known to be public. */
const ACADRE_STATED: ReadonlySet<string> = new Set(['agendaitem', 'enclosure', 'producedAgenda']);

/** Acadre agenda file or manifest: every table's access fields; items, enclosures and produced agendas must state theirs. */
function acadreFileAccess(root: Element, manifest: boolean): AccessLevel {
  const found = new Levels();
  for (const el of elements(root)) {
    const name = localName(el);
    if (name === 'fields') {
      const table = tableOf(el);
      const fields = acadreFields(el, manifest);
      found.add(acadreAccess(fields, ignoreUnknown) ?? (table && ACADRE_STATED.has(table) ? 'closed' : null));
      if (table === 'agendaitem' || table === 'enclosure') {
        found.title(fields.get('name') ?? '');
        found.title(baseName(fields.get('filename') ?? ''));
      }
    } else if (name === 'agendaData') found.add(acadreAgendaDataAccess(el, ignoreUnknown));
    else if (name === 'table' && ACADRE_STATED.has(el.attribs.name ?? '') && kids(el, 'fields').length === 0) found.add('closed');
  }
  return found.level;
}

/** eDoc: every agenda type, item document and attachment, and every PublishingType, AgendaType, PublicAccess and PersonCase. */
function edocFileAccess(root: Element): AccessLevel {
  const found = new Levels();
  for (const el of elements(root)) {
    switch (localName(el)) {
      case 'MeetingAgendaType':
        found.add(edocAgendaTypeAccess(el, ignoreUnknown));
        break;
      case 'MeetingAgendaItem': {
        const doc = kids(el, 'Document')[0];
        found.add(edocDocumentAccess(doc, ignoreUnknown));
        found.title(textAt(doc, 'Title'));
        found.title(textAt(doc, 'NeutralTitle'));
        break;
      }
      case 'Attachment':
        found.add(edocDocumentAccess(el, ignoreUnknown));
        found.title(textAt(el, 'Title'));
        found.title(textAt(el, 'NeutralTitle'));
        break;
      case 'PublishingType':
        found.add(accessOf('edocPublishingType', text(el), 'PublishingType', ignoreUnknown));
        break;
      case 'AgendaType':
        found.add(accessOf('edocAgendaType', text(el), 'AgendaType', ignoreUnknown));
        break;
      case 'PublicAccess':
        found.add(accessOf('edocPublicAccess', text(el), 'PublicAccess', ignoreUnknown));
        break;
      case 'PersonCase':
        found.add(accessOf('edocPersonCase', text(el), 'PersonCase', ignoreUnknown));
        break;
    }
  }
  return found.level;
}

/** eDoc 4: every agenda element and attachment, the meeting, and every AccessIsPublic, AccessName, AccessEnumName and handling Access. */
function fujitsuFileAccess(root: Element): AccessLevel {
  const found = new Levels();
  for (const el of elements(root)) {
    switch (localName(el)) {
      case 'AgendaElement':
        found.add(fujitsuElementAccess(el, ignoreUnknown));
        found.title(textAt(el, 'HandlingItem/Title'));
        break;
      case 'Attachment':
        found.add(fujitsuAttachmentAccess(el, ignoreUnknown));
        found.title(textAt(el, 'Title'));
        break;
      case 'Meeting':
        found.add(fujitsuMeetingAccess(el, ignoreUnknown));
        break;
      case 'AccessIsPublic':
        found.add(accessOf('fujitsuAccessIsPublic', text(el), 'AccessIsPublic', ignoreUnknown));
        break;
      case 'AccessName':
      case 'Access':
        found.add(accessOf('fujitsuAccessName', text(el), 'AccessName', ignoreUnknown));
        break;
      case 'AccessEnumName':
        found.add(accessOf('fujitsuAccessEnumName', text(el), 'AccessEnumName', ignoreUnknown));
        break;
    }
  }
  return found.level;
}
