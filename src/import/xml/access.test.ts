/**
 * The case systems' access values (access.ts): every value of every table, and each one read
 * through its reader into an item's, a bilag's or the whole document's level. Unknown values are
 * closed with a warning that names the field and never the value or any text.
 */
import { describe, expect, it } from 'vitest';
import type { AccessLevel, MeetingDocument } from '../../model/index.js';
import { ACCESS_TABLES, accessOf, titleAccess, type AccessTableName } from './access.js';
import { readCaseSystemXml } from './index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = async (xml: string, related: Record<string, string> = {}): Promise<MeetingDocument> =>
  (await readCaseSystemXml(utf8(xml), 'test.xml', { loadRelated: async (p) => (p in related ? utf8(related[p]!) : null) })).document;

describe('the access tables', () => {
  const rows = Object.entries(ACCESS_TABLES).flatMap(([table, values]) => Object.entries(values).map(([value, level]) => [table, value, level] as const));
  it.each(rows)('%s: %s → %s', (table, value, level) => {
    const unknown: string[] = [];
    expect(accessOf(table as AccessTableName, value, 'Field', (f) => unknown.push(f))).toBe(level);
    // Written as the exports write it: any case, extra spaces, a full stop.
    expect(accessOf(table as AccessTableName, ` ${value.toUpperCase()}. `, 'Field', (f) => unknown.push(f))).toBe(level);
    expect(unknown).toEqual([]);
  });

  it('reads booleans as the exports write them', () => {
    for (const v of ['True', 'true', '1', 'ja']) expect(accessOf('sbsysIsPublic', v, 'IsPublic', () => {})).toBe('public');
    for (const v of ['False', 'false', '0', 'Nej']) expect(accessOf('sbsysIsPublic', v, 'IsPublic', () => {})).toBe('closed');
    // Only a boolean field takes 1 for true: Acadre's 1 is Åben.
    expect(accessOf('acadre', '1', 'access', () => {})).toBe('public');
  });

  it('an empty value says nothing; an unknown one is closed and reported by its field only', () => {
    const unknown: string[] = [];
    expect(accessOf('fujitsuAccessName', '  ', 'AccessName', (f) => unknown.push(f))).toBeNull();
    expect(accessOf('fujitsuAccessName', 'Særlig publicering for ordxhemmelig', 'AccessName', (f) => unknown.push(f))).toBe('closed');
    expect(unknown).toEqual(['AccessName']);
  });

  it.each([
    ['Ikke offentliggjort - Bilag 2', 'closed'],
    ['Lukket punkt: Køb af ejendom', 'closed'],
    ['Fortroligt notat', 'confidential'],
    ['Personsag: klage', 'confidential'],
    ['Offentliggørelse af regnskab', null],
  ] as const)('a title "%s" says %s', (title, level) => {
    expect(titleAccess(title)).toBe(level);
  });
});

/** No warning may quote a closed value or closed text. */
function expectNoQuote(doc: MeetingDocument, ...secrets: string[]) {
  for (const w of doc.warnings) for (const s of secrets) expect(w).not.toContain(s);
}

// ---------------------------------------------------------------------------------------------

function sbsys(item: string, agendaExtra = '', aarhus = false): string {
  return (
    `<?xml version="1.0"?><Publication><Agendas><Agenda ID="${aarhus ? 'MDR-2031-00002' : '17'}">${agendaExtra}<Meeting><When>03-03-2031 09:00:00</When></Meeting>` +
    `<Committee><Name>Testudvalget</Name></Committee><Items>${item}</Items></Agenda></Agendas></Publication>`
  );
}
const sbsysItem = (flag: string | null, enclosure = '', id = '1') =>
  `<Item ID="${id}"><Caption>Punkt ordxpunkt</Caption><Enclosures>${enclosure}</Enclosures>${flag === null ? '' : `<IsPublic>${flag}</IsPublic>`}<Number>1</Number>` +
  `<Fields><ItemField><Caption>Sagsfremstilling</Caption><Content><![CDATA[<p>Tekst.</p>]]></Content><Index>1</Index></ItemField></Fields></Item>`;

