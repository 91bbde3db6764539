/**
 * fileAccessOf: a raw file's access judged from the file itself. On every in-repo fixture, on the
 * real exports in ../shared (skipped when absent), on files where the importer leaves a closed
 * part out (the case the archive must not get wrong), and on text, Markdown, HTML, DOCX and PDF.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../test/fixtures/make/docx.js';
import { renderPdf } from '../../test/fixtures/make/pdf.js';
import type { AccessLevel } from '../model/index.js';
import { documentAccessOf, fileAccessOf, markerAccess } from './file-access.js';
import { importBytes, importFile } from './index.js';
import { plainLine } from './line.js';
import { detectCaseSystem, readCaseSystemXml } from './xml/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const XML = join(ROOT, 'test/fixtures/xml');
const SHARED = resolve(ROOT, '../shared/case-system-xml');
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** What the case-system reader makes of XML bytes (the importer's view), as one level. */
async function modelLevel(bytes: Uint8Array, loadRelated?: (p: string) => Promise<Uint8Array | null>): Promise<AccessLevel> {
  return documentAccessOf((await readCaseSystemXml(bytes, 'test.xml', { loadRelated })).document);
}

describe('in-repo case-system fixtures', () => {
  it.each([
    // Item 3 IsPublic False, a bilag IsProtected True.
    ['sbsys.xml', 'sbsys', 'closed'],
    // "Lukket punkt: …" with IsPublic true, a bilag IsPublic false.
    ['sbsys-aarhus.xml', 'sbsys-aarhus', 'closed'],
    // The manifest's produced agendas are both Åben; it holds nothing else.
    ['acadre/XML_2041.xml', 'acadre-manifest', 'public'],
    // Agenda items access 2 Lukket and 3 Personsag.
    ['acadre/Files_2041_5550002/5550001.XML', 'acadre', 'confidential'],
    // The "Lukket dagsorden" agenda type, a bilag MÅ IKKE PUBLICERES.
    ['edoc.xml', 'edoc', 'closed'],
    // "Fortrolig publicering".
    ['edoc4.xml', 'edoc4', 'confidential'],
  ] as const)('%s is %s … %s', async (path, format, level) => {
    const bytes = await readFile(join(XML, path));
    expect(detectCaseSystem(bytes)).toBe(format);
    expect(fileAccessOf(bytes, format)).toBe(level);
    // Told from the content when the format is not named.
    expect(fileAccessOf(bytes, 'xml')).toBe(level);
    const imported = await importFile(join(XML, path));
    expect(imported.fileAccess).toBe(path === 'acadre/XML_2041.xml' ? 'confidential' : level);
  });

  it('the import result is never more open than the document it read (an Acadre manifest and its agenda)', async () => {
    const imported = await importFile(join(XML, 'acadre/XML_2041.xml'));
    expect(fileAccessOf(imported.bytes, imported.format)).toBe('public');
    expect(imported.fileAccess).toBe('confidential');
  });
});

/** A fixture made public throughout, by replacing its non-public flags and titles. */
async function publicVariant(path: string, replacements: Array<[string | RegExp, string]>): Promise<string> {
  let xml = text(await readFile(join(XML, path)));
  for (const [from, to] of replacements) xml = xml.replaceAll(from, to);
  return xml;
}

