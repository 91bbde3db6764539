/**
 * @module Runs the yardstick: imports each document of a set, scores it against its gold, and
 * returns one row per document. Used by `npm run accuracy` and by the corpus test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, importFile } from '../../src/import/index.js';
import { MeetingDocument } from '../../src/model/index.js';
import { goldOfModel, type Gold } from './gold.js';
import { scoreDocument, type GroupScores } from './score.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CORPUS = join(ROOT, 'test', 'corpus');
/** The real case-system renderings live outside the repository (they hold real names). */
export const SHARED = join(ROOT, '..', 'shared');

/** One line of sources.json: where a corpus document came from. */
export interface Source {
  file: string;
  body: string;
  date: string | null;
  kind: 'agenda' | 'minutes';
  shape: 'web' | 'pdf-text' | 'text';
  url: string;
  retrieved: string;
}

/** A document to score: its file and how to get its gold. */
export interface Entry {
  set: 'corpus' | 'real' | 'seeds';
  name: string;
  path: string;
  gold: () => Promise<Gold>;
}

/** One scored document; `refused` holds the importer's reason when it read nothing. */
export interface Row {
  set: Entry['set'];
  name: string;
  scores: GroupScores;
  refused: string | null;
}

/** The corpus sources, as listed in test/corpus/sources.json. */
export function corpusSources(): Source[] {
  return JSON.parse(readFileSync(join(CORPUS, 'sources.json'), 'utf8')) as Source[];
}

/** The document name a gold file is named after: the file name without its extension. */
export const nameOf = (file: string) => file.replace(/\.[^.]+$/, '');

/** The corpus documents with their stored gold. */
export function corpusEntries(): Entry[] {
  return corpusSources().map((s) => ({
    set: 'corpus',
    name: nameOf(s.file),
    path: join(CORPUS, 'documents', s.file),
    gold: async () => JSON.parse(readFileSync(join(CORPUS, 'gold', `${nameOf(s.file)}.json`), 'utf8')) as Gold,
  }));
}

/** The renderings that print the meeting's attendance (the Syddjurs minutes list the members; the eDoc agendas list none). */
const PRINTS_ATTENDANCE = new Set(['syddjurs-puk-referat-2013-06-20.docx', 'syddjurs-puk-referat-2013-06-20.pdf']);

/** The four real renderings, each with its XML twin as ground truth; none when ../shared is absent. */
export function realEntries(): Entry[] {
  const docs = join(SHARED, 'real-documents');
  const xml = join(SHARED, 'case-system-xml');
  if (!existsSync(docs) || !existsSync(xml)) return [];
  const twins: Record<string, string> = {
    'syddjurs-puk-referat-2013-06-20.docx': 'os2dagsorden-2.0_acadre_3687981.xml',
    'syddjurs-puk-referat-2013-06-20.pdf': 'os2dagsorden-2.0_acadre_3687981.xml',
    'fujitsu-test-dagsorden-41a93779.html': 'os2dagsorden-2.0_edoc_fujitsu_41a93779-8b2a-414b-9f87-691e24f8f40a.xml',
    'fujitsu-test-dagsorden-e9117c72.html': 'os2dagsorden-2.0_edoc_fujitsu_e9117c72-1d79-4fe9-9653-ef7ab6f27187.xml',
  };
  return Object.entries(twins)
    .filter(([file, twin]) => existsSync(join(docs, file)) && existsSync(join(xml, twin)))
    .map(([file, twin]) => ({
      set: 'real',
      name: file,
      path: join(docs, file),
      // Built at run time and never stored: the twin holds real names. The eDoc agendas print no
      // participant list, so, as for any page that lists nobody, attendance is not scored there.
      gold: async () => {
        const gold = goldOfModel((await importFile(join(xml, twin))).document);
        if (!PRINTS_ATTENDANCE.has(file)) {
          delete gold.participants;
          delete gold.absent;
        }
        return gold;
      },
    }));
}

/** The five seeds in samples/ with their hand-checked model gold. */
export function seedEntries(): Entry[] {
  const samples = join(ROOT, 'samples');
  return readdirSync(samples)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((file) => ({
      set: 'seeds',
      name: nameOf(file),
      path: join(samples, file),
      gold: async () =>
        goldOfModel(MeetingDocument.parse(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'gold', `${nameOf(file)}.json`), 'utf8')))),
    }));
}

/** Imports and scores one entry; an import that throws is a refused document. */
export async function scoreEntry(entry: Entry): Promise<Row> {
  const gold = await entry.gold();
  try {
    const { document } = await importFile(entry.path);
    return { set: entry.set, name: entry.name, scores: scoreDocument(gold, goldOfModel(document)), refused: null };
  } catch (error) {
    const reason = error instanceof ImportError ? error.reason : (error as Error).message;
    return { set: entry.set, name: entry.name, scores: scoreDocument(gold, null), refused: reason };
  }
}

/** Scores every entry, in order. */
export async function scoreAll(entries: readonly Entry[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const entry of entries) rows.push(await scoreEntry(entry));
  return rows;
}