describe('SBSYS', () => {
  it.each([
    ['True', 'public'],
    ['true', 'public'],
    ['False', 'closed'],
    ['false', 'closed'],
    [null, 'closed'],
    ['Måske', 'closed'],
  ] as const)('item IsPublic %s → %s', async (flag, level) => {
    const doc = await read(sbsys(sbsysItem(flag)));
    expect(doc.items[0]!.access).toBe(level);
    expect(doc.warnings.some((w) => /IsPublic holds an access value Referat does not know/.test(w))).toBe(flag === 'Måske');
    expectNoQuote(doc, 'Måske');
  });

  it.each([
    ['<IsProtected>False</IsProtected>', 'public'],
    ['<IsProtected>True</IsProtected>', 'closed'],
    ['<IsPublic>true</IsPublic>', 'public'],
    ['<IsPublic>false</IsPublic>', 'closed'],
    ['', 'public'],
  ] as const)('enclosure %s → %s', async (flag, level) => {
    const doc = await read(sbsys(sbsysItem('True', `<Enclosure><Name>Bilaget</Name>${flag}</Enclosure>`)));
    expect(doc.items[0]!.attachments[0]!.access).toBe(level);
  });

  it('an enclosure whose title says "Fortroligt" is confidential', async () => {
    const doc = await read(sbsys(sbsysItem('True', `<Enclosure><Name>Fortroligt notat</Name><IsProtected>False</IsProtected></Enclosure>`)));
    expect(doc.items[0]!.attachments[0]!.access).toBe('confidential');
  });

  it.each([
    ['true', 'public'],
    ['false', 'closed'],
  ] as const)('an Aarhus agenda IsPublic %s makes the document and every item %s', async (flag, level) => {
    const doc = await read(sbsys(sbsysItem('true', '', '1_case_MDR-2031-00002'), `<IsPublic>${flag}</IsPublic>`, true));
    expect(doc.access).toBe(level);
    expect(doc.items[0]!.access).toBe(level);
  });

  it('a left-out item is named in warnings only when it is public', async () => {
    const closed = (number: string) => sbsysItem('False').replace('<Number>1</Number>', `<Number>${number}</Number>`);
    const doc = await read(sbsys(closed('') + closed('0')));
    expect(doc.items).toEqual([]);
    expectNoQuote(doc, 'ordxpunkt');
  });

  it('takes the authority from the front page or the organisation when it names a municipality', async () => {
    expect((await read(sbsys(sbsysItem('True'), '<Frontpage><![CDATA[<p>Norddal Kommune</p><p>Referat</p>]]></Frontpage>'))).authority).toBe('Norddal Kommune');
    const aarhus = await read(sbsys(sbsysItem('true', '', '1_case_MDR-2031-00002'), '<IsPublic>true</IsPublic><Organisation>Tværgående møder</Organisation>', true));
    expect(aarhus.authority).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

const field = (name: string, value: string) => `<field name="${name}">${value}</field>`;
const accessFields = (id: string | null, name: string | null) => (id === null ? '' : field('access', id)) + (name === null ? '' : field('accessname', name));

function acadre(itemAccess: string, enclosureAccess = accessFields('1', 'Åben'), agendaAccess = field('access', '1'), agendaData = ''): string {
  return (
    `<?xml version="1.0"?><root><table name="agenda"><fields>${field('sysid', '1')}${field('name', 'Referat')}${agendaAccess}</fields>` +
    `<table name="committee"><fields>${field('name', 'Testudvalget')}</fields></table><table name="meeting"><fields>${field('date', '2031-03-03 10:00')}</fields></table>` +
    `<table name="agendaitemparents"><fields>${field('sort', '5')}</fields><table name="agendaitem"><fields>${field('name', 'Punkt ordxpunkt')}${itemAccess}</fields>` +
    `<table name="bullet"><fields>${field('bulletname', 'Sagsfremstilling')}${field('bulletcontent', '&lt;p&gt;Tekst.&lt;/p&gt;')}</fields></table>` +
    `<table name="enclosure"><fields>${field('name', 'Bilaget')}${enclosureAccess}</fields></table></table></table></table>${agendaData}</root>`
  );
}

describe('Acadre', () => {
  const cases: Array<[string | null, string | null, AccessLevel]> = [
    ['1', null, 'public'],
    ['2', null, 'closed'],
    ['3', null, 'confidential'],
    [null, 'Åben', 'public'],
    [null, 'Lukket', 'closed'],
    [null, 'Personsag', 'confidential'],
    ['1', 'Åben', 'public'],
    ['1', 'Lukket', 'closed'],
    ['3', 'Personsag', 'confidential'],
    [null, null, 'closed'],
    ['7', null, 'closed'],
  ];
  it.each(cases)('agenda item access %s, accessname %s → %s', async (id, name, level) => {
    const doc = await read(acadre(accessFields(id, name)));
    expect(doc.items[0]!.access).toBe(level);
    // The bilag of a closed item is closed with it.
    expect(doc.items[0]!.attachments[0]!.access).toBe(level);
    expect(doc.warnings.some((w) => /^Item 5: access holds an access value/.test(w))).toBe(id === '7');
  });

  it.each(cases)('enclosure access %s, accessname %s → %s', async (id, name, level) => {
    const doc = await read(acadre(accessFields('1', 'Åben'), accessFields(id, name)));
    expect(doc.items[0]!.attachments[0]!.access).toBe(level);
  });

  it.each([
    ['1', 'public'],
    ['2', 'closed'],
    ['3', 'confidential'],
  ] as const)("the agenda's own access %s makes the document and every item %s", async (id, level) => {
    const doc = await read(acadre(accessFields('1', 'Åben'), undefined, field('access', id)));
    expect([doc.access, doc.items[0]!.access]).toEqual([level, level]);
  });

  it.each([
    ['1', 'public'],
    ['2', 'closed'],
    ['3', 'confidential'],
  ] as const)('agendaData publishAccess %s → the document is %s', async (id, level) => {
    const doc = await read(acadre(accessFields('1', 'Åben'), undefined, undefined, `<agendaData><publishAccess>${id}</publishAccess></agendaData>`));
    expect(doc.access).toBe(level);
  });

  const manifest = (access: string | null, accessid: string | null, org = 'Acadre Test') =>
    `<root><org>${org}</org><table name="committee"><fields><field name="Testudvalget"></field></fields></table><table name="meeting"><fields><field date="2031-03-03 10:00"></field></fields></table>` +
    `<table name="producedAgenda"><fields><field sysid="1"></field><field xmlfilename="1.xml"></field><field type="2"></field>` +
    `${access === null ? '' : `<field access="${access}"></field>`}${accessid === null ? '' : `<field accessid="${accessid}"></field>`}<field publish="1"></field><field filesfolder="F"></field></fields></table></root>`;
  it.each([
    ['Åben', '1', 'public'],
    ['Lukket', '2', 'closed'],
    ['Personsag', '3', 'confidential'],
    ['Åben', null, 'public'],
    [null, '2', 'closed'],
    [null, null, 'closed'],
    ['Åben', '2', 'closed'],
  ] as const)("a manifest's produced agenda access %s, accessid %s makes the document and every item %s", async (access, accessid, level) => {
    const doc = await read(manifest(access, accessid), { 'F/1.xml': acadre(accessFields('1', 'Åben')) });
    expect([doc.access, doc.items[0]!.access]).toEqual([level, level]);
  });

  it('takes the authority from the installation name only when it names a municipality or region', async () => {
    const agenda = acadre(accessFields('1', 'Åben'));
    expect((await read(manifest('Åben', '1', 'Region Nordkyst'), { 'F/1.xml': agenda })).authority).toBe('Region Nordkyst');
    expect((await read(manifest('Åben', '1', 'Acadre Produktion'), { 'F/1.xml': agenda })).authority).toBeNull();
    expect((await read(acadre(accessFields('1', 'Åben'), undefined, undefined, '<agendaData><org>Norddal Kommune</org></agendaData>'))).authority).toBe('Norddal Kommune');
  });

  it('does not name a closed item that has no usable number', async () => {
    const doc = await read(acadre(accessFields('2', 'Lukket')).replace(field('sort', '5'), field('sort', '')));
    expect(doc.items[0]!.number).toBe('1');
    expectNoQuote(doc, 'ordxpunkt');
  });
});

// ---------------------------------------------------------------------------------------------

function edoc(types: Array<{ type: string; items: string[] }>): string {
  const t = types
    .map((x) => `<MeetingAgendaType><AgendaType>${x.type}</AgendaType><MeetingAgendaItems>${x.items.join('')}</MeetingAgendaItems><FullText>Testudvalget\nTilstede\nIb Ask (A)\n</FullText></MeetingAgendaType>`)
    .join('');
  return `<?xml version="1.0"?><Meeting><Committee>Testudvalget</Committee><MeetingDate>03-03-2031 10:00:00</MeetingDate><MeetingState>Referat</MeetingState><MeetingAgendaTypes>${t}</MeetingAgendaTypes></Meeting>`;
}
const edocItem = (n: string, publishing: string | null, extra = '', attachment = '') =>
  `<MeetingAgendaItem><AgendaItemNumber>${n}</AgendaItemNumber><Document><Title>Punkt ordxpunkt</Title>${publishing === null ? '' : `<PublishingType>${publishing}</PublishingType>`}${extra}` +
  `<Attachments>${attachment}</Attachments></Document><FullText>${n}.\tPunkt\n\nSagsfremstilling\nTekst.\n</FullText></MeetingAgendaItem>`;

describe('eDoc', () => {
  it.each([
    ['SKAL PUBLICERES', 'public'],
    ['MÅ IKKE PUBLICERES', 'closed'],
    ['KAN PUBLICERES', 'closed'],
    [null, 'closed'],
  ] as const)('PublishingType %s → %s', async (publishing, level) => {
    const doc = await read(edoc([{ type: 'Åben dagsorden', items: [edocItem('1', publishing)] }]));
    expect(doc.items[0]!.access).toBe(level);
    expect(doc.warnings.some((w) => /PublishingType holds an access value/.test(w))).toBe(publishing === 'KAN PUBLICERES');
  });

  it.each(Object.entries(ACCESS_TABLES.edocAgendaType).map(([k, v]) => [k, v] as const).concat([['Særlig dagsorden', 'closed']]))(
    'agenda type "%s" → its items are %s',
    async (type, level) => {
      const doc = await read(edoc([{ type, items: [edocItem('1', 'SKAL PUBLICERES')] }]));
      expect(doc.items[0]!.access).toBe(level);
      // Only closed agenda types: the whole document is closed.
      expect(doc.access).toBe(level);
    },
  );

  it.each([
    ['Ja', 'confidential'],
    ['true', 'confidential'],
    ['Nej', 'public'],
    ['', 'public'],
  ] as const)('Case/PersonCase %s → %s', async (person, level) => {
    const doc = await read(edoc([{ type: 'Åben dagsorden', items: [edocItem('1', 'SKAL PUBLICERES', `<Case><PersonCase>${person}</PersonCase></Case>`)] }]));
    expect(doc.items[0]!.access).toBe(level);
  });

  it.each([
    ['', 'public'],
    ['Offentlig', 'public'],
    ['Lukket', 'closed'],
    ['Fortrolig', 'confidential'],
    ['Begrænset', 'closed'],
  ] as const)('PublicAccess "%s" → %s', async (value, level) => {
    const doc = await read(edoc([{ type: 'Åben dagsorden', items: [edocItem('1', 'SKAL PUBLICERES', `<PublicAccess>${value}</PublicAccess>`)] }]));
    expect(doc.items[0]!.access).toBe(level);
  });

  it.each([
    ['SKAL PUBLICERES', 'public'],
    ['MÅ IKKE PUBLICERES', 'closed'],
  ] as const)('attachment PublishingType %s → %s', async (publishing, level) => {
    const attachment = `<Attachment><Title>Bilaget</Title><PublishingType>${publishing}</PublishingType></Attachment>`;
    const doc = await read(edoc([{ type: 'Åben dagsorden', items: [edocItem('1', 'SKAL PUBLICERES', '', attachment)] }]));
    expect(doc.items[0]!.attachments[0]!.access).toBe(level);
  });

  it('reads the front page of an open agenda type only', async () => {
    const doc = await read(edoc([{ type: 'Lukket dagsorden', items: [edocItem('1', 'SKAL PUBLICERES')] }]));
    expect(doc.participants).toEqual([]);
    const open = await read(edoc([{ type: 'Lukket dagsorden', items: [edocItem('2', 'SKAL PUBLICERES')] }, { type: 'Åben dagsorden', items: [edocItem('1', 'SKAL PUBLICERES')] }]));
    expect(open.participants.map((p) => p.name)).toEqual(['Ib Ask']);
  });

  it('does not name a closed item that has no usable number', async () => {
    const doc = await read(edoc([{ type: 'Lukket dagsorden', items: [edocItem('', 'SKAL PUBLICERES'), edocItem('1', 'SKAL PUBLICERES')] }]));
    expect(doc.warnings).toContain('A closed item has no usable number; left out.');
    expectNoQuote(doc, 'ordxpunkt');
  });
});

// ---------------------------------------------------------------------------------------------

function fujitsu(elements: string, meetingExtra = ''): string {
  const e = (n: string, v: string) => `<edoc:${n}>${v}</edoc:${n}>`;
  return (
    `<Root xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/">${e('OutputTypeEnumName', 'Agenda')}<edoc:Committee>${e('Name', 'Testudvalget')}` +
    `<edoc:Meeting>${e('MeetingDateTime', '03-03-2031 10:00')}${meetingExtra}<edoc:Agenda><edoc:AgendaElements>${elements}</edoc:AgendaElements></edoc:Agenda></edoc:Meeting></edoc:Committee></Root>`
  );
}
const fujitsuElement = (flags: string, attachment = '', serial = '1') =>
  `<edoc:AgendaElement>${flags}<edoc:HandlingItem><edoc:SerialNo>${serial}</edoc:SerialNo><edoc:Title>Punkt ordxpunkt</edoc:Title><edoc:Attachments>${attachment}</edoc:Attachments></edoc:HandlingItem></edoc:AgendaElement>`;

describe('eDoc 4 / Fujitsu', () => {
  const flag = (isPublic: string | null, name: string | null) =>
    (isPublic === null ? '' : `<edoc:AccessIsPublic>${isPublic}</edoc:AccessIsPublic>`) + (name === null ? '' : `<edoc:AccessName>${name}</edoc:AccessName>`);
  it.each([
    ['true', 'Offentlig publicering', 'public'],
    ['false', 'Lukket publicering', 'closed'],
    ['false', 'Fortrolig publicering', 'confidential'],
    [null, 'Offentlig publicering', 'public'],
    [null, 'Offentlig', 'public'],
    [null, 'Lukket', 'closed'],
    [null, 'Fortrolig', 'confidential'],
    [null, 'Personsag', 'confidential'],
    ['true', null, 'public'],
    ['false', null, 'closed'],
    ['true', 'Fortrolig publicering', 'confidential'],
    [null, null, 'closed'],
    [null, 'Særlig publicering', 'closed'],
  ] as const)('AccessIsPublic %s, AccessName %s → %s', async (isPublic, name, level) => {
    const doc = await read(fujitsu(fujitsuElement(flag(isPublic, name))));
    expect(doc.items[0]!.access).toBe(level);
    expect(doc.warnings.some((w) => /AccessName holds an access value/.test(w))).toBe(name === 'Særlig publicering');
    expectNoQuote(doc, 'Særlig', 'ordxpunkt');
  });

  it.each([
    ['Public', 'Offentlig', 'public'],
    ['Closed', 'Lukket', 'closed'],
    ['Confidential', 'Fortrolig', 'confidential'],
    ['Public', 'Lukket', 'closed'],
    ['', 'Offentlig', 'public'],
    ['', '', 'closed'],
  ] as const)('attachment AccessEnumName %s, AccessName %s → %s', async (enumName, name, level) => {
    const attachment = `<edoc:Attachment><edoc:Title>Bilaget</edoc:Title><edoc:AccessName>${name}</edoc:AccessName><edoc:AccessEnumName>${enumName}</edoc:AccessEnumName></edoc:Attachment>`;
    const doc = await read(fujitsu(fujitsuElement(flag('true', null), attachment)));
    expect(doc.items[0]!.attachments[0]!.access).toBe(level);
  });

  it.each([
    ['', 'public'],
    ['false', 'public'],
    ['true', 'closed'],
  ] as const)('MeetingPublicExceptionIndicator "%s" → the document is %s', async (value, level) => {
    const doc = await read(fujitsu(fujitsuElement(flag('true', null)), `<edoc:MeetingPublicExceptionIndicator>${value}</edoc:MeetingPublicExceptionIndicator>`));
    expect([doc.access, doc.items[0]!.access]).toEqual([level, level]);
  });

  it('does not name a confidential item that has no usable serial number', async () => {
    const doc = await read(fujitsu(fujitsuElement(flag('false', 'Fortrolig publicering'), '', '')));
    expect(doc.items[0]!.number).toBe('1');
    expectNoQuote(doc, 'ordxpunkt');
  });
});
