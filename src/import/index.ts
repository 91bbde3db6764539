/**
 * @module The import pipeline: read a file (detect format → lines) → structure → validated model.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MeetingDocument } from '../model/index.js';
import type { ImportOptions } from './line.js';
import { decodeText, readText } from './read/text.js';
import { structureDocument } from './structure/index.js';

export type { ImportOptions } from './line.js';

export interface ImportedFile {
  document: MeetingDocument;
  bytes: Uint8Array;
  format: string;
}

/** An import failure that names the file and the reason in one line. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
  }
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
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportError(fileName, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message);
  }
  return importBytes(bytes, fileName, options);
}

/** Parses a file's bytes; the format is told from the content. */
export async function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedFile> {
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  const text = decodeText(bytes);
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new ImportError(fileName, 'not a text document (binary content)');
  try {
    const document = parseText(text, options);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { document: { ...document, source: { fileName, format: 'text', sha256 } }, bytes, format: 'text' };
  } catch (error) {
    throw new ImportError(fileName, (error as Error).message);
  }
}
