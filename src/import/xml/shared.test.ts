/**
 * The real case-system exports in ../shared/case-system-xml (outside the repository: they hold
 * real names and addresses). Every expected value below was counted by reading the XML itself,
 * as each comment says — not by running this importer.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../model/index.js';
import { importBytes, importFile } from '../index.js';
import { closedCounts, detectCaseSystem, readCaseSystemXml, type CaseSystemFormat } from './index.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/case-system-xml');
/**
 * The exports are not shipped with the repository, so a user's clone may not have them; CI has
 * them and sets REFERAT_REQUIRE_SHARED, which turns their absence into a failure instead of a skip.
 */
const HAVE_SHARED = existsSync(SHARED);
if (!HAVE_SHARED) {
  if (process.env.REFERAT_REQUIRE_SHARED) throw new Error(`${SHARED} is missing: the real case-system exports are needed here`);
  console.warn(`skipping the real case-system exports: ${SHARED} is not there (it is outside the repository)`);
}
const file = (name: string) => readFile(join(SHARED, `os2dagsorden-2.0_${name}.xml`));
const ACADRE_AGENDA = 'acadre_3687981';
/** The eDoc 4 test committee is named after a person; the name is matched, not written here. */
const FUJITSU_BODY = expect.stringMatching(/s testudvalg$/) as unknown as string;
/** Names as the archive keeps them: single spaces, no party letter left in the name. */
const CLEAN_NAME = /^\p{Lu}[\p{L}.\-' ]*\p{L}$/u;

/** The Acadre manifest's agenda file is saved flat next to it in ../shared. */
const loadRelated = async (path: string) => (path === 'Files_1863_3687982/3687981.xml' ? file(ACADRE_AGENDA) : null);

async function read(name: string): Promise<{ document: MeetingDocument; format: CaseSystemFormat }> {
  return readCaseSystemXml(await file(name), `${name}.xml`, { loadRelated });
}

interface Expected {
  format: CaseSystemFormat;
  kind: 'agenda' | 'minutes';
  body: string;
  date: string;
  startTime: string;
  endTime: string | null;
  numbers: string[];
  /** Sections per item, in item order. */
  sections: number[];
  /** Items whose decision is not null. */
  decisions: number;
  participants: number;
  absent: number;
  others: number;
  attachments: number;
  closed: { items: number; attachments: number };
}

const EXPECTED: Record<string, Expected> = {
  // 5 Items. Sections = ItemFields with content: item 1 has two empty fields; item 2 has 7 of 8
  // (Beslutning empty); items 3–5 have 6 (Tidligere behandling and Beslutning empty). No
  // IsFeedback field has content. 11 MeetingMembers, all NotDecided. One Enclosure, on item 3.
  // PublicationTypeAsEnum Final is the final agenda (Minutes is its own type).
  sbsys_Publication32: {
    format: 'sbsys', kind: 'agenda', body: 'KMB IT-udvalget', date: '2013-05-15', startTime: '16:30', endTime: '18:00',
    numbers: ['1', '2', '3', '4', '5'], sections: [0, 7, 6, 6, 6], decisions: 0,
    participants: 11, absent: 0, others: 0, attachments: 1, closed: { items: 0, attachments: 0 },
  },
  // 4 Items. Item 1: 8 fields with content (REGIONSRÅDETS BESLUTNING empty), its
  // FORRETNINGSUDVALGETS BESLUTNING (IsFeedback) holds the 18 September decision. Items 2 and 4:
  // 6 (PUNKTET BEHANDLET TIDLIGERE and both decisions empty). Item 3: 6, its two decision
  // fields only say "Tomt indhold". 15 MeetingMembers NotDecided. Enclosures 6+1+2+5 = 14; one is
  // titled "Ikke offentliggjort - Bilag 2 …". Draft → agenda.
  sbsys_Publication553: {
    format: 'sbsys', kind: 'agenda', body: 'Forretningsudvalget', date: '2012-09-25', startTime: '15:30', endTime: '16:00',
    numbers: ['1', '2', '3', '4'], sections: [8, 6, 6, 6], decisions: 1,
    participants: 15, absent: 0, others: 0, attachments: 14, closed: { items: 0, attachments: 1 },
  },
  // 12 Items: 10 numbered 1 … 3, then two numbered 0 that carry the whole minutes as files
  // ("Lukket referat", IsPublic false, ID "…_Confidentia_…"; "Åbent referat"), read as items 4 and
  // 5 by their place; every ItemField Content is an empty CDATA. 11 MeetingMembers with
  // Participate 0 (SBSYS status 0, not registered). The only two Enclosures sit on the number-0
  // items, one IsPublic false. PublicationTypeAsValue 2 → minutes.
  sbsys_aarhus_publication: {
    format: 'sbsys-aarhus', kind: 'minutes', body: 'Mødesystemgruppen', date: '2016-10-06', startTime: '13:00', endTime: '15:00',
    numbers: ['1', '1.1', '1.2', '1.3', '1.4', '2', '2.1', '2.2', '2.3', '3', '4', '5'], sections: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], decisions: 0,
    participants: 11, absent: 0, others: 0, attachments: 2, closed: { items: 1, attachments: 1 },
  },
  // The manifest's published producedAgenda (type 2, Referat) names Files_1863_3687982/3687981.xml.
  // One agendaitem, sort 715. 10 bullets, Lovgrundlag and Bilag empty → 8 sections, three of
  // them "Beslutning i …". 5 meetmembers, absent 0. 3 enclosures, access 1.
  acadre_XML_1863: {
    format: 'acadre-manifest', kind: 'minutes', body: 'Udvalget for plan, udvikling og kultur (PUK)', date: '2013-06-20', startTime: '10:30', endTime: '13:00',
    numbers: ['715'], sections: [8], decisions: 1,
    participants: 5, absent: 0, others: 0, attachments: 3, closed: { items: 0, attachments: 0 },
  },
  // The same agenda file read alone: agenda name "Referat" → minutes.
  [ACADRE_AGENDA]: {
    format: 'acadre', kind: 'minutes', body: 'Udvalget for plan, udvikling og kultur (PUK)', date: '2013-06-20', startTime: '10:30', endTime: '13:00',
    numbers: ['715'], sections: [8], decisions: 1,
    participants: 5, absent: 0, others: 0, attachments: 3, closed: { items: 0, attachments: 0 },
  },
  // 8 MeetingAgendaItems (in the order 2,4,5,6,3,1,7,8). Each FullText has the headings
  // Sammendrag, Baggrund, Sagsfremstilling, Økonomiske konsekvenser og finansiering, Bilag (only
  // bilag lines under it), Beslutningen træffes af, Indstilling and "… beslutning den 04.12.2012
  // Punkt N" = 8; items 3 and 4 have a line of earlier treatment before the first heading (+1).
  // Item 1 (Meddelelser) has text a.–e. and the decision: its three "Bilag" head one announcement
  // each. 10 Attachments, all SKAL PUBLICERES. Front page: 7 under Tilstede, none under
  // Afbud/Fraværende, 1 Sekretær. MeetingState "Referat endeligt godkendt".
  edoc_eDocAgendaPublishing: {
    format: 'edoc', kind: 'minutes', body: 'Sundheds- og Forebyggelsesudvalget', date: '2012-12-04', startTime: '13:00', endTime: null,
    numbers: ['1', '2', '3', '4', '5', '6', '7', '8'], sections: [2, 8, 9, 9, 8, 8, 8, 8], decisions: 8,
    participants: 7, absent: 0, others: 1, attachments: 10, closed: { items: 0, attachments: 0 },
  },
  // 5 AgendaElements, SerialNo 2–6, all AccessIsPublic true. CasePresentations with content:
  // serial 4 all five, serial 5 two, serial 6 one ("beskrivelse"); none IsDecision. 7
  // MeetingParticipants, Participate true. No attachments.
  'edoc_fujitsu_41a93779-8b2a-414b-9f87-691e24f8f40a': {
    format: 'edoc4', kind: 'agenda', body: FUJITSU_BODY, date: '2017-05-02', startTime: '10:00', endTime: '11:00',
    numbers: ['2', '3', '4', '5', '6'], sections: [0, 0, 5, 2, 1], decisions: 0,
    participants: 7, absent: 0, others: 0, attachments: 0, closed: { items: 0, attachments: 0 },
  },
  // 6 AgendaElements, SerialNo 1–6; serials 5 and 6 have AccessIsPublic false ("Fortrolig
  // publicering"). Sections as above plus serial 5's five. One participant with Participate
  // false, one MeetingParticipantExternal. Attachments 4 (serial 1) + 8 (serial 5, all
  // AccessEnumName Public but on a confidential item).
  'edoc_fujitsu_e9117c72-1d79-4fe9-9653-ef7ab6f27187': {
    format: 'edoc4', kind: 'agenda', body: FUJITSU_BODY, date: '2017-05-02', startTime: '10:00', endTime: '11:00',
    numbers: ['1', '2', '3', '4', '5', '6'], sections: [0, 0, 5, 2, 5, 1], decisions: 0,
    participants: 6, absent: 1, others: 1, attachments: 12, closed: { items: 2, attachments: 8 },
  },
};

