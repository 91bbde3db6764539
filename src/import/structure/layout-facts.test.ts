/**
 * Small hand-written inputs for what the wider real corpus showed: case lines above their
 * heading, access-prefixed case lines, headers a PDF transcript runs into one line, breadcrumb
 * banners, label words inside values, meeting facts stated in the first item, nested decisions.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { plainLine, type Line } from '../line.js';
import { caseLinesAbove, findCaseSlot, parseCaseLine } from './case-number.js';
import { cleanBodyName } from './body.js';
import { mergeNestedDecisions } from './decisions.js';
import { meetingPhrase, readFrontMatter, unspaceLetters } from './front.js';
import { looksLikeName } from './labels.js';
import { bodyOfMeetingNoun, meetingFacts } from './meeting-facts.js';
import { repeatsHeading } from './lead.js';
import { withoutChromePrefix } from '../read/chrome.js';
import { splitRunInEntry, splitRunInHeading, splitRunInTocLabel } from './run-in.js';

const hints = { wrapped: false, width: 80 };
const L = (text: string, style: Partial<Line> = {}) => plainLine(text, { breakBefore: true, ...style });
const items = '\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.';

describe('case lines above their heading', () => {
  const doc = 'Dagsorden\ntil\nmødet i Udvalg for regional udvikling\nden 1. februar 2023 kl. 09:00\n\nSagnr.: 1-51-71-3321-08\n\n1. Første sag\n\nResume\n\nTekst.\n\nSagnr.: 1-00-13-17\n\n2. Anden sag\n\nResume\n\nMere tekst.';
  it('gives each heading the labelled case line right above it, and leaves it out of the text above', () => {
    const parsed = parseText(doc);
    expect(parsed.items.map((i) => i.caseNumber)).toEqual(['1-51-71-3321-08', '1-00-13-17']);
    expect(JSON.stringify(parsed.items[0]!.sections)).not.toContain('1-00-13-17');
    expect(JSON.stringify(parsed.frontMatter)).not.toContain('3321');
  });
  it('takes none above when the document prints its case lines under the headings', () => {
    const lines = [L('1. Første sag'), L('Sagsnr.: 19/3143'), L('Tekst.'), L('Sagsnr.: 19/4000'), L('2. Anden sag'), L('Sagsnr.: 19/5000')];
    expect(caseLinesAbove(lines, [{ index: 0, titleLines: 0 }, { index: 4, titleLines: 0 }]).size).toBe(0);
    expect(caseLinesAbove(lines.filter((_, i) => i !== 1 && i !== 5), [{ index: 0, titleLines: 0 }, { index: 3, titleLines: 0 }])).toEqual(new Map([[3, 2]]));
  });
});

describe('an access word before the case number', () => {
  it('reads "Åbent - 01.00.00-G01-93-16" as the case slot, and no prose', () => {
    expect(parseCaseLine('Åbent - 01.00.00-G01-93-16')?.caseNumber).toBe('01.00.00-G01-93-16');
    expect(findCaseSlot([L('A. Sager til afgørelse i byrådet'), L('Lukket - 00.17.00-A00-8-16')])?.caseNumber).toBe('00.17.00-A00-8-16');
    expect(findCaseSlot([L('Åbent møde for borgerne i 2019.')])).toBeNull();
  });
});

describe('the header', () => {
  it('strips the electoral period before a body name', () => {
    expect(cleanBodyName('14-17 Byrådet')).toBe('Byrådet');
    expect(cleanBodyName('2018-2021 Økonomiudvalget')).toBe('Økonomiudvalget');
    expect(cleanBodyName('Udvalg 2 Byrådet')).toBe('Udvalg 2 Byrådet');
  });
  it('prefers the banner a breadcrumb trail ends with', () => {
    const doc = parseText(`ForsidepilPolitikpilReferater 2019pilUdvalget for uddannelse - Referat - 07. marts 2019\n\nUdvalget for uddannelse - Referat - 07. marts 2019\n\nMødedato\n07-03-2019 kl. 14:00 - 17:00\n\nMødested\nMødelokale 7${items}`);
    expect(doc).toMatchObject({ body: 'Udvalget for uddannelse', date: '2019-03-07', startTime: '14:00', location: 'Mødelokale 7' });
  });
  it('takes a value that starts with a label word ("Mødelokale 7") for the value', () => {
    const f = readFrontMatter([L('Mødested'), plainLine('Mødelokale 7'), L('Dato'), plainLine('1. maj 2020')], hints);
    expect(f).toMatchObject({ location: 'Mødelokale 7', date: '2020-05-01' });
  });
  it('reads "Referat. af mødet i X <date> kl. <time> i <place>" as the title', () => {
    const doc = parseText(`Referat. af mødet i Regionsrådet 14. november 2007 kl. 14:00 i Regionsrådssalen, Regionshuset Viborg${items}`);
    expect(doc).toMatchObject({ body: 'Regionsrådet', kind: 'minutes', date: '2007-11-14', startTime: '14:00', location: 'Regionsrådssalen, Regionshuset Viborg' });
  });
  it('finds the meeting a long transcript line names, with its kind in capitals', () => {
    const page = '1 Møde i Kommunalbestyrelsen mandag den 28. november 2005, Kl i Kommunalbestyrelsens mødesal REFERAT Eventuelle skriftlige spørgsmål til Kommunalbestyrelsen. INDHOLDSFORTEGNELSE 1... Meddelelser';
    expect(meetingPhrase(page)).toEqual({ body: 'Kommunalbestyrelsen', date: '2005-11-28', startTime: null, location: null });
    expect(meetingPhrase('Tirsdag den 5. marts 2024 kl. 16.00 i salen')).toEqual({ body: null, date: '2024-03-05', startTime: '16:00', location: null });
    // The header cut to its line: the place after the lost time is the meeting's.
    expect(meetingPhrase('Møde i Kommunalbestyrelsen mandag den 28. november 2005, Kl i Kommunalbestyrelsens mødesal')).toEqual({
      body: 'Kommunalbestyrelsen', date: '2005-11-28', startTime: null, location: 'Kommunalbestyrelsens mødesal',
    });
    expect(meetingPhrase('Byrådet vedtog på møde den 15. december 2015 at …')).toBeNull();
    const f = readFrontMatter([L('Transkript'), L(page)], hints);
    expect(f).toMatchObject({ body: 'Kommunalbestyrelsen', date: '2005-11-28', kindHint: 'minutes' });
  });
  it('names the body from a date line\'s meeting noun, when nothing else does', () => {
    expect(bodyOfMeetingNoun('Bestyrelsesmøde 29. januar 2016 kl. 10.00, Ved Fjorden 20')).toBe('Bestyrelsen');
    expect(bodyOfMeetingNoun('Møde 29. januar 2016')).toBeNull();
    expect(parseText(`Bestyrelsesmøde 29. januar 2016 kl. 10.00, Ved Fjorden 20${items}`)).toMatchObject({ body: 'Bestyrelsen', date: '2016-01-29', startTime: '10:00' });
  });
  it('ends a list at a label run into its value ("Meddelelser:Åbne")', () => {
    expect(looksLikeName('Meddelelser:Åbne')).toBe(false);
    expect(looksLikeName('Dorte Eng (C), stedfortræder: Erik Falk')).toBe(true);
    const f = readFrontMatter([L('Fraværende:'), plainLine('Tommy Juhl'), L('Meddelelser:Åbne')], hints);
    expect(f.absent.map((a) => a.name)).toEqual(['Tommy Juhl']);
  });
});

describe('what the first item says of the meeting', () => {
  it('reads start, end and body from "Mødet i X begyndte kl. … og sluttede kl. …"', () => {
    const doc = parseText('1. Godkendelse af dagsorden\n\nBeslutning\n\nMødet i Sundheds- og Omsorgsudvalget begyndte kl. 14:30 og sluttede kl. 17:00.\n\nGodkendt.');
    expect(doc).toMatchObject({ body: 'Sundheds- og Omsorgsudvalget', startTime: '14:30', endTime: '17:00' });
  });
  it('reads the date the agenda approval names, and nothing from other dates', () => {
    const doc = parseText('301. Åben dagsorden - godkendelse\n\nResume\n\nGodkendelse af åben dagsorden for KB den 22. januar 2020.\n\nBeslutning\n\nGodkendt.');
    expect(doc.date).toBe('2020-01-22');
    const facts = meetingFacts(parseText('1. Orientering\n\nByrådet vedtog den 15. december 2015 en plan.').items);
    expect(facts).toEqual({ body: null, date: null, startTime: null, endTime: null });
  });
  it('the header wins over what an item says', () => {
    expect(parseText('Dato: 1. maj 2020 kl. 09:00\n\n1. Godkendelse af dagsorden til mødet den 2. maj 2020\n\nBeslutning\n\nMødet startede kl. 10.00.').date).toBe('2020-05-01');
  });
});

describe('a decision heading inside a decision', () => {
  it('stays in the decision as its heading', () => {
    const sections = mergeNestedDecisions([
      { heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Dagsordenspunkt 1: Godkendelse af dagsorden' }] },
      { heading: 'Økonomiudvalgets beslutning i mødet den 31. marts 2020', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Godkendt.' }] },
    ]);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''))).toEqual([
      'Dagsordenspunkt 1: Godkendelse af dagsorden', 'Økonomiudvalgets beslutning i mødet den 31. marts 2020', 'Godkendt.',
    ]);
  });
  it('keeps an earlier dated decision (history) and an empty decision heading apart', () => {
    const empty = { heading: 'Beslutning', type: 'decision' as const, blocks: [] };
    const dated = { heading: 'Beslutning i Byrådet den 29-06-2016', type: 'decision' as const, blocks: [{ kind: 'paragraph' as const, text: 'Godkendt.' }] };
    expect(mergeNestedDecisions([empty, dated])).toHaveLength(2);
    expect(mergeNestedDecisions([{ ...dated, type: 'history' }, dated])).toHaveLength(2);
  });
});

describe('the page\'s summary line of an item, above its heading', () => {
  it('knows a line that repeats a heading, and not one that only mentions it', () => {
    expect(repeatsHeading(L('• Pkt. 43 Meddelelser fra formanden'), { number: '43', title: 'Meddelelser fra formanden' })).toBe(true);
    expect(repeatsHeading(L('Se også punkt 43 om meddelelser fra formanden og det videre forløb'), { number: '43', title: 'Meddelelser fra formanden' })).toBe(false);
    expect(repeatsHeading(L('• Pkt. 44 Meddelelser fra formanden'), { number: '43', title: 'Meddelelser fra formanden' })).toBe(false);
  });
  it('keeps the summary line (and the bilag under it) out of the decision above', () => {
    const item = (n: number, title: string, decision: string) =>
      `  Pkt. ${n}\n\n  ${title}\n\n  Sagsnr. 299835 Udvalget Åbent punkt\n\n  Udvalget, 03-04-2019, pkt. ${n}\n\n  ${decision}\n\n`;
    const doc = parseText(
      `Referat\n\n • Pkt. 42 Beslutninger om dagsordenen\n\n${item(42, 'Beslutninger om dagsordenen', 'Godkendt.')}` +
        ` • Pkt. 43 Meddelelser fra formanden\n\n  Bilag_1.pdf\n\n${item(43, 'Meddelelser fra formanden', 'Intet.')}`,
    );
    expect(doc.items.map((i) => [i.number, i.decision])).toEqual([['42', 'Godkendt.'], ['43', 'Intet.']]);
    expect(JSON.stringify(doc.items[1]!.sections)).toContain('Bilag_1.pdf');
  });
});

describe('a letter-spaced header', () => {
  it('joins the letters again, mending the hyphen and splitting off a place name', () => {
    expect(unspaceLetters('T E K N I K - OG M I L J Ø U D V A L G E T')).toBe('TEKNIK- OG MILJØUDVALGET');
    expect(unspaceLetters('K K R S Y D D A N M A R K')).toBe('KKR SYDDANMARK');
    expect(unspaceLetters('KKR MIDTJYLLAND')).toBe('KKR MIDTJYLLAND');
    expect(parseText(`K K R N O R D J Y L L A N D${items}`).body).toBe('KKR Nordjylland');
  });
});

describe('a fold-out control run into the heading after it', () => {
  it('is taken off the heading, and nothing else is', () => {
    expect(withoutChromePrefix('  fold dette punkt ind Beslutning i Socialudvalget den 25-08-2011')).toBe('  Beslutning i Socialudvalget den 25-08-2011');
    expect(withoutChromePrefix('fold dette punkt ind og ud')).toBe('fold dette punkt ind og ud');
    expect(withoutChromePrefix('Del af sagen')).toBe('Del af sagen');
  });
  it('leaves the item its own title and sections', () => {
    const doc = parseText('Socialudvalget - Referat - 25. august 2011\n\n  1. Rundvisning og orientering\n  fold dette punkt ind Resume\n  fold dette punkt ind Sagsfremstilling\n\n  Rundvisning v/ forstanderen\n\n  fold dette punkt ind Beslutning i Socialudvalget den 25-08-2011\n\n  Der blev givet en orientering.');
    expect(doc.items.map((i) => [i.title, i.decision])).toEqual([['Rundvisning og orientering', 'Der blev givet en orientering.']]);
  });
});

describe('a section heading run onto the sentence before it', () => {
  it('is a heading on its own line again, and only a known heading is', () => {
    expect(splitRunInHeading(L(' 1. at godkende protokollen fra den 20. oktober 2014.Beslutning')).map((l) => l.text)).toEqual([' 1. at godkende protokollen fra den 20. oktober 2014.', 'Beslutning']);
    expect(splitRunInHeading(L('Se bilaget.Vejle Kommune')).map((l) => l.text)).toEqual(['Se bilaget.Vejle Kommune']);
    const doc = parseText('59. Godkendelse af protokol\n\nIndstilling\n\nAt godkende protokollen fra den 20. oktober 2014.Beslutning\n\nGodkendt.');
    expect(doc.items[0]!.decision).toBe('Godkendt.');
  });
});

describe('a contents label run onto the first item heading', () => {
  it('parts the label from the heading, and only a known contents label', () => {
    expect(splitRunInTocLabel(L('Indholdsfortegnelse1. Fraværende')).map((l) => l.text)).toEqual(['Indholdsfortegnelse', '1. Fraværende']);
    expect(splitRunInTocLabel(L('Budget2. Behandling')).map((l) => l.text)).toEqual(['Budget2. Behandling']);
    const doc = parseText('Indholdsfortegnelse1. Fraværende\n\nBeslutning\n\nIngen.\n\n2. Meddelelser\n\nBeslutning\n\nTaget til efterretning.');
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([['1', 'Fraværende'], ['2', 'Meddelelser']]);
  });
});

describe('the last contents line run onto the first item heading', () => {
  it('parts them when the heading repeats an earlier contents line, and only then', () => {
    const earlier = new Set(['1. Budget', '2. Plan for skoler']);
    expect(splitRunInEntry(L('2. Plan for skoler1. Budget'), earlier).map((l) => l.text)).toEqual(['2. Plan for skoler', '1. Budget']);
    expect(splitRunInEntry(L('Der er afsat kr1. Budget'), new Set()).map((l) => l.text)).toEqual(['Der er afsat kr1. Budget']);
    const doc = parseText('1. Budget\n2. Plan for skoler1. Budget\n\nBeslutning\n\nGodkendt.\n\n2. Plan for skoler\n\nBeslutning\n\nVedtaget.');
    expect(doc.items.map((i) => [i.number, i.title, i.decision])).toEqual([['1', 'Budget', 'Godkendt.'], ['2', 'Plan for skoler', 'Vedtaget.']]);
  });
});

describe('a page with one decision and no header', () => {
  it('imports the body, date and kind its decision heading names, with a warning', () => {
    const doc = parseText('Godkendelse af dagsordenen\n\nBeslutning i Økonomiudvalget den 23-03-2015\n\nDagsordenen blev godkendt.');
    expect(doc).toMatchObject({ body: 'Økonomiudvalget', date: '2015-03-23', kind: 'minutes' });
    expect(doc.warnings.join(' ')).toMatch(/only the meeting header/);
  });
});

describe('the fifth unseen set (KKR directors, BRN, handicap and rural councils, folkeoplysning)', () => {
  it('takes a fold-out label that names its heading off the heading’s end, and keeps other text', async () => {
    const { withoutChromeSuffix } = await import('../read/chrome.js');
    expect(withoutChromeSuffix('1. Godkendelse af referatKlik her for at folde ud og læse mere om Godkendelse af referat')).toBe('1. Godkendelse af referat');
    expect(withoutChromeSuffix('Lokalplan Klik her for at folde ud')).toBe('Lokalplan');
    expect(withoutChromeSuffix('Budget Klik her for at folde ud og læse om noget andet')).toBe('Budget Klik her for at folde ud og læse om noget andet');
    const doc = parseText('Dagsordenpunkter\n\n1. Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.');
    expect(doc.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);
  });
  it('keeps an organisation with "og" in its parenthesis, closed or not, with its person', async () => {
    const { splitPeople, parseParticipant } = await import('./participants.js');
    expect(splitPeople('Hanne Larsen (Børne- og Ungdomsorganisationernes Samråd)')).toEqual(['Hanne Larsen (Børne- og Ungdomsorganisationernes Samråd)']);
    expect(splitPeople('Bo Berg og Carl Dahl')).toEqual(['Bo Berg', 'Carl Dahl']);
    expect(parseParticipant('Alice Kiander (Børne- og Ungdomsorganisationernes Samråd').name).toBe('Alice Kiander');
  });
  it('reads "Y for X" in a members list as a stand-in, and an acronym after a name as its organisation', () => {
    const doc = parseText('Referat\n\nDeltagere: Anna Holm, Bo Berg, KKR, Carl Dahl for Dorte Lund\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.');
    expect(doc.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
    expect(doc.absent.map((a) => [a.name, a.substitute])).toEqual([['Dorte Lund', 'Carl Dahl']]);
  });
  it('numbers the contents entries that lost their numbers, a section word among them, under a contents label', () => {
    const doc = parseText('Indholdsfortegnelse\n\n1. Godkendelse af dagsordenen\n2. Strategi\nOpfølgning på mødet\nØkonomi\n5. Eventuelt\n\n1. Godkendelse af dagsordenen\n\nGodkendt.');
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsordenen'],
      ['2', 'Strategi'],
      ['3', 'Opfølgning på mødet'],
      ['4', 'Økonomi'],
      ['5', 'Eventuelt'],
    ]);
  });
});

describe('contents that lost every number but the first', () => {
  const page = (contents: string) =>
    `Transkript\n\n1 Kommunalbestyrelsen Referat Dato 27. februar 2014 Mødetidspunkt 18:00 Sted Byrådssalen, Rådhuset. ${'Mødet blev holdt som planlagt. '.repeat(8)}\n\n2 Indholdsfortegnelse ${contents}`;
  it('tells the titles apart by their capitals and shared starts, and numbers them in order', () => {
    const doc = parseText(
      page('Sag nr. Side 1. Godkendelse af dagsorden Indkaldelse af stedfortræder m.v Indkommet materiale Tilskud til Multicenter Præstø Ansøgning om bevilling til Klintholm Havn Ansøgning om bevilling til broer Afgørelse fra Statsforvaltningen'),
    );
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Indkaldelse af stedfortræder m.v'],
      ['3', 'Indkommet materiale'],
      ['4', 'Tilskud til Multicenter Præstø'],
      ['5', 'Ansøgning om bevilling til Klintholm Havn'],
      ['6', 'Ansøgning om bevilling til broer'],
      ['7', 'Afgørelse fra Statsforvaltningen'],
    ]);
  });
  it('leaves contents that kept their numbers to the numbered reading', () => {
    const doc = parseText(page('Sag nr. Side 1. Godkendelse af dagsorden 2. Indkommet materiale 3. Eventuelt'));
    expect(doc.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Indkommet materiale', 'Eventuelt']);
  });
});

describe('names a transcript ran together with what follows them', () => {
  it('parts a run of names each followed by an organisation, and reads it under an uncoloned label', async () => {
    const { segmentByOrganisation } = await import('./participants.js');
    expect(segmentByOrganisation('Karen Bach Frederikshavn Kommune Dorte Hvid Poulsen Thisted Kommune Mette Lind KKR Nordjylland')).toEqual([
      'Karen Bach, Frederikshavn Kommune',
      'Dorte Hvid Poulsen, Thisted Kommune',
      'Mette Lind, KKR Nordjylland',
    ]);
    expect(segmentByOrganisation('Godkendelse af budget Thisted Kommune')).toBeNull();
    const doc = parseText('Referat\n\nDeltagere Karen Bach Frederikshavn Kommune Tove Brandt Region Nordjylland\nAfbud: Bent Holm Læsø Kommune Simon Kvist Rebild Kommune\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.');
    expect(doc.participants.map((p) => p.name)).toEqual(['Karen Bach', 'Tove Brandt']);
    expect(doc.absent.map((a) => a.name)).toEqual(['Bent Holm', 'Simon Kvist']);
  });
  it('gives an afbud whose name ran into the next sentence the member’s name', async () => {
    const { knownName } = await import('./item-absence.js');
    expect(knownName('Leif Holm Dagsordenen', ['Anna Berg', 'Leif Holm'])).toBe('Leif Holm');
    expect(knownName('Leif Holm Dagsordenen', ['Anna Berg'])).toBe('Leif Holm Dagsordenen');
    expect(knownName('Leif Holmgaard', ['Leif Holm'])).toBe('Leif Holmgaard');
  });
});

describe('an afbud list naming a member and the substitute who could not come either', () => {
  it('reads both as absent, and leaves the text run on after the list out', () => {
    const doc = parseText(
      'Referat\n\nMødedeltagere 23. maj 2008\n\nAfbud Ove Lindholm og dennes suppleant Kenneth Lyng (Syddjurs Kommune), Dennis Sand (Samsø Kommune) Dagsorden Mødet blev afholdt med flg. dagsorden:\n\n1. Valg af dirigent\n\nBeslutning\n\nValgt.',
    );
    expect(doc.absent.map((a) => [a.name, a.substitute])).toEqual([
      ['Ove Lindholm', null],
      ['Kenneth Lyng', null],
      ['Dennis Sand', null],
    ]);
  });
});

describe('a rural-districts council page (Hedensted)', () => {
  const doc = parseText(
    'Det fælles landdistriktsråd - Dagsordener og referater\nMødedato: 31. august 2023\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n\nPeter Holm, Gert winther og Linda Berg deltog ikke på mødet.',
  );
  it('takes the body from the site section title, with no kind from it', () => {
    expect(doc.body).toBe('Det fælles landdistriktsråd');
  });
  it('reads a list of absentees with a surname written in lower case after a known first name', () => {
    expect(doc.absent.map((a) => a.name)).toEqual(['Peter Holm', 'Gert winther', 'Linda Berg']);
  });
});

describe('a members list with an afbud sentence run onto its end (its full stop lost)', () => {
  it('keeps the list, and reads the member before the phrase as absent', () => {
    const doc = parseText(
      'Referat\n\nTil stede: Anna Holm, Per Berg, Hans Tang og observatør Tommy Dam Pedersen Jens Mandal og hans suppleant havde meldt afbud.\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.',
    );
    expect(doc.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Per Berg', 'Hans Tang', 'Tommy Dam Pedersen']);
    expect(doc.absent.map((a) => [a.name, a.substitute])).toEqual([['Jens Mandal', null]]);
  });
});

describe('a meeting time whose start a transcript lost', () => {
  it('reads the one time left after "til" as the end, not the start', async () => {
    const { findTimes } = await import('./dates.js');
    expect(findTimes('Fredag 27. marts 2015, fra kl til (11.00) med efterfølgende frokost')).toEqual({ start: null, end: '11:00' });
    expect(findTimes('kl. 9.00 til 11.00')).toEqual({ start: '09:00', end: '11:00' });
    expect(findTimes('kl. 11.00')).toEqual({ start: '11:00', end: null });
  });
});
