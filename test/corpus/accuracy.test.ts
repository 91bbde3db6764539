/**
 * The yardstick as a test: the seeds must score 100 %, every corpus document must have its gold
 * and its source, and the corpus mean may not fall below the floor the importer reached when
 * the corpus was made (raise ACCURACY_FLOOR when the importer gets better, never lower it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusEntries, corpusSources, nameOf, scoreAll, seedEntries } from './run.js';
import type { Gold } from './gold.js';
import { summarise } from './score.js';

/**
 * The corpus mean accuracy (0–1) the importer reached when this was set; the test fails below it.
 * 2026-12-01: 0.85 on 26 documents; lowered to 0.84 when 13 documents of bodies not read before
 * were added (84.4 % on 39: the first 26 at 90 %, the new ones at 74 %), not because any fell.
 * Raised to 0.92 when page-per-line transcripts were re-segmented and participants' shapes read (93 % on 39),
 * to 0.96 when "Nr.N" headings, run-together contents lines and capitalised absence leads were read (96.2 % on 39).
 * Raised to 0.965 when 10 documents of bodies or systems not read before were added and their layouts
 * learnt (97.1 % on 49; the first 39 at 98.3 %; the 7 of the second unseen set at 36 % as added, 90 % after).
 * Lowered to 0.945 when a third unseen set of 9 (waste, utility, transport and fire boards, two school
 * boards, two regional councils) was added: 54 % as added, 85 % after the layouts were learnt; 95.3 % on
 * 58, the first 49 still at 97.1 % — lowered for the new documents' weight, not because any fell.
 * Lowered to 0.94 when a fourth unseen set of 5 municipal councils and committees (Viborg, Nyborg,
 * Esbjerg, Vordingborg, Hvidovre's Kommunalbestyrelse) was added: 60 % as added, 79 % after (Vordingborg's
 * contents-only excerpt at 16 %); 94.4 % on 63, the first 58 at 95.7 % (none fell; Toftlund 80 → 100 %).
 * Raised to 0.95 when a fifth unseen set of 6 (a KKR directors' network, Business Region North
 * Denmark's board, two handicap councils, a rural-districts council, a folkeoplysning committee) was
 * added, 59 % as added, 87 % after, and contents that lost their numbers, name-and-organisation runs
 * and "X og dennes suppleant Y" were read: 95.8 % on 69, the first 63 at 96.7 % (Vordingborg 60 → 100 %,
 * Midttrafik 82 → 96 %, Movia 34 → 39 %; none fell).
 */
export const ACCURACY_FLOOR = 0.95;

describe('accuracy corpus', () => {
  it('lists every stored document with its source, and each has gold', () => {
    const sources = corpusSources();
    const files = readdirSync(join(CORPUS, 'documents')).sort();
    expect(sources.map((s) => s.file).sort()).toEqual(files);
    for (const s of sources) {
      expect(s.url).toMatch(/^https?:\/\//);
      expect(s.body).not.toBe('');
      expect(existsSync(join(CORPUS, 'gold', `${nameOf(s.file)}.json`)), `gold for ${s.file}`).toBe(true);
    }
    expect(readdirSync(join(CORPUS, 'gold')).length).toBe(files.length);
  });

  it('names in each gold only people its document names (both anonymised alike)', () => {
    for (const entry of corpusEntries()) {
      const text = readFileSync(entry.path, 'utf8');
      const gold = JSON.parse(readFileSync(join(CORPUS, 'gold', `${entry.name}.json`), 'utf8')) as Gold;
      const names = [...(gold.participants ?? []), ...(gold.absent ?? []).flatMap((a) => [a.name, a.substitute ?? a.name])];
      expect(names.filter((n) => !text.includes(n)), entry.name).toEqual([]);
    }
  });

  it('holds at least 25 documents of at least 15 bodies', () => {
    const sources = corpusSources();
    expect(sources.length).toBeGreaterThanOrEqual(25);
    expect(new Set(sources.map((s) => s.body)).size).toBeGreaterThanOrEqual(15);
  });

  it('scores the seeds 100 % on every group', async () => {
    const rows = await scoreAll(seedEntries());
    for (const row of rows) expect({ name: row.name, refused: row.refused, scores: row.scores }).toEqual({
      name: row.name,
      refused: null,
      scores: { meta: 1, participants: 1, absences: 1, items: 1, titles: 1, caseNumbers: 1, decisions: 1 },
    });
  });

  it(`reaches at least the floor on the corpus`, async () => {
    const { mean } = summarise((await scoreAll(corpusEntries())).map((r) => r.scores));
    expect(mean).not.toBeNull();
    expect(mean!).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
  });
});
