/** Corrections as data: each op applies while what it expects is true, and merge/split keep every word. */
import { describe, expect, it } from 'vitest';
import { firstDifference, letters, modelBody } from '../../test/roundtrip.js';
import { seedFiles, seedText } from '../../test/seeds.js';
import { MeetingDocument, blockText } from '../model/index.js';
import { applyCorrections, CorrectionOp, describeCorrection } from './corrections.js';
import { parseText } from './index.js';

const KD_NET = seedFiles.find((f) => f.startsWith('001_'))!;
const read = (file: string) => parseText(seedText(file));

/**
 * The document's words in order (test/roundtrip.ts), case lines left out: modelBody renders an
 * item's case number in its head only when its text lacks it, and a merge can put an identical
 * case line (every KKR item has the same case) into the text before — the same words either way.
 */
function accounted(doc: MeetingDocument, original: MeetingDocument): string {
  let text = letters(modelBody(doc));
  const lines = new Set(original.items.filter((i) => i.caseNumber).flatMap((i) => [letters(`${i.caseNumber}${i.caseOfficers.join('')}`), letters(i.caseNumber!)]));
  for (const line of [...lines].sort((a, b) => b.length - a.length)) text = text.replaceAll(line, '');
  return text;
}

describe('applyCorrections', () => {
  it('sets an item title while the item still has the title it expects, and reports it stale after', () => {
    const doc = read(KD_NET);
    const four = doc.items.find((i) => i.number === '4')!;
    const op: CorrectionOp = { op: 'setTitle', number: '4', from: four.title, to: 'Klimaplaner (DK2020)' };
    const once = applyCorrections(doc, [op]);
    expect(once.applied).toEqual([op]);
    expect(once.doc.items.find((i) => i.number === '4')!.title).toBe('Klimaplaner (DK2020)');
    expect(doc.items.find((i) => i.number === '4')!.title).toBe(four.title); // pure
    // Applied again to its own result it is already true; against another title it is stale.
    expect(applyCorrections(once.doc, [op]).stale).toEqual([]);
    const other = applyCorrections(doc, [{ ...op, from: 'Et andet punkt' }]);
    expect(other.stale).toHaveLength(1);
    expect(other.stale[0]!.reason).toContain('hedder ikke længere');
    expect(other.doc).toEqual(doc);
  });

  it('applies ops in order, each to the result of those before', () => {
    const doc = read(KD_NET);
    const title = doc.items.find((i) => i.number === '5')!.title;
    const ops = CorrectionOp.array().parse([
      { op: 'setTitle', number: '5', from: title, to: 'Første rettelse' },
      { op: 'setTitle', number: '5', from: 'Første rettelse', to: 'Anden rettelse' },
    ]);
    const result = applyCorrections(doc, ops);
    expect(result.applied).toHaveLength(2);
    expect(result.doc.items.find((i) => i.number === '5')!.title).toBe('Anden rettelse');
  });

  for (const file of seedFiles) {
    it(`${file}: merging every item into the one before and splitting it out again keeps every word`, () => {
      const doc = read(file);
      const before = accounted(doc, doc);
      for (let i = doc.items.length - 1; i > 0; i--) {
        const item = doc.items[i]!;
        const previous = doc.items[i - 1]!;
        if (doc.items.some((x) => x.number.startsWith(`${item.number}.`))) continue;
        const merge = CorrectionOp.parse({ op: 'mergeIntoPrevious', number: item.number, title: item.title, into: { number: previous.number, title: previous.title } });
        const merged = applyCorrections(doc, [merge]);
        expect(merged.stale, `merge ${item.number}`).toEqual([]);
        expect(merged.doc.items).toHaveLength(doc.items.length - 1);
        expect(firstDifference(before, accounted(merged.doc, doc)), `merge ${item.number}`).toBe('identical');
        const into = merged.doc.items[i - 1]!;
        expect(into.access).toBe(previous.access === 'public' ? item.access : previous.access === 'closed' && item.access === 'confidential' ? 'confidential' : previous.access);
        MeetingDocument.parse(merged.doc);

        const heading = `${item.number}. ${item.title}`;
        const split = CorrectionOp.parse({ op: 'split', number: into.number, title: into.title, block: { text: heading }, newNumber: item.number });
        const back = applyCorrections(merged.doc, [split]);
        expect(back.stale, `split ${item.number}`).toEqual([]);
        expect(back.doc.items.map((x) => `${x.number} ${x.title}`)).toEqual(doc.items.map((x) => `${x.number} ${x.title}`));
        // The split-out item's head (presenters, a case line) stays text: every word still there, once.
        expect(firstDifference(before, accounted(back.doc, doc)), `split ${item.number}: ${firstDifference(before, accounted(back.doc, doc))}`).toBe('identical');
      }
    });
  }

  it('refuses a merge whose neighbour changed, of the first item, or of an item with sub-items', () => {
    const doc = read(seedFiles[0]!);
    const [first, second] = doc.items;
    const into = { number: first!.number, title: first!.title };
    expect(applyCorrections(doc, [{ op: 'mergeIntoPrevious', number: first!.number, title: first!.title, into }]).stale[0]!.reason).toContain('første punkt');
    expect(applyCorrections(doc, [{ op: 'mergeIntoPrevious', number: second!.number, title: second!.title, into: { ...into, title: 'Noget andet' } }]).stale[0]!.reason).toContain('Punktet før');
    const two = doc.items.find((i) => i.number === '2')!;
    const before2 = doc.items[doc.items.indexOf(two) - 1]!;
    expect(applyCorrections(doc, [{ op: 'mergeIntoPrevious', number: '2', title: two.title, into: { number: before2.number, title: before2.title } }]).stale[0]!.reason).toContain('underpunkter');
  });

  it('keeps the stricter access when a closed item joins an open one', () => {
    const doc = read(KD_NET);
    const closed = { ...doc, items: doc.items.map((i) => (i.number === '3' ? { ...i, access: 'closed' as const } : i)) };
    const [two, three] = [closed.items[1]!, closed.items[2]!];
    const result = applyCorrections(closed, [{ op: 'mergeIntoPrevious', number: three.number, title: three.title, into: { number: two.number, title: two.title } }]);
    expect(result.doc.items[1]!.access).toBe('closed');
  });

  it('refuses a split at text the item lacks, at a table, or to a number already used', () => {
    const doc = read(KD_NET);
    const four = doc.items.find((i) => i.number === '4')!;
    const base = { op: 'split' as const, number: '4', title: four.title, block: { text: 'Tekst som ikke findes', occurrence: 0 }, newNumber: '4.1' };
    expect(applyCorrections(doc, [base]).stale[0]!.reason).toContain('har ikke teksten');
    const paragraph = four.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph')!;
    expect(applyCorrections(doc, [{ ...base, block: { text: blockText(paragraph), occurrence: 0 }, newNumber: '5' }]).stale[0]!.reason).toContain('allerede');
    const ok = applyCorrections(doc, [{ ...base, block: { text: blockText(paragraph), occurrence: 0 } }]);
    expect(ok.stale).toEqual([]);
    expect(ok.doc.items.map((i) => i.number)).toContain('4.1');
  });

  it('sets meeting facts only from the value it expects, and checks their form', () => {
    const doc = read(KD_NET);
    const op = CorrectionOp.parse({ op: 'setFact', field: 'date', from: doc.date, to: '2020-08-29' });
    expect(applyCorrections(doc, [op]).doc.date).toBe('2020-08-29');
    expect(applyCorrections({ ...doc, date: '2020-09-01' }, [op]).stale[0]!.reason).toContain('Datoen er ikke længere');
    expect(CorrectionOp.safeParse({ op: 'setFact', field: 'date', from: null, to: '29. august' }).success).toBe(false);
    expect(CorrectionOp.safeParse({ op: 'setFact', field: 'startTime', from: null, to: '10:00' }).success).toBe(true);
    const place = applyCorrections(doc, [{ op: 'setFact', field: 'location', from: doc.location, to: 'Rådhuset' }]);
    expect(place.doc.location).toBe('Rådhuset');
  });

  it('adds a missed participant once and removes a wrongly read one', () => {
    const doc = read(KD_NET);
    const add = CorrectionOp.parse({ op: 'addParticipant', participant: { name: 'Testa Eksempelsen', municipality: 'Norddjurs' } });
    const added = applyCorrections(doc, [add, add]);
    expect(added.doc.participants.filter((p) => p.name === 'Testa Eksempelsen')).toHaveLength(1);
    expect(added.applied).toHaveLength(2);
    const removed = applyCorrections(added.doc, [{ op: 'removeParticipant', name: 'testa eksempelsen' }]);
    expect(removed.doc.participants.map((p) => p.name)).not.toContain('Testa Eksempelsen');
    expect(describeCorrection(add)).toBe('Deltager tilføjet: Testa Eksempelsen');
  });

  it('refuses malformed ops', () => {
    expect(CorrectionOp.safeParse({ op: 'setTitle', number: '4.', from: 'a', to: 'b' }).success).toBe(false);
    expect(CorrectionOp.safeParse({ op: 'setTitle', number: '4', from: 'a', to: '  ' }).success).toBe(false);
    expect(CorrectionOp.safeParse({ op: 'rename', number: '4' }).success).toBe(false);
  });
});
