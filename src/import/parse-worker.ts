/**
 * @module Worker thread that parses files for the import pool (see parse-pool.ts): parsing a
 * PDF is CPU work, so several files are parsed at once on several cores.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError, importFile, type ImportOptions } from './index.js';

parentPort!.on('message', async ({ id, path, options }: { id: number; path: string; options: ImportOptions }) => {
  try {
    const { document, bytes, format, fileAccess } = await importFile(path, options);
    parentPort!.postMessage({ id, ok: true, document, bytes, format, fileAccess }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    // Errors cross the thread as data: an ImportError as its file name and reason.
    if (error instanceof ImportError) parentPort!.postMessage({ id, ok: false, fileName: error.fileName, message: error.reason });
    else parentPort!.postMessage({ id, ok: false, fileName: null, message: error instanceof Error ? error.message : String(error) });
  }
});
