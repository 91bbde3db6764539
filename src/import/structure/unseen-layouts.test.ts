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
import { inlineCandidate, lostNumbered } from './candidates.js';
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

describe('contents whose transcript lost some numbers (waste and utility boards)', () => {
  it('cuts the entries a run skipped at a capital after a lower-case word, as many as numbers are missing', () => {
    expect(resegmentPage('DAGSORDEN 1. Ansættelse af direktør 2. Godkendelse af budget Ny ordning for genbrugspladserne Renovering af ovnlinie 2 5. Udvidelse af pladsen 6. Orientering')).toEqual([
      'DAGSORDEN', '1. Ansættelse af direktør', '2. Godkendelse af budget', 'Ny ordning for genbrugspladserne', 'Renovering af ovnlinie 2', '5. Udvidelse af pladsen', '6. Orientering',
    ]);
    // The places do not match the numbers missing: the text stays as it is.
    expect(resegmentPage('1. Budget 2. Plan for Vejle og Kolding 4. Status 5. Eventuelt')).toEqual(['1. Budget', '2. Plan for Vejle og Kolding 4. Status 5. Eventuelt'].flatMap((l) => (l.startsWith('2.') ? ['2. Plan for Vejle og Kolding', '4. Status', '5. Eventuelt'] : [l])));
  });

  it('numbers the lines between two headings that skip exactly as many numbers, and reads a journal number before a title', () => {
    const between = ['Ny ordning for genbrugspladserne', 'Renovering af ovnlinie 2'].map((t) => plainLine(t, { breakBefore: true }));
    expect(lostNumbered([2], [5], between, 7)).toEqual([
      { index: 7, number: '3', title: 'Ny ordning for genbrugspladserne' }, { index: 8, number: '4', title: 'Renovering af ovnlinie 2' },
    ]);
    // One line for two missing numbers, or a sentence, is no lost entry.
    expect(lostNumbered([2], [5], between.slice(0, 1), 7)).toBeNull();
    expect(lostNumbered([2], [4], [plainLine('Sagen blev drøftet. Udvalget tog den til efterretning.', { breakBefore: true })], 7)).toBeNull();
    const doc = parseText(['PROTOKOL fra bestyrelsesmøde i Testaffald I/S onsdag d. 27. april 2011', '', '1. J.nr. 5 Salg af aktier', '', '2. J.nr. 18 Forretningsorden', '', '3. Eventuelt'].join('\n'));
    expect([doc.kind, doc.body]).toEqual(['minutes', 'Bestyrelsen']);
    expect(doc.items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([['1', 'Salg af aktier', '5'], ['2', 'Forretningsorden', '18'], ['3', 'Eventuelt', null]]);
  });

  it('takes "LUKKET PUNKT 5." for a closed item\'s title and the next number, not "PUNKT 5"', () => {
    expect(resegmentPage('2. Meddelelser 3. Budget 4. LUKKET PUNKT 5. Estimat 1, 2014 6. Eventuelt').filter((l) => /PUNKT/.test(l))).toEqual(['LUKKET PUNKT']);
  });

  it('goes on with a run from the page before, and sets a group label of a few words apart', () => {
    const pages = ['1. Godkendelse af dagsorden 2. Formanden orienterer Punkter til beslutning: 3. Budget Vand A/S', 'Regulering og økonomi 4. Status for årsregnskab 5. Prislofter'];
    expect(resegmentPage(pages[0]!, pages)).toEqual(['1. Godkendelse af dagsorden', '2. Formanden orienterer', 'Punkter til beslutning:', '3. Budget Vand A/S']);
    expect(resegmentPage(pages[1]!, pages)).toEqual(['Regulering og økonomi', '4. Status for årsregnskab', '5. Prislofter']);
  });
});

describe('headers and member lists of boards, schools and regional councils', () => {
  it('names the body of "møde i bestyrelsen for …" and of "Referat - Regionsrådet 2018-2021"', () => {
    expect(front('DAGSORDEN for møde i bestyrelsen for Testaffald I/S tirsdag 25. oktober 2011').body).toBe('Bestyrelsen');
    const council = front('Referat', 'Referat - Regionsrådet 2018-2021', '08-03-2021 16:00');
    expect([council.body, council.kindHint]).toEqual(['Regionsrådet', 'minutes']);
    expect(front('Dagsorden/Referat fra Skolebestyrelsesmøde', 'Dato: 03-04-2024 kl. 18:00-20:00', 'Hvor: Agerskov')).toMatchObject({ body: 'Skolebestyrelsen', kindHint: 'minutes', location: 'Agerskov' });
  });

  it('reads groups of a list under its label, and two labels side by side whose first column comes first', () => {
    const school = front('Deltagere:', 'Forældrevalgte: Anne Holm, Bo Berg.', 'Elevrepræsentanter: - -', 'Fraværende:', 'Forældrevalgte: Afbud fra Rikke Sand.');
    expect(names(school.participants)).toEqual(['Anne Holm', 'Bo Berg']);
    expect(names(school.absent)).toEqual(['Rikke Sand']);
    const board = front('I mødet deltager:', 'Afbud fra: Formand Poul Tang', 'Næstformand Grete Kjær', 'Bestyrelsesmedlem Ib Skov', 'Bestyrelsesmedlem Jens Dahl', 'Adm. direktør Jakob Brun');
    expect(names(board.participants)).toEqual(['Poul Tang', 'Grete Kjær', 'Ib Skov', 'Jens Dahl']);
    expect(names(board.others).join()).toContain('Jakob Brun');
    expect(board.absent).toEqual([]);
  });

  it('reads "Name: Deltog" / "Name: Afbud (Stedfortræder X …)" after the items, and drops an icon\'s text after a label', () => {
    const doc = parseText(
      ['Udvalg Ikon', 'Regionsrådet', 'Dato: 22-03-2022', 'Referat', 'Punkter på dagsordenen', '1. Godkendelse af dagsorden', '2. Lånesag 2022', '3. Underskriftsark', 'Medlemmer', 'Lars Holm: Deltog', 'Sofie Lind: Afbud (Stedfortræder Jarl Fenger, fraværende ved sag 1-4. )'].join('\n'),
    );
    expect(doc.body).toBe('Regionsrådet');
    expect(doc.participants.map((p) => p.name)).toEqual(['Lars Holm']);
    expect(doc.absent.map((a) => [a.name, a.substitute])).toEqual([['Sofie Lind', 'Jarl Fenger']]);
  });
});

describe('agenda lines a page or table ran together', () => {
  it('parts "Punkt 210 minTitel" into item 2, given ten minutes, and its title', () => {
    expect(inlineCandidate('Punkt 15 minGodkendelse af dagsorden')).toMatchObject({ number: '1', title: 'Godkendelse af dagsorden' });
    expect(inlineCandidate('Punkt 210 minElevrådet har ordet')).toMatchObject({ number: '2', title: 'Elevrådet har ordet' });
    expect(inlineCandidate('Punkt 1015 minEventuelt')).toMatchObject({ number: '10', title: 'Eventuelt' });
  });

  it('takes item 1 off the end of the header\'s last line, drops contents page numbers from titles, and reads "Kompetence" as a section', () => {
    const school = parseText(['Referat af Skolebestyrelsesmøde', 'Fraværende:', 'Elevrepræsentanter: Anne Holm (måske glemt?). 1. Godkendelse af referat:', 'Referatet godkendt.', '2. Elevråd:', 'Eleverne deltog ikke.'].join('\n'));
    expect(school.items.map((i) => [i.number, i.title, i.decision])).toEqual([['1', 'Godkendelse af referat', 'Referatet godkendt.'], ['2', 'Elevråd', 'Eleverne deltog ikke.']]);
    const contents = parseText(['Referat', 'Indholdsfortegnelse', '1 (Åben) Godkendelse af dagsorden 4', '2 (Åben) Budget 2021 9', '3 (Åben) Lån vedrørende 2020 14'].join('\n'));
    expect(contents.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Budget 2021', 'Lån vedrørende 2020']);
    const fire = parseText(['Beredskabskommissionen – Referat – 18. august 2022', '1. Godkendelse af dagsorden', 'Beslutning', 'Godkendt.', 'Kompetence: Beredskabskommissionen', 'Indstilling', 'at dagsordenen godkendes'].join('\n'));
    expect(fire.items[0]!.decision).toBe('Godkendt.');
  });
});

describe('a fifth unseen set: council and committee pages of municipalities not read before', () => {
  it('reads section headings a page prints as bullets, the decision dated this meeting among them', () => {
    const doc = parseText(
      [
        'Sundhedsudvalget - Referat fra mødet den 17-01-2019',
        '',
        '  • 1 Orientering om en indsats',
        '    • Resume',
        '      Udvalget orienteres.',
        '    • Indstilling',
        '      1. at orienteringen tages til efterretning.',
        '    • Beslutning i Sundhedsudvalget den 17-01-2019',
        '      Taget til efterretning.',
        '    • Sagsfremstilling',
        '      Intet.',
      ].join('\n'),
    );
    expect(doc.items.map((i) => i.sections.map((s) => s.type))).toEqual([['summary', 'recommendation', 'decision', 'presentation']]);
    expect([doc.body, doc.date, doc.kind]).toEqual(['Sundhedsudvalget', '2019-01-17', 'minutes']);
  });

  it('keeps a bulleted list that only names a section word as a list', () => {
    const doc = parseText(['1. Budget', '', 'Sagsfremstilling', '', 'Emner:', '• Økonomi', '• Personale', '', '2. Eventuelt'].join('\n'));
    expect(doc.items[0]!.sections.map((s) => s.type)).toEqual(['presentation']);
  });

  it('reads "Beslutning i Byrådet 27. november 2018:" (no "den") as the decision of a one-item page, naming body, date and kind', () => {
    const doc = parseText(['2. Indkaldelse af stedfortræder', '', 'Sagsnr.', '', '450-2018-4075', '', 'Indstilling', '', 'Det indstilles, at indkaldelsen godkendes.', '', 'Beslutning i Byrådet 27. november 2018:', '', 'Godkendt.'].join('\n'));
    expect([doc.body, doc.date, doc.kind]).toEqual(['Byrådet', '2018-11-27', 'minutes']);
    expect(doc.items[0]!.sections.at(-1)!.type).toBe('decision');
  });

  it('parts a transcript\'s "Beslutning Økonomiudvalget den Godkendt." after the heading whose date it lost', () => {
    expect(resegmentPage('3 1. Godkendelse af dagsorden Sagsid.: 14/40 Åben sag Beslutning Økonomiudvalget den Godkendt. Afbud: Ingen Side 2')).toContain('Beslutning Økonomiudvalget den');
    expect(resegmentPage('4 Sagen er drøftet. Beslutning om budgettet den Næste uge.')).not.toContain('Beslutning om budgettet den');
  });

  it('puts a date label without its colon on a line of its own ("… Referat Dato 27. februar 2014 …")', () => {
    expect(resegmentPage('1 Kommunalbestyrelsen Referat Dato 27. februar 2014 Mødetidspunkt 18:00')).toContain('Dato 27. februar 2014');
  });

  it('ends a substitute\'s name at the sentence after it in a remark naming several ("Afbud fra X stedfortræder Y. Afbud fra Z …")', () => {
    const parsed = parseText(['Referat', '', 'Fraværende med afbud', '', '  • Bente Holst (A)', '', 'Bemærkninger', '', 'Afbud fra Bente Holst stedfortræder Anders Lund. Afbud fra Mogens Hald stedfortræder Gert Wahl', '', '1. Godkendelse af dagsorden', '', 'Beslutning', '', 'Godkendt.'].join('\n'));
    expect(parsed.absent.find((a) => a.name === 'Bente Holst')?.substitute).toBe('Anders Lund');
  });
});

describe('an agenda table with time slots, and groups named without a colon', () => {
  const page = [
    'Referat fra Skolebestyrelsesmøde',
    '',
    'Dato: 03-04-2024 kl. 18:00-20:00',
    '',
    'Punkt 15 minGodkendelse af dagsorden',
    'Her nævnes punkter til eventuelt.',
    ' 18.00 - 18.05 ',
    'Punkt 210 minElevrådet har ordet',
    ' 18.05 - 18.15Elevrådet fortalte om boden.',
    'Punkt 315 minEn mulighed er dukket op. Hvordan får vi den til at give mening for begge parter',
    ' 18.15 - 18.30Bestyrelsen tager kontakt til repræsentanten.',
  ].join('\n');

  it('takes the text after an item\'s time slot for the decision when items print their slots, and keeps the agenda\'s text before it', () => {
    const doc = parseText(page);
    expect(doc.items.map((i) => i.decision)).toEqual([null, 'Elevrådet fortalte om boden.', 'Bestyrelsen tager kontakt til repræsentanten.']);
    expect(doc.items[0]!.sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['Her nævnes punkter til eventuelt.', '18.00 - 18.05']);
  });

  it('keeps a labelled number\'s two-sentence title ("Punkt 3 … op. Hvordan …") as the item heading', () => {
    expect(parseText(page).items.map((i) => i.number)).toEqual(['1', '2', '3']);
  });

  it('reads a time range in one item only as text, not a slot', () => {
    const doc = parseText(['Referat', '', '1. Godkendelse', '', '18.00 - 18.05 Godkendt.', '', '2. Eventuelt', '', 'Intet.'].join('\n'));
    expect(doc.items[0]!.decision).toBe('18.00 - 18.05 Godkendt.');
  });

  it('parts a group phrase without its colon from the title before it ("… direktionen Sager til beslutning 4. …")', () => {
    const lines = resegmentPage('1 Dagsorden 1. Godkendelse af dagsordenen 2. Meddelelser fra formanden 3. Meddelelser fra direktionen Sager til beslutning 4. Estimat 5. Økonomisk politik');
    expect(lines).toContain('3. Meddelelser fra direktionen');
    expect(lines).toContain('Sager til beslutning');
  });
});

describe('a row of labels printed before their values', () => {
  const members = 'Anna Berg, Bo Dal, Carl Eng, Dorte Fjord, Erik Gran';
  it('pairs a place, the members and the absent in the row\'s order ("Sted Medlemmer Fraværende …")', () => {
    const f = front('Byrådet Referat', 'Dato 27. februar 2014', `Sluttidspunkt 20:25 Sted Medlemmer Fraværende Byrådssalen, Nordby Rådhus ${members} Bo Dal Bemærkninger`);
    expect([f.date, f.endTime, f.location]).toEqual(['2014-02-27', '20:25', 'Byrådssalen, Nordby Rådhus']);
    expect(names(f.participants)).toEqual(['Anna Berg', 'Bo Dal', 'Carl Eng', 'Dorte Fjord', 'Erik Gran']);
    expect(names(f.absent)).toEqual(['Bo Dal']);
  });
  it('reads labels a transcript put on lines of their own before the line of all their values', () => {
    const f = front('Referat fra Økonomiudvalget', 'Mødested:', 'Deltagere: Borgmesterens mødelokale Anna Berg (V), Bo Dal (C), Carl Eng (A), Dorte Fjord (F)', 'Afbud:', 'Fraværende:');
    expect(f.location).toBe('Borgmesterens mødelokale');
    expect(names(f.participants)).toEqual(['Anna Berg', 'Bo Dal', 'Carl Eng', 'Dorte Fjord']);
    expect(f.absent).toEqual([]);
  });
  it('takes a date the values start with for the date label, whatever the order, and leaves a list without its row alone', () => {
    const f = front('Referat', 'Mødetidspunkt Sted Deltagere 23. maj 2008, kl. 10.00 Rådhuset, Torvet 3, 8000 Nordby Anna Berg (A), Bo Dal (B), Carl Eng (C), Dorte Fjord (D)');
    expect(f.location).toBe('Rådhuset, Torvet 3, 8000 Nordby');
    expect(names(f.participants)).toEqual(['Anna Berg', 'Bo Dal', 'Carl Eng', 'Dorte Fjord']);
    expect(names(front('Deltagere:', `${members}`).participants)).toEqual(['Anna Berg', 'Bo Dal', 'Carl Eng', 'Dorte Fjord', 'Erik Gran']);
  });
  it('reads a row whose first label ends the line before and whose names go on on the next line, an address being the place\'s', () => {
    const f = front(
      'Dato',
      'Journalnr Sagsbehandler 26. maj Referat fra Repræsentantskabsmøde i Nordtrafik Sted',
      'Mødetidspunkt',
      'Mødedeltagere 23. maj 2008, kl Nordtrafik, Havnevej 3, 8000 Nordby',
      'Bestyrelsesformand Anna Berg (Nordby Kommune), næstformand Bo Dal (Sydby Kommune), Carl Eng (Østby Kommune), Dorte Fjord (Vestby Kommune)',
      'Afbud: Erik Gran (Midtby Kommune)',
    );
    expect(f.location).toBe('Nordtrafik, Havnevej 3, 8000 Nordby');
    expect(names(f.participants)).toEqual(['Anna Berg', 'Bo Dal', 'Carl Eng', 'Dorte Fjord']);
    expect(names(f.absent)).toEqual(['Erik Gran']);
  });
  it('gives the side-by-side afbud column the members\' role that comes back after the staff at the end of the run', () => {
    const f = front('I mødet deltager:', 'Afbud fra: Formand Anna Berg', 'Næstformand Bo Dal', 'Bestyrelsesmedlem Carl Eng', 'Bestyrelsesmedlem Dorte Fjord', 'Bestyrelsesmedlem Erik Gran', 'Direktør Frida Holm', 'Vandchef Gorm Ibsen', 'Bestyrelsesmedlem Hans Jul Dagsorden Introduktion til arbejdet');
    expect(names(f.participants)).toEqual(['Anna Berg', 'Bo Dal', 'Carl Eng', 'Dorte Fjord', 'Erik Gran']);
    expect(names(f.absent)).toEqual(['Hans Jul']);
  });
});
