/**
 * @module Worker thread that parses files for the import pool (see parse-pool.ts): parsing a
 * PDF is CPU work, so several files are parsed at once on several cores.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError, importFile, type ImportOptions } from './index.js';

parentPort!.on('message', async ({ id, path, options }: { id: number; path: string; options: ImportOptions }) => {
  try {
    const { document, bytes, format } = await importFile(path, options);
    parentPort!.postMessage({ id, ok: true, document, bytes, format }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort!.postMessage({ id, ok: false, message, fileName: error instanceof ImportError ? error.fileName : null });
  }
});