describe('a closed part the importer leaves out still closes the file', () => {
  const sbsysOpen = () => publicVariant('sbsys.xml', [['<IsPublic>False</IsPublic>', '<IsPublic>True</IsPublic>'], ['<IsProtected>True</IsProtected>', '<IsProtected>False</IsProtected>'], ['Lukket punkt: ', '']]);
  const closedItem = (number: string) =>
    `<Item ID="9"><Caption>Salg af grund ved Engvej</Caption><Enclosures /><IsPublic>False</IsPublic><Number>${number}</Number><Fields><ItemField ID="1"><Caption>Sagsfremstilling</Caption><Content>Køberen er navngivet.</Content><Index>1</Index></ItemField></Fields></Item>`;

  it('SBSYS: the open variant is public; an item numbered 0, an unnumbered one, or a second agenda is not', async () => {
    const open = await sbsysOpen();
    expect(fileAccessOf(utf8(open), 'sbsys')).toBe('public');
    for (const xml of [
      open.replace('</Items>', `${closedItem('0')}</Items>`),
      open.replace('</Items>', `${closedItem('')}</Items>`),
      open.replace('</Items>', `${closedItem('a')}</Items>`),
      open.replace('</Agendas>', `<Agenda ID="4712"><Items>${closedItem('1')}</Items></Agenda></Agendas>`),
      // An enclosure of no item (the agenda's own list), closed by its title.
      open.replace('</Items>', '</Items><Enclosures><Enclosure><Name>Ikke offentliggjort - notat</Name></Enclosure></Enclosures>'),
    ]) {
      const bytes = utf8(xml);
      expect(await modelLevel(bytes)).toBe('public');
      expect(fileAccessOf(bytes, 'sbsys')).toBe('closed');
    }
  });

  it('Aarhus: the closed minutes on an item numbered 0 make the file confidential', async () => {
    const open = await publicVariant('sbsys-aarhus.xml', [['<IsPublic>false</IsPublic>', '<IsPublic>true</IsPublic>'], ['Lukket punkt: ', '']]);
    expect(fileAccessOf(utf8(open), 'sbsys-aarhus')).toBe('public');
    const pseudo =
      '<Item ID="00000000-0000-0000-0000-000000000000_Confidentia_case_MDR-2024-01234"><Caption>Lukket referat</Caption><Enclosures><Enclosure><FileName>referat - lukket.pdf</FileName>' +
      '<Name>Referat - Lukket</Name><Number>1</Number><IsPublic>false</IsPublic></Enclosure></Enclosures><IsPublic>false</IsPublic><Number>0</Number><Fields /></Item>';
    const bytes = utf8(open.replace('</Items>', `${pseudo}</Items>`));
    // The item numbered 0 is read (as the next item) and kept confidential by its access word.
    expect(await modelLevel(bytes)).toBe('confidential');
    expect(fileAccessOf(bytes, 'sbsys-aarhus')).toBe('confidential');
    // The access word alone decides it, whatever IsPublic says; a word Aarhus does not write is closed.
    expect(fileAccessOf(utf8(open.replace('</Items>', `${pseudo.replaceAll('false', 'true')}</Items>`)), 'sbsys-aarhus')).toBe('confidential');
    expect(fileAccessOf(utf8(open.replace('</Items>', `${pseudo.replaceAll('false', 'true').replace('Confidentia', 'Hemmelig')}</Items>`)), 'sbsys-aarhus')).toBe('closed');
  });

  it('Acadre: a second agenda item in a parent, one outside any parent, a second agenda, an unpublished produced agenda', async () => {
    const open = await publicVariant('acadre/Files_2041_5550002/5550001.XML', [
      [/<field name="access">[23]<\/field>/g, '<field name="access">1</field>'],
      [/<field name="accessname">(Lukket|Personsag)<\/field>/g, '<field name="accessname">Åben</field>'],
    ]);
    expect(fileAccessOf(utf8(open), 'acadre')).toBe('public');
    const item = (access: string) =>
      `<table name="agendaitem"><fields><field name="sysid">7009</field><field name="name">Salg af grund ved Engvej</field><field name="access">${access}</field></fields></table>`;
    // [file, its level, the importer reads every part of it]
    const cases: Array<[string, AccessLevel, boolean]> = [
      [open.replace('</table></table><agendaData>', `${item('2')}</table></table><agendaData>`), 'closed', false],
      [open.replace('</table><agendaData>', `${item('3')}</table><agendaData>`), 'confidential', false],
      [open.replace('<agendaData>', `<table name="agenda"><fields><field name="sysid">2042</field><field name="access">2</field></fields></table><agendaData>`), 'closed', false],
      [open.replace('<agendaData>', '<agendaData><closedItem>1</closedItem>'), 'closed', false],
      [open.replace('<agendaData>', '<agendaData><personItem>2</personItem>'), 'confidential', false],
      // An enclosure that states no access at all: closed for the reader too.
      [open.replace('<field name="access">1</field><field name="accessname">Åben</field><field name="filename">5561003E1.PDF</field>', '<field name="filename">5561003E1.PDF</field>'), 'closed', true],
    ];
    for (const [xml, level, read] of cases) {
      const bytes = utf8(xml);
      expect(xml).not.toBe(open);
      expect(await modelLevel(bytes)).toBe(read ? level : 'public');
      expect(fileAccessOf(bytes, 'acadre')).toBe(level);
    }
    const manifest = text(await readFile(join(XML, 'acadre/XML_2041.xml')));
    const unpublished = manifest.replace('<field access="Åben"></field><field accessid="1"></field><field publish="1"></field><field filesfolder="Files_2041_5550001">', '<field access="Lukket"></field><field accessid="2"></field><field publish="0"></field><field filesfolder="Files_2041_5550001">');
    expect(unpublished).not.toBe(manifest);
    expect(fileAccessOf(utf8(unpublished), 'acadre-manifest')).toBe('closed');
  });

  it('eDoc: an unnumbered item that may not be published, or a closed agenda listed in a document', async () => {
    const open = await publicVariant('edoc.xml', [['MÅ IKKE PUBLICERES', 'SKAL PUBLICERES']]);
    const start = open.indexOf('<MeetingAgendaType><AgendaType>Lukket dagsorden');
    const withoutClosed = open.slice(0, start) + open.slice(open.indexOf('</MeetingAgendaType>', start) + '</MeetingAgendaType>'.length);
    expect(fileAccessOf(utf8(withoutClosed), 'edoc')).toBe('public');
    const unnumbered =
      '<MeetingAgendaItem><AgendaItemNumber></AgendaItemNumber><Document><Title>Salg af grund ved Engvej</Title><PublishingType>MÅ IKKE PUBLICERES</PublishingType></Document><FullText>Køberen er navngivet.</FullText></MeetingAgendaItem>';
    const bytes = utf8(withoutClosed.replace('</MeetingAgendaItems>', `${unnumbered}</MeetingAgendaItems>`));
    expect(await modelLevel(bytes)).toBe('public');
    expect(fileAccessOf(bytes, 'edoc')).toBe('closed');
    const listed = withoutClosed.replace('<PublicAccess></PublicAccess>', '<PublicAccess></PublicAccess><AgendaItems><AgendaItem><AgendaType>Lukket dagsorden</AgendaType></AgendaItem></AgendaItems>');
    expect(fileAccessOf(utf8(listed), 'edoc')).toBe('closed');
  });

  it('eDoc 4: another handling of the case, or a second agenda, that is not public', async () => {
    const open = await publicVariant('edoc4.xml', [
      ['<edoc:AccessIsPublic>false</edoc:AccessIsPublic>', '<edoc:AccessIsPublic>true</edoc:AccessIsPublic>'],
      ['Fortrolig publicering', 'Offentlig publicering'],
      ['<edoc:AccessName>Lukket</edoc:AccessName>', '<edoc:AccessName>Offentlig</edoc:AccessName>'],
      ['<edoc:AccessEnumName>Closed</edoc:AccessEnumName>', '<edoc:AccessEnumName>Public</edoc:AccessEnumName>'],
      ['<edoc:NeutralTitle>Lukket punkt</edoc:NeutralTitle>', '<edoc:NeutralTitle>Tilskud</edoc:NeutralTitle>'],
    ]);
    expect(fileAccessOf(utf8(open), 'edoc4')).toBe('public');
    const handling = open.replace(/<\/edoc:Attachments>(\s*)<\/edoc:HandlingItem>/, '</edoc:Attachments><edoc:HandlingPlan><edoc:Handling><edoc:Access>Fortrolig publicering</edoc:Access></edoc:Handling></edoc:HandlingPlan>$1</edoc:HandlingItem>');
    expect(handling).not.toBe(open);
    expect(await modelLevel(utf8(handling))).toBe('public');
    expect(fileAccessOf(utf8(handling), 'edoc4')).toBe('confidential');
    const second = open.replace('</edoc:Agenda>', '</edoc:Agenda><edoc:Agenda><edoc:AgendaElements><edoc:AgendaElement><edoc:AccessIsPublic>false</edoc:AccessIsPublic></edoc:AgendaElement></edoc:AgendaElements></edoc:Agenda>');
    expect(await modelLevel(utf8(second))).toBe('public');
    expect(fileAccessOf(utf8(second), 'edoc4')).toBe('closed');
  });

  it('a flag value no table knows, XML that cannot be read, and XML no case system wrote are closed', async () => {
    const open = await sbsysOpen();
    expect(fileAccessOf(utf8(open.replace('<IsPublic>True</IsPublic>', '<IsPublic>Delvis</IsPublic>')), 'sbsys')).toBe('closed');
    expect(fileAccessOf(utf8('<?xml version="1.0"?><Referat><Punkt>Tekst</Punkt></Referat>'), 'xml')).toBe('closed');
    expect(fileAccessOf(utf8(''), 'sbsys')).toBe('closed');
    expect(fileAccessOf(new Uint8Array([0, 1, 2, 3]), 'binary')).toBe('closed');
  });
});

