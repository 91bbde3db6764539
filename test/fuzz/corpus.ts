/**
 * @module The documents fuzzing starts from: the seeds, the real-document corpus (invented names),
 * the other fixtures (text, Markdown, a web page) and the case-system XML fixtures, plus — when
 * ../shared is there — the real case-system exports and web pages. The real ones stay in memory:
 * they are read, never copied into the repository (a failing input goes to a tmp dir only).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const SHARED = join(ROOT, '..', 'shared');

export interface CorpusFile {
  name: string;
  text: string;
}

export interface XmlSeed {
  name: string;
  bytes: Uint8Array;
  /** Files the XML names by relative path (an Acadre manifest's agenda file). */
  related: Map<string, Uint8Array>;
}

export interface Corpus {
  text: CorpusFile[];
  markdown: CorpusFile[];
  html: CorpusFile[];
  xml: XmlSeed[];
}

const filesIn = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f)) : []);
const read = (path: string): CorpusFile => ({ name: path.slice(path.lastIndexOf('/') + 1), text: readFileSync(path, 'utf8') });

/** Every file of a folder tree, by its path relative to the folder. */
function tree(dir: string, prefix = ''): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of tree(path, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, readFileSync(path));
  }
  return out;
}

let cached: Corpus | null = null;

/** Loads the corpus once per process. */
export function loadCorpus(): Corpus {
  if (cached) return cached;
  const other = join(ROOT, 'test', 'fixtures', 'other');
  const text = [...filesIn(join(ROOT, 'samples'), /\.txt$/), ...filesIn(join(ROOT, 'test', 'corpus', 'documents'), /\.txt$/), ...filesIn(other, /\.txt$/)].map(read);
  const markdown = filesIn(other, /\.md$/).map(read);
  const html = [...filesIn(other, /\.html$/), ...filesIn(join(SHARED, 'real-documents'), /\.html$/)].map(read);
  const xml: XmlSeed[] = [];
  for (const dir of [join(ROOT, 'test', 'fixtures', 'xml'), join(SHARED, 'case-system-xml')]) {
    for (const path of filesIn(dir, /\.xml$/i)) xml.push({ name: path.slice(path.lastIndexOf('/') + 1), bytes: readFileSync(path), related: new Map() });
  }
  // The Acadre fixture: a manifest and the folder of its agenda file.
  const acadre = join(ROOT, 'test', 'fixtures', 'xml', 'acadre');
  for (const path of filesIn(acadre, /\.xml$/i)) xml.push({ name: path.slice(path.lastIndexOf('/') + 1), bytes: readFileSync(path), related: tree(acadre) });
  cached = { text, markdown, html, xml };
  return cached;
}
