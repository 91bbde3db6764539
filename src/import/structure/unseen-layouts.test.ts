/**
 * Layouts of bodies the corpus met only when it was measured on councils it had not seen
 * (SBSYS web previews, a page that runs the item number into its title, letterheads of
 * inter-municipal companies, viewers' short PDF transcripts). Names here are invented.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { plainLine } from '../line.js';
import { isDoubleSpaced } from '../read/text.js';
import { pageRun, pageTexts } from '../read/page-lines.js';
import { resegmentPage } from '../read/resegment.js';
import { caseLinesAbove } from './case-number.js';
import { inlineCandidate } from './candidates.js';
import { completeYearlessDate } from './dates.js';
import { readFrontMatter } from './front.js';
import { isCaseLine } from './runs.js';
import { segmentNames, splitPeople } from './participants.js';
import { extractToc } from './toc.js';

const front = (...texts: string[]) => readFrontMatter(texts.map((t) => plainLine(t, { breakBefore: true })), { wrapped: false, width: 80 });
const names = (people: ReadonlyArray<{ name: string }>) => people.map((p) => p.name);

describe('a web page copied with a blank line after each paragraph', () => {
  it('is no PDF extraction when its lines are whole paragraphs, wider than a page', () => {
    const short = Array.from({ length: 12 }, (_, i) => [`Linje ${i} af en side`, '']).flat();
    const spaced = [...short.slice(0, 6), ' ', '', ...short.slice(6)];
    expect(isDoubleSpaced(spaced)).toBe(true);
    const wide = spaced.map((l) => (l.startsWith('Linje') ? `${l} ${'og en lang sætning videre '.repeat(6)}` : l));
    expect(isDoubleSpaced(wide)).toBe(false);
  });
});

describe('SBSYS web preview', () => {
  const page = [
    'Referat til mødet i Udvalget for Teknik og Miljø den 22. juni 2020 kl. 17:30 i Arden Rådhus, Mødelokale Skoven',
    '',
    '85.02.02-G01-5-17',
    '',
    '131. Godkendelse af dagsorden',
    '',
    'Beslutning',
    '',
    'Dagsorden blev godkendt.',
    '',
    '02.34.02-P19-12-20',
    '',
    '132. Højdevej 13 - Byggesag i partshøring',
    '',
    'Indstilling',
    '',
    'Direktøren indstiller til udvalget;',
    '',
    '1. At der udstedes byggetilladelse',
    '',
    '2. At praksis fortsættes i området',
    '',
    'Sagsfremstilling',
    '',
    'Ejeren har ansøgt om at ombygge ejendommen.',
  ].join('\n');

  it('reads the bare case number over each heading as that item\'s, not the text of the item above', () => {
    const doc = parseText(page);
    expect(doc.items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      ['131', 'Godkendelse af dagsorden', '85.02.02-G01-5-17'],
      ['132', 'Højdevej 13 - Byggesag i partshøring', '02.34.02-P19-12-20'],
    ]);
    expect(doc.items[0]!.decision).toBe('Dagsorden blev godkendt.');
  });

  it('takes a bare token above the headings only where it repeats its shape above them', () => {
    const lines = ['85.02.02-G01-5-17', '1. A', 'tekst', '02.34.02-P19-12-20', '2. B'].map((t) => plainLine(t));
    expect([...caseLinesAbove(lines, [{ index: 1, titleLines: 0 }, { index: 4, titleLines: 0 }])]).toEqual([[1, 0], [4, 3]]);
    const once = ['85.02.02-G01-5-17', '1. A', 'tekst', 'Godkendt.', '2. B'].map((t) => plainLine(t));
    expect(caseLinesAbove(once, [{ index: 1, titleLines: 0 }, { index: 4, titleLines: 0 }]).size).toBe(0);
  });

  it('does not take a section heading that starts with "Sag…" for a case-number label', () => {
    expect(isCaseLine(plainLine('Sagsfremstilling'))).toBe(false);
    expect(isCaseLine(plainLine('Sagsnr.: 12/27845'))).toBe(true);
    expect(isCaseLine(plainLine('Sag 306-2009-600'))).toBe(true);
  });
});

describe('a page that sets the item number apart by style alone', () => {
  it('reads "38Godkendelse af dagsorden" as item 38, not a word glued to a number', () => {
    expect(inlineCandidate('38Godkendelse af dagsorden')).toMatchObject({ number: '38', title: 'Godkendelse af dagsorden' });
    expect(inlineCandidate('4G-netværket er udbygget')).toBeNull();
  });

  it('reads the body and date of "Social og sundheds møde den …" and the time and place under it', () => {
    const f = front('Social og sundheds møde den 17. april 2023', 'Ekstraordinært møde - Mødelokale F7 kl. 12.00', 'Referat');
    expect([f.body, f.date, f.startTime, f.location, f.title]).toEqual(['Social og sundhed', '2023-04-17', '12:00', 'Mødelokale F7', 'Ekstraordinært møde']);
  });
});

describe('letterheads of inter-municipal companies', () => {
  it('numbers items across the years ("38/14") by their number, 38', () => {
    expect(inlineCandidate('38/14 Godkendelse af dagsorden')).toMatchObject({ number: '38', title: 'Godkendelse af dagsorden' });
    expect(inlineCandidate('12/27845 Sagen')).toBeNull();
  });

  it('takes the meeting\'s day from "Tid:" with its weekday, completing its year from the letter\'s date', () => {
    const f = front('Dato: 28. august 2014', 'Tid: Fredag, den 12. september', 'Bestyrelsesmøde i Sydtrafik');
    expect([f.date, f.body]).toEqual(['2014-09-12', 'Bestyrelsen']);
    expect(completeYearlessDate('Fredag den 9. januar', '2014-12-10')).toBe('2015-01-09');
    expect(completeYearlessDate('Fredag den 9. januar 2015', '2014-12-10')).toBeNull();
  });

  it('reads a transcript\'s run of names with an afbud among them, members and others alike', () => {
    expect(segmentNames('Henrik Lund Madsen Ole Bak Erik Vestergaard (afbud) Jens Ove Kristensen')).toEqual([
      'Henrik Lund Madsen', 'Ole Bak', 'Erik Vestergaard (afbud)', 'Jens Ove Kristensen',
    ]);
    const f = front('Medlemmer: Henrik Lund Madsen Ole Bak Erik Vestergaard (afbud) Jens Ove Kristensen', 'Øvrige: Søren K. Lauridsen Kim Brix (afbud) Mette Bach Lind');
    expect(names(f.participants)).toEqual(['Henrik Lund Madsen', 'Ole Bak', 'Jens Ove Kristensen']);
    expect(names(f.absent)).toEqual(['Erik Vestergaard', 'Kim Brix']);
    expect(names(f.others)).toEqual(['Søren K. Lauridsen', 'Mette Bach Lind']);
  });

  it('parts members that carry their initials, and reads who came instead of an afbud among others present', () => {
    expect(splitPeople('Borgmester Lars Tofte (LT), Hørsholm Kommune Gitte Holm Larsen (GHL), Rudersdal Kommune Ejner Bach Holt (EBH), operativ chef, Nordsjælland Politi René Krarup (RK), observatør')).toEqual([
      'Borgmester Lars Tofte, Hørsholm Kommune', 'Gitte Holm Larsen, Rudersdal Kommune', 'Ejner Bach Holt, operativ chef, Nordsjælland Politi', 'René Krarup, observatør',
    ]);
    const f = front('FRAVÆRENDE: Afbud fra Kurt Vind og Ejner Bach Holt', 'ENDVIDERE DELTOG: Ulrik Storm, Nordsjællands Politi i stedet for Ejner Bach Holt. Direktør Dorte Winge');
    expect(f.absent.map((a) => [a.name, a.substitute])).toEqual([['Kurt Vind', null], ['Ejner Bach Holt', 'Ulrik Storm']]);
    expect(front('BEMÆRKNINGER:', 'MEDLEMMER: Anna Holm').body).toBeNull();
  });
});

describe('contents grouped by kind', () => {
  it('keeps an item the contents list out of its numbering ("6", "17", "B. …", "7")', () => {
    const lines = ['A. Sager til afgørelse i byrådet', '1 Boliger', '2 Børnehus Syd', '17 Investeringer', 'B. Sager til afgørelse i udvalget', '3 Parkering', '', '1. Boliger', 'Resumé', 'Tekst.']
      .filter((t) => t !== '')
      .map((t) => plainLine(t, { breakBefore: true }));
    expect(extractToc(lines).entries.map((e) => e.number)).toEqual(['1', '2', '17', '3']);
  });
});

describe('a viewer\'s short PDF transcript', () => {
  const transcript = [
    'Referat',
    '',
    'Transkript',
    '',
    `1 Testrup og Omegn vedtagelser Side: 1 MØDESTED: Brandstationen TIDSPUNKT: Tirsdag den 3. maj 2011 MEDLEMMER: Anna Holm, Bo Berg ${'og flere '.repeat(20)}`,
    '',
    '2 Testrup og Omegn vedtagelser Side: 2 1. Godkendelse af referat Godkendt.',
  ].join('\n');

  it('takes its numbered lines for pages under the viewer\'s label, however short, and drops a page label after a header', () => {
    const lines = transcript.split('\n').filter((l) => l.trim() !== '').map((t) => plainLine(t));
    expect(pageRun(lines)).toEqual([]);
    expect(pageRun(lines, true)).toEqual([2, 3]);
    expect(pageTexts(['1 Testrup vedtagelser Side: 1 MØDESTED: X', '2 Testrup vedtagelser Side: 2 1. Y'])).toEqual(['Testrup vedtagelser MØDESTED: X', 'Testrup vedtagelser 1. Y']);
  });

  it('cuts a page at a case label without its colon, a committee over an item, "Punkt N:" and earlier hearings', () => {
    expect(resegmentPage('38/14 Godkendelse af dagsorden J. nr Dato: 28. august 2014 Indstilling at dagsordenen godkendes.')).toEqual([
      '38/14 Godkendelse af dagsorden', 'J. nr', 'Dato: 28. august 2014 Indstilling at dagsordenen godkendes.',
    ]);
    expect(resegmentPage('Punkt 1: Der var ingen meddelelser. ØKONOMIUDVALGET 2. Ny vedtægt Økonomiudvalget den 25. oktober 2005, pkt. 3 Resumé Kommunerne styres.')).toEqual([
      'Punkt 1:', 'Der var ingen meddelelser.', 'ØKONOMIUDVALGET', '2. Ny vedtægt', 'Økonomiudvalget den 25. oktober 2005, pkt. 3', 'Resumé', 'Kommunerne styres.',
    ]);
  });

  it('keeps a contents entry\'s page number with its title, and cuts a heading that closes a page', () => {
    const pages = ['Indhold 1. Godkendelse af referat 3 2. Meddelelser 3 3. Arbejdsmiljøet 4', '1. Godkendelse af referat fra mødet Godkendt. 2. Meddelelser Ingen.'];
    expect(resegmentPage(pages[0]!, pages)).toContain('1. Godkendelse af referat 3');
    const closing = ['Indhold 1... Meddelelser fra borgmesteren Ny vedtægt', 'Tekst om noget andet her 1. Meddelelser fra borgmesteren'];
    expect(resegmentPage(closing[1]!, closing)).toEqual(['Tekst om noget andet her', '1. Meddelelser fra borgmesteren']);
  });
});

describe('a PDF transcript whose labels and contents lost their colons and full stops', () => {
  it('cuts before a compound meeting label, after the kind and access, and at contents numbered 1, 2, 3 … without full stops', () => {
    expect(resegmentPage('Testrup Kommune Dagsorden til møde i Økonomiudvalget Dagsorden åben Mødedato 18. august 2014 Mødetidspunkt Mødelokale Udvalgsværelse D')).toEqual([
      'Testrup Kommune', 'Dagsorden til møde i Økonomiudvalget', 'Dagsorden åben', 'Mødedato 18. august 2014', 'Mødetidspunkt', 'Mødelokale Udvalgsværelse D',
    ]);
    expect(resegmentPage('Åben dagsorden 1 Lokalplan 8 2 Tillæg 2 til planen 3 Budget 5 Klima Lukket dagsorden 6 Retssag')).toEqual([
      'Åben dagsorden', '1 Lokalplan 8', '2 Tillæg 2 til planen', '3 Budget', '5 Klima', 'Lukket dagsorden', '6 Retssag',
    ]);
    // Three numbers are no contents: "Tillæg 2 til" and "Lokalplan 358 for" stay text.
    expect(resegmentPage('Se 1 Lokalplan og 2 Tillæg og 3 Budget i teksten')).toEqual(['Se 1 Lokalplan og 2 Tillæg og 3 Budget i teksten']);
  });

  it('reads "1 Åbent Lokalplan …" as item 1, open, titled without the access word', () => {
    expect(inlineCandidate('1 Åbent Lokalplan og Kommuneplantillæg')).toMatchObject({ number: '1', title: 'Lokalplan og Kommuneplantillæg', access: 'public' });
  });
});

describe('an item page without a meeting header', () => {
  it('names the body that approves its own agenda under "Formanden indstiller", and one who stayed away as absent', () => {
    const doc = parseText(
      ['2. Godkendelse af dagsorden', '', 'Formanden indstiller,', '', '1. at Lokaludvalget godkender dagsordenen', '', 'Beslutning', '', 'Dagsordenen blev godkendt.', '', 'Samir Mahmoud udeblev uden afbud.'].join('\n'),
    );
    expect(doc.body).toBe('Lokaludvalget');
    expect(doc.absent.map((a) => a.name)).toEqual(['Samir Mahmoud']);
  });
});
