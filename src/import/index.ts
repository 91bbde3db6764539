/**
 * @module The import pipeline: read a file (detect format → lines) → structure → validated model.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MeetingDocument } from '../model/index.js';
import type { ImportOptions } from './line.js';
import { detectFormat } from './read/detect.js';
import { decodeText, readText } from './read/text.js';
import { structureDocument } from './structure/index.js';
import { readCaseSystemXml, siblingLoader, type CaseSystemOptions } from './xml/index.js';

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
  // An Acadre manifest names its agenda file in a folder next to it.
  return importBytes(bytes, fileName, { ...options, loadRelated: siblingLoader(path) });
}

/** Parses a file's bytes; the format is told from the content. */
export async function importBytes(bytes: Uint8Array, fileName: string, options: CaseSystemOptions = {}): Promise<ImportedFile> {
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  if (detectFormat(bytes, fileName) === 'xml') {
    // Agenda XML from a case system (SBSYS, Acadre, eDoc, eDoc 4): see src/import/xml.
    try {
      const { document, format } = await readCaseSystemXml(bytes, fileName, options);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return { document: { ...document, source: { fileName, format, sha256 } }, bytes, format };
    } catch (error) {
      throw new ImportError(fileName, (error as Error).message);
    }
  }
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
