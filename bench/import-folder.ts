/**
 * @module A folder of N distinct meeting documents for the folder-import bench, made from the
 * seeds and the text corpus: each copy is its template with the meeting's date moved (in every
 * spelling of that date the text uses) to a date no other copy has, and one sentence varied, so
 * every file is a meeting of its own with its own hash. One in a hundred is a PDF in the house
 * layout (src/pdf) of the synthetic sample meeting, dated the same way, so the workers read PDFs
 * too. A template whose copy does not read back with the new date is left out (said on stderr).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importBytes } from '../src/import/index.js';
import { renderMeetingPdf } from '../src/pdf/render.js';
import { sampleMeeting } from '../src/pdf/sample.js';

const SOURCES = ['samples', 'test/corpus/documents'];
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const FIRST_DAY = Date.UTC(1995, 0, 2);
/** Every hundredth file is a PDF. */
const PDF_EVERY = 100;

interface Template {
  name: string;
  text: string;
  date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spellings of a date a document may use, as patterns, and the same spelling of another date. */
function spellings(iso: string): Array<(to: string) => [RegExp, string]> {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const parts = (to: string) => to.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1]!;
  return [
    (to) => { const [Y, M, D] = parts(to); return [new RegExp(`\\b${d}\\.? ${month},? ${y}\\b`, 'gi'), `${D}. ${MONTHS[M - 1]} ${Y}`]; },
    (to) => { const [Y, M, D] = parts(to); return [new RegExp(`\\b0?${d}([-./])0?${m}(?:\\1)${y}\\b`, 'g'), `${pad(D)}-${pad(M)}-${Y}`]; },
    (to) => [new RegExp(`\\b${escape(iso)}\\b`, 'g'), to],
  ];
}

/** The template's text with its meeting moved to `date` and one long sentence varied by `n`. */
function variant(t: Template, date: string, n: number): string {
  let text = t.text;
  for (const spelling of spellings(t.date)) {
    const [pattern, replacement] = spelling(date);
    text = text.replace(pattern, replacement);
  }
  const lines = text.split('\n');
  const long = lines.map((l, i) => [l, i] as const).filter(([l]) => l.length > 120 && l.endsWith('.'));
  if (long.length > 0) {
    const [line, i] = long[n % long.length]!;
    lines[i] = `${line} Sagen er registreret som nummer ${n}.`;
  }
  return lines.join('\n');
}

/** The seeds and corpus texts whose meeting date a copy can move. */
async function templates(): Promise<Template[]> {
  const out: Template[] = [];
  for (const dir of SOURCES) {
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
      const bytes = await readFile(join(dir, name));
      const doc = await importBytes(bytes, name, {}).then((r) => r.document, () => null);
      if (!doc?.date) continue;
      const t = { name: name.replace(/(-\d{4}-\d{2}-\d{2})?\.txt$/, ''), text: bytes.toString('utf8'), date: doc.date };
      const probe = '2031-03-17';
      const back = await importBytes(Buffer.from(variant(t, probe, 1)), 'probe.txt', {}).then((r) => r.document.date, () => null);
      if (back === probe) out.push(t);
      else process.stderr.write(`import folder: ${name} left out (its copy reads as ${back})\n`);
    }
  }
  return out;
}

/** Writes `count` documents into `dir` (emptied first); returns their total bytes and the mix. */
export async function writeImportFolder(dir: string, count: number): Promise<{ bytes: number; pdfs: number; texts: number; templates: number }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const list = await templates();
  if (list.length === 0) throw new Error('import folder: no template document reads back with a moved date');
  let bytes = 0;
  let pdfs = 0;
  for (let k = 0; k < count; k++) {
    const day = new Date(FIRST_DAY + k * 86_400_000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const sub = join(dir, String(Math.floor(k / 1000)).padStart(2, '0'));
    if (k % 1000 === 0) await mkdir(sub, { recursive: true });
    let data: Uint8Array;
    let file: string;
    if (k % PDF_EVERY === PDF_EVERY - 1) {
      const doc = { ...sampleMeeting(3 + (k % 5)), date };
      data = await renderMeetingPdf(doc, { audience: 'public', organization: null, generatedAt: new Date(FIRST_DAY) });
      file = `${String(k).padStart(5, '0')}-sample-${date}.pdf`;
      pdfs++;
    } else {
      const t = list[k % list.length]!;
      data = Buffer.from(variant(t, date, k));
      file = `${String(k).padStart(5, '0')}-${t.name}-${date}.txt`;
    }
    await writeFile(join(sub, file), data);
    bytes += data.byteLength;
  }
  return { bytes, pdfs, texts: count - pdfs, templates: list.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'data/bench/import-folder', count = '10000'] = process.argv.slice(2);
  const made = await writeImportFolder(dir, Number(count));
  console.log(`${dir}: ${count} documents (${made.texts} text from ${made.templates} templates, ${made.pdfs} PDF), ${(made.bytes / 1e6).toFixed(1)} MB`);
}