const HAVE_SHARED = existsSync(SHARED);

describe.skipIf(!HAVE_SHARED)('real case-system exports in ../shared/case-system-xml', () => {
  // Each level counted by reading the XML itself.
  it.each([
    // Every Item IsPublic True, no enclosure flag.
    ['sbsys_Publication32', 'public'],
    // Every Item IsPublic True; one Enclosure is titled "Ikke offentliggjort - Bilag 2 …".
    ['sbsys_Publication553', 'closed'],
    // Item IsPublic true except the item numbered 0 "…_Confidentia_case_…" with IsPublic false
    // and an Enclosure IsPublic false: the importer reads it as item 4, confidential.
    ['sbsys_aarhus_publication', 'confidential'],
    // agenda, agendaitem and enclosures access 1 / Åben; agendaData publishAccess 1, closedItem and personItem 0.
    ['acadre_3687981', 'public'],
    // Both produced agendas Åben / accessid 1.
    ['acadre_XML_1863', 'public'],
    // One agenda type "Åben dagsorden", every PublishingType SKAL PUBLICERES, PublicAccess and PersonCase empty.
    ['edoc_eDocAgendaPublishing', 'public'],
    // Every AgendaElement AccessIsPublic true, "Offentlig publicering".
    ['edoc_fujitsu_41a93779-8b2a-414b-9f87-691e24f8f40a', 'public'],
    // Two AgendaElements AccessIsPublic false, "Fortrolig publicering".
    ['edoc_fujitsu_e9117c72-1d79-4fe9-9653-ef7ab6f27187', 'confidential'],
  ] as const)('%s is %s', async (name, level) => {
    const bytes = await readFile(join(SHARED, `os2dagsorden-2.0_${name}.xml`));
    expect(fileAccessOf(bytes, detectCaseSystem(bytes)!)).toBe(level);
  });

  it('the Aarhus publication reads its confidential minutes item as a confidential item, and the file stays confidential', async () => {
    const bytes = await readFile(join(SHARED, 'os2dagsorden-2.0_sbsys_aarhus_publication.xml'));
    expect(await modelLevel(bytes)).toBe('confidential');
    const imported = await importBytes(bytes, 'publication.xml');
    expect(imported.fileAccess).toBe('confidential');
  });

  it('the Acadre manifest imported with its agenda file', async () => {
    const imported = await importBytes(await readFile(join(SHARED, 'os2dagsorden-2.0_acadre_XML_1863.xml')), 'XML_1863.xml', {
      loadRelated: async (p) => (p === 'Files_1863_3687982/3687981.xml' ? readFile(join(SHARED, 'os2dagsorden-2.0_acadre_3687981.xml')) : null),
    });
    expect(imported.fileAccess).toBe('public');
  });
});

