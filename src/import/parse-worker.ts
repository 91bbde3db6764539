/**
 * @module Worker thread that parses files for the import pool (see parse-pool.ts): parsing a
 * PDF is CPU work, so several files are parsed at once on several cores, and a parse that runs
 * too long or takes too much memory is stopped with its worker, not with the process.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError, importBytes, importFile, readLines, type ImportOptions } from './index.js';

/** A file on disk to import, or an upload's bytes (optionally with the reader's lines). */
type Job = { id: number } & ({ path: string; options: ImportOptions } | { bytes: Uint8Array; fileName: string; lines: boolean });

const TEXT_FORMATS = new Set(['pdf', 'docx', 'html', 'text']);

parentPort!.on('message', async (job: Job) => {
  const { id } = job;
  try {
    if ('path' in job) {
      const { document, bytes, format, fileAccess } = await importFile(job.path, job.options);
      parentPort!.postMessage({ id, ok: true, document, bytes, format, fileAccess }, [bytes.buffer as ArrayBuffer]);
    } else {
      const { document, format, fileAccess } = await importBytes(job.bytes, job.fileName);
      const lines = job.lines && TEXT_FORMATS.has(format) ? await readLines(format as 'pdf', job.bytes, job.fileName) : null;
      // The caller has the bytes: not sent back.
      parentPort!.postMessage({ id, ok: true, document, format, fileAccess, lines });
    }
  } catch (error) {
    // Errors cross the thread as data: an ImportError as its file name and reason.
    if (error instanceof ImportError) parentPort!.postMessage({ id, ok: false, fileName: error.fileName, message: error.reason });
    else parentPort!.postMessage({ id, ok: false, fileName: null, message: error instanceof Error ? error.message : String(error) });
  }
});
