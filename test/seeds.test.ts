/** The five seed documents: each imports to its hand-checked gold file, and no text is lost or duplicated. */
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/import/index.js';
import { MeetingDocument } from '../src/model/index.js';
import { firstDifference, letters, modelBody, sourceBody } from './roundtrip.js';
import { goldOf, seedFiles, seedText } from './seeds.js';

describe.each(seedFiles)('seed %s', (file) => {
  const doc = parseText(seedText(file));
  const gold = MeetingDocument.parse(goldOf(file));

  it('matches its gold file field by field', () => {
    const { source: _ignored, ...actual } = doc;
    const { source: _alsoIgnored, ...expected } = gold;
    expect(actual).toEqual(expected);
  });

  it('accounts for the whole body text: no word lost, none duplicated', () => {
    const source = letters(sourceBody(seedText(file), doc));
    const model = letters(modelBody(doc));
    expect(firstDifference(source, model)).toBe('identical');
  });

  it('keeps every front-matter word somewhere in the model', () => {
    const json = JSON.stringify(doc).toLowerCase();
    const labels = /^(dato|sted|tid|og|deltagere|afbud|deltagerfortegnelse|referat|dagsorden|kommune|evt|kl|referent|stedet|deltog|punkt|indhold|bilag|(man|tirs|ons|tors|fre|lør|søn)dag)$/;
    const front = sourceBody(seedText(file), doc);
    const head = seedText(file).slice(0, seedText(file).indexOf(front.slice(0, 40)));
    const words = (head.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !labels.test(w));
    const missing = words.filter((w) => !json.includes(w));
    expect(missing).toEqual([]);
  });
});