describe('text, Markdown and HTML', () => {
  it.each([
    ['Punkt 4. Lukket punkt: Køb af ejendom', 'closed'],
    ['LUKKET PUNKT', 'closed'],
    ['Mødet holdes som lukket møde.', 'closed'],
    ['Lukkede punkter behandles til sidst.', 'closed'],
    ['Bilaget er ikke offentliggjort.', 'closed'],
    ['Pkt 4 - EJ OFFENTLIGTGJORT - notat', 'closed'],
    ['Ikke til offentliggørelse', 'closed'],
    ['Punktet er ikke offentligt.', 'closed'],
    ['Notatet må ikke offentliggøres.', 'closed'],
    ['Undtaget fra aktindsigt', 'closed'],
    ['Fortroligt', 'confidential'],
    ['Sagen er en personsag.', 'confidential'],
    ['Personsager behandles for lukkede døre.', 'confidential'],
    ['Oplysningerne er personfølsomme.', 'confidential'],
    ['Lukket\npunkt', 'closed'],
    ['**Lukket** punkt', 'closed'],
    ['Luk\u00adket punkt', 'closed'],
    ['Byrådet godkendte offentliggørelse af regnskabet.', 'public'],
    ['Vejen er lukket for trafik; punktet handler om fortrolighed og fortovet.', 'public'],
  ] as const)('%j → %s', (t, level) => {
    expect(markerAccess(t)).toBe(level);
    expect(fileAccessOf(utf8(t), 'text')).toBe(level);
  });

  it('HTML: markers split by markup, in attributes and comments', () => {
    expect(fileAccessOf(utf8('<p>Luk<b>ket</b> punkt</p>'), 'html')).toBe('closed');
    expect(fileAccessOf(utf8('<p>Referat</p><!-- fortroligt -->'), 'html')).toBe('confidential');
    expect(fileAccessOf(utf8('<p>Ikke&nbsp;offentliggjort</p>'), 'html')).toBe('closed');
    expect(fileAccessOf(utf8('<h1>Referat</h1><p>Godkendt.</p>'), 'html')).toBe('public');
  });

  it('the samples and the other text fixtures: closed exactly where they hold a closed item', async () => {
    const files = [
      ...['000_8371a5215e9540f8.txt', '001_4fa44d254ce3f195.txt', '002_08ab96e69793d179.txt', '003_a18d94e99e00557d.txt', '004_d18184a479f2914c.txt'].map((f) => join(ROOT, 'samples', f)),
      ...['byraadet-referat.txt', 'byraadet-webside.html', 'kdnet-dagsorden.txt', 'oekonomiudvalget-referat.md', 'regionsraadet-udvalg-dagsorden.txt', 'teknik-miljoe-referat.txt'].map((f) => join(ROOT, 'test/fixtures/other', f)),
    ];
    for (const file of files) {
      const imported = await importFile(file);
      const level = fileAccessOf(imported.bytes, imported.format);
      expect(level, file).toBe(documentAccessOf(imported.document));
      expect(imported.fileAccess, file).toBe(level);
    }
  });
});

