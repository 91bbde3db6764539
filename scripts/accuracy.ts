/**
 * `npm run accuracy [-- --json] [-- --document NAME]`: imports the real-document corpus (and the
 * four case-system renderings when ../shared is there) and the seeds, scores each against its
 * gold, and prints a table per set with per-group scores, the document mean and the set's mean.
 */
import { corpusEntries, realEntries, scoreAll, seedEntries, type Row } from '../test/corpus/run.js';
import { GROUPS, meanScore, summarise } from '../test/corpus/score.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const documentIndex = args.indexOf('--document');
const only = documentIndex >= 0 ? args[documentIndex + 1] : undefined;
if (documentIndex >= 0 && !only) {
  console.error('--document needs a document name (as in test/corpus/sources.json, without extension)');
  process.exit(2);
}

const sets = { corpus: corpusEntries(), real: realEntries(), seeds: seedEntries() };
const selected = Object.fromEntries(
  Object.entries(sets).map(([set, entries]) => [set, only ? entries.filter((e) => e.name === only || e.path.endsWith(`/${only}`)) : entries]),
);
if (only && Object.values(selected).every((e) => e.length === 0)) {
  console.error(`no document named ${only}`);
  process.exit(2);
}

const results: Record<string, Row[]> = {};
for (const [set, entries] of Object.entries(selected)) if (entries.length > 0) results[set] = await scoreAll(entries);

if (json) {
  const out = Object.fromEntries(
    Object.entries(results).map(([set, rows]) => [
      set,
      { documents: rows.map((r) => ({ ...r, mean: meanScore(r.scores) })), ...summarise(rows.map((r) => r.scores)) },
    ]),
  );
  console.log(JSON.stringify(out, null, 2));
} else {
  for (const [set, rows] of Object.entries(results)) printTable(set, rows);
}

/** A score as a whole percentage, or a dash when the group is not counted. */
function pct(score: number | null): string {
  return score === null ? '–' : `${Math.round(score * 100)}%`;
}

function printTable(set: string, rows: Row[]): void {
  const headers = ['document', ...GROUPS, 'mean'];
  const lines = rows.map((r) => [r.name, ...GROUPS.map((g) => pct(r.scores[g])), pct(meanScore(r.scores))]);
  const summary = summarise(rows.map((r) => r.scores));
  lines.push([`MEAN (${rows.length} documents)`, ...GROUPS.map((g) => pct(summary.groups[g])), pct(summary.mean)]);
  const widths = headers.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${set}`);
  console.log(format(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((l, i) => {
    if (i === lines.length - 1) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    console.log(format(l));
  });
  for (const r of rows.filter((r) => r.refused)) console.log(`  refused: ${r.name}: ${r.refused}`);
}
