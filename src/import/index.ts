/**
 * @module The import pipeline: read a file (detect format → lines) → structure → validated model.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { mostRestrictive, type AccessLevel, type MeetingDocument } from '../model/index.js';
import { documentAccessOf, fileAccessOf } from './file-access.js';
import type { ImportOptions, Line } from './line.js';
import { readDocx } from './read/docx.js';
import { readHtml } from './read/html.js';
import { readPdf } from './read/pdf.js';
import { detectFormat } from './read/detect.js';
import { decodeText, readText } from './read/text.js';
import { isMeetingDocument, structureDocument } from './structure/index.js';
import { readCaseSystemXml, siblingLoader, type CaseSystemOptions } from './xml/index.js';

export type { ImportOptions } from './line.js';
export { documentAccessOf, fileAccessOf } from './file-access.js';

export interface ImportedFile {
  document: MeetingDocument;
  bytes: Uint8Array;
  format: string;
  /**
   * The access level of the original file as a whole, judged from the file itself (see
   * fileAccessOf) and never more open than the document read from it: the file may be offered
   * for download only when this is `public`.
   */
  fileAccess: AccessLevel;
}

/** An import failure that names the file and the reason in one line. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${fileName}: ${reason}`, options);
  }
}

/** The largest file the importer reads unless told otherwise: 200 MB, or REFERAT_MAX_FILE_MB. */
export function maxFileBytes(options: ImportOptions = {}): number {
  if (options.maxFileBytes !== undefined) return options.maxFileBytes;
  const mb = Number(process.env.REFERAT_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 200) * 1024 * 1024;
}

/** The reason a file is too large to read, or null. */
function tooLarge(size: number, limit: number): string | null {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${n} bytes`);
  return size > limit ? `the file is ${mb(size)}, more than the limit of ${mb(limit)} (REFERAT_MAX_FILE_MB)` : null;
}

/** Parses a text document (Markdown-like, plain, or PDF-extracted) into the model. */
export function parseText(text: string, options: ImportOptions = {}): MeetingDocument {
  return structureDocument(readText(text), options);
}

/** Reads and parses one file of any supported format. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportedFile> {
  const fileName = options.fileName ?? basename(path);
  let bytes: Uint8Array;
  try {
    // A file too large is refused before it is read into memory.
    const over = tooLarge((await stat(path)).size, maxFileBytes(options));
    if (over) throw new ImportError(fileName, over);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message);
  }
  // An Acadre manifest names its agenda file in a folder next to it.
  return importBytes(bytes, fileName, { ...options, loadRelated: siblingLoader(path) });
}

/** Parses a file's bytes; the format is told from the content, not the name. */
export async function importBytes(bytes: Uint8Array, fileName: string, options: CaseSystemOptions = {}): Promise<ImportedFile> {
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  const over = tooLarge(bytes.length, maxFileBytes(options));
  if (over) throw new ImportError(fileName, over);
  const detected = detectFormat(bytes, fileName);
  if (detected === 'binary') throw new ImportError(fileName, 'not a document Referat can read (binary content)');
  try {
    let document: MeetingDocument;
    let format: string = detected;
    // What a reader extracted from a binary format, for judging the file's access.
    let extracted: string | null = null;
    if (detected === 'xml') {
      // Agenda XML from a case system (SBSYS, Acadre, eDoc, eDoc 4): already structured.
      ({ document, format } = await readCaseSystemXml(bytes, fileName, options));
    } else {
      const lines = await readLines(detected, bytes, fileName);
      if (detected === 'pdf' || detected === 'docx') extracted = lines.map((l) => l.text).join('\n');
      document = structureDocument(lines, options);
      // Text without a single item nor a meeting header (date, body, kind) is not an agenda or minutes:
      // storing it would make an empty meeting. A header without items is kept, with a warning.
      if (!isMeetingDocument(document)) throw new ImportError(fileName, 'no numbered agenda items found (not an agenda or minutes?)');
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileAccess = mostRestrictive(fileAccessOf(bytes, format, extracted), documentAccessOf(document));
    return { document: { ...document, source: { fileName, format, sha256 } }, bytes, format, fileAccess };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // Readers name the file themselves; keep it once.
    const message = (error as Error).message;
    // The caught error stays as the cause: a bug surfacing here is told from a bad file by it.
    throw new ImportError(fileName, message.startsWith(fileName) ? message.slice(fileName.length).replace(/^[:\s]+/, '') : message, { cause: error });
  }
}

/** The read stage: one reader per format, all giving styled lines. */
export async function readLines(format: 'pdf' | 'docx' | 'html' | 'text', bytes: Uint8Array, fileName: string): Promise<Line[]> {
  switch (format) {
    case 'pdf':
      return readPdf(bytes, fileName);
    case 'docx':
      return readDocx(bytes, fileName);
    case 'html':
      return readHtml(decodeText(bytes), fileName);
    case 'text':
      return readText(decodeText(bytes));
  }
}