describe('DOCX and PDF', () => {
  const lines = (extra: string) => [
    plainLine('Referat', { heading: 1, breakBefore: true }),
    plainLine('1. Godkendelse af dagsorden', { heading: 2, breakBefore: true }),
    plainLine(`Dagsordenen blev godkendt. ${extra}`, { breakBefore: true }),
  ];

  it('DOCX is read whole: the body, and a page header that the reader leaves out', async () => {
    expect(fileAccessOf(await renderDocx(lines(''), { header: 'Testudvalget' }), 'docx')).toBe('public');
    expect(fileAccessOf(await renderDocx(lines('Punktet er ikke offentliggjort.'), { header: 'Testudvalget' }), 'docx')).toBe('closed');
    const header = await renderDocx(lines(''), { header: 'FORTROLIGT' });
    expect(fileAccessOf(header, 'docx')).toBe('confidential');
    const imported = await importBytes(header, 'referat.docx');
    expect(imported.document.items.every((i) => i.access === 'public')).toBe(true);
    expect(imported.fileAccess).toBe('confidential');
    // A ZIP that is no Word file cannot be judged.
    expect(fileAccessOf(utf8('PK\u0003\u0004 broken'), 'docx')).toBe('closed');
  });

  it('PDF: judged by its extracted text, and closed when there is none to judge by', async () => {
    const open = await renderPdf(lines(''), { header: 'Testudvalget' });
    expect(fileAccessOf(open, 'pdf')).toBe('closed');
    expect(fileAccessOf(open, 'pdf', 'Referat\nDagsordenen blev godkendt.')).toBe('public');
    expect((await importBytes(open, 'referat.pdf')).fileAccess).toBe('public');
    const closed = await renderPdf(lines('Punktet behandles som lukket punkt.'), { header: 'Testudvalget' });
    expect((await importBytes(closed, 'referat.pdf')).fileAccess).toBe('closed');
  });
});