describe.skipIf(!HAVE_SHARED)('real case-system exports in ../shared/case-system-xml', () => {
  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name} imports with the counted items, sections, decisions, attendance and bilag`, async () => {
      const { document: doc, format } = await read(name);
      expect(format).toBe(want.format);
      expect(detectCaseSystem(await file(name))).toBe(want.format);
      expect({ kind: doc.kind, body: doc.body, date: doc.date, startTime: doc.startTime, endTime: doc.endTime }).toEqual({
        kind: want.kind, body: want.body, date: want.date, startTime: want.startTime, endTime: want.endTime,
      });
      expect(doc.items.map((i) => i.number)).toEqual(want.numbers);
      expect(doc.items.map((i) => i.sections.length)).toEqual(want.sections);
      expect(doc.items.filter((i) => i.decision !== null)).toHaveLength(want.decisions);
      expect(doc.items.every((i) => (i.decision !== null) === i.sections.some((s) => s.type === 'decision'))).toBe(true);
      expect([doc.participants.length, doc.absent.length, doc.others.length]).toEqual([want.participants, want.absent, want.others]);
      expect(doc.items.flatMap((i) => i.attachments)).toHaveLength(want.attachments);
      expect(closedCounts(doc)).toEqual(want.closed);
    });
  }

  it('reads names, parties and roles from each attendance shape', async () => {
    // The files name real people: the names are checked for shape, never written here.
    const acadre = (await read(ACADRE_AGENDA)).document;
    // Acadre writes "First  Last (A)": double space collapsed, party letter split off. The five
    // meetmembers are three (A), one (V) and one (C), all "Medlem".
    expect(acadre.participants.map((p) => p.party)).toEqual(['A', 'A', 'A', 'V', 'C']);
    expect(acadre.participants.every((p) => CLEAN_NAME.test(p.name) && p.role === null)).toBe(true);
    const edoc = (await read('edoc_eDocAgendaPublishing')).document;
    // "Name (A) - formand", "Name (A) - næstformand", then five without a role.
    expect(edoc.participants.map((p) => p.role)).toEqual(['formand', 'næstformand', null, null, null, null, null]);
    expect(edoc.participants.map((p) => p.party)).toEqual(['A', 'A', 'F', 'A', 'V', 'A', 'A']);
    expect(edoc.participants.every((p) => CLEAN_NAME.test(p.name))).toBe(true);
    expect(edoc.others[0]).toMatchObject({ group: 'Sekretær', minuteTaker: true });
    expect(edoc.location).toBe('Mødecenter C, Lokale 32 på Ballerup Rådhus');
    const fujitsu = (await read('edoc_fujitsu_e9117c72-1d79-4fe9-9653-ef7ab6f27187')).document;
    // RoleInMeeting Formand on the (A) member; PoliticalPartyList "Spejderforeninger", "Aftenskoler"
    // and "Løsgænger" are not party letters; the one with Participate false is (V).
    expect(fujitsu.participants.map((p) => [p.party, p.role])).toEqual([
      ['F', null], ['A', 'formand'], ['O', null], [null, null], [null, null], [null, null],
    ]);
    expect(fujitsu.absent.map((a) => [a.party, a.substitute])).toEqual([['V', null]]);
    expect([...fujitsu.participants, ...fujitsu.absent].every((p) => CLEAN_NAME.test(p.name))).toBe(true);
  });

  it('keeps case numbers, decisions and HTML structure', async () => {
    const acadre = (await read(ACADRE_AGENDA)).document.items[0]!;
    expect(acadre).toMatchObject({ caseNumber: '12/27845', caseOfficers: ['fre'] });
    // This meeting's (20 June) decision; the earlier meetings' are the case's history.
    expect(acadre.sections.filter((s) => s.type === 'decision').map((s) => s.heading)).toEqual([
      'Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013',
    ]);
    expect(acadre.sections.filter((s) => s.type === 'history').map((s) => s.heading)).toEqual([
      'Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013',
      'Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013',
    ]);
    // The Sagsfremstilling bullet has a <ul> of three questions.
    const list = acadre.sections.find((s) => s.heading === 'Sagsfremstilling')!.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items).toHaveLength(3);
    const sbsys = (await read('sbsys_Publication553')).document;
    // Item 2's SAGSFREMSTILLING holds a <table>.
    expect(sbsys.items[1]!.sections.find((s) => s.heading === 'SAGSFREMSTILLING')!.blocks.some((b) => b.kind === 'table')).toBe(true);
    expect(sbsys.items[0]!.decision).toMatch(/^18\. september 2012: Sagen udsat/);
    expect(sbsys.warnings).toContain('Marked as an agenda (dagsorden) but records decisions.');
    const edoc = (await read('edoc_eDocAgendaPublishing')).document;
    expect(edoc.items[1]).toMatchObject({ caseNumber: '2012-28504', decision: 'Indstillingen godkendt\n\nFølgende deltog ikke i behandlingen af punktet:' });
    expect(edoc.items[1]!.sections.find((s) => s.heading === 'Bilag')!.blocks).toEqual([
      { kind: 'attachment', title: 'Bygningsliste og prioriteringssystem', marker: '2012-200782' },
    ]);
  });

  it('marks the closed bilag closed and the "Fortrolig publicering" eDoc 4 items confidential', async () => {
    const sbsys = (await read('sbsys_Publication553')).document;
    const closed = sbsys.items[3]!.attachments.filter((a) => a.access !== 'public');
    expect(closed.map((a) => a.title)).toEqual([expect.stringMatching(/^Ikke offentliggjort - Bilag 2/)]);
    expect(closed.map((a) => a.access)).toEqual(['closed']);
    const fujitsu = (await read('edoc_fujitsu_e9117c72-1d79-4fe9-9653-ef7ab6f27187')).document;
    expect(fujitsu.items.filter((i) => i.access !== 'public').map((i) => [i.number, i.access])).toEqual([['5', 'confidential'], ['6', 'confidential']]);
    // Its bilag are AccessEnumName Public, on a confidential item.
    expect(fujitsu.items[4]!.attachments.every((a) => a.access === 'confidential')).toBe(true);
    expect(fujitsu.items[0]!.attachments.every((a) => a.access === 'public')).toBe(true);
  });

  it('no export states its authority or a closed whole document; none holds an access value the tables lack', async () => {
    // The fields that could name the municipality hold "Acadre Produktion" (Acadre org), "Tværgående
    // møder" (Aarhus Organisation) or nothing; the front pages name no municipality or region.
    for (const name of Object.keys(EXPECTED)) {
      const doc = (await read(name)).document;
      expect([name, doc.authority, doc.access]).toEqual([name, null, 'public']);
      expect(doc.warnings.filter((w) => /access value Referat does not know/.test(w))).toEqual([]);
    }
  });

  it('imports through the pipeline: importBytes tells the format from the content', async () => {
    // The eDoc file holds two &#xC; references that strict XML parsers reject.
    const bytes = await file('edoc_eDocAgendaPublishing');
    expect(new TextDecoder().decode(bytes)).toContain('&#xC;');
    const imported = await importBytes(bytes, 'dagsorden.txt');
    expect(imported.format).toBe('edoc');
    expect(imported.document.source).toMatchObject({ fileName: 'dagsorden.txt', format: 'edoc' });
    expect(imported.document.items).toHaveLength(8);
  });

  const temp: string[] = [];
  afterAll(() => Promise.all(temp.map((d) => rm(d, { recursive: true, force: true }))));

  it('importFile resolves the manifest\'s agenda file in its folder, whatever the case of its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'referat-acadre-'));
    temp.push(dir);
    await mkdir(join(dir, 'Files_1863_3687982'));
    // As published: the manifest says "3687981.xml", the file is saved as "3687981.XML".
    await cp(join(SHARED, 'os2dagsorden-2.0_acadre_XML_1863.xml'), join(dir, 'XML_1863.xml'));
    await cp(join(SHARED, 'os2dagsorden-2.0_acadre_3687981.xml'), join(dir, 'Files_1863_3687982', '3687981.XML'));
    const viaManifest = await importFile(join(dir, 'XML_1863.xml'));
    expect(viaManifest.format).toBe('acadre-manifest');
    expect(viaManifest.document.items.map((i) => i.number)).toEqual(['715']);
    const alone = await importFile(join(dir, 'Files_1863_3687982', '3687981.XML'));
    expect(alone.format).toBe('acadre');
    expect(alone.document.items).toEqual(viaManifest.document.items);
  });

  it('a manifest without its agenda file is an error that names the missing file', async () => {
    const bytes = await file('acadre_XML_1863');
    await expect(importBytes(bytes, 'XML_1863.xml', { loadRelated: async () => null })).rejects.toThrow(/Files_1863_3687982\/3687981\.xml/);
    await expect(importBytes(bytes, 'XML_1863.xml')).rejects.toThrow(/import the manifest by its path/);
  });
});
