/**
 * @module `referat import` while `referat serve` holds the embedded database: the files go to the
 * server over its loopback endpoint (web/internal.ts), and the command replays the server's
 * progress and prints its summary as a local import would.
 */
import path from 'node:path';
import { describeHolder, readLockHolder, type LockHolder } from '../db/lock.js';
import type { ImportOptions } from '../import/index.js';
import type { ImportEvent } from '../web/internal.js';
import { formatSummary, oneLine, progressReporter, type ImportSummary, type SkippedFile } from './import.js';

/** How long `referat import` (or backup) waits for a server that holds the archive but is still starting (first-start seeding). */
const SERVER_START_WAIT_MS = 120_000;

/**
 * The live process holding the embedded database, or null. A `referat serve` still starting
 * (seeding, not yet listening) is waited for until it publishes its internal address.
 */
export async function liveHolder(dataDir: string, command: 'import' | 'backup' = 'import'): Promise<LockHolder | null> {
  const deadline = Date.now() + SERVER_START_WAIT_MS;
  let said = false;
  for (;;) {
    const holder = readLockHolder(dataDir);
    if (!holder || holder.internalUrl || !/(^|\s)serve(\s|$)/.test(holder.command) || Date.now() > deadline) return holder;
    if (!said) console.error(`referat ${command}: waiting for the server, ${describeHolder(holder)}, to finish starting …`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Sends the files to the server holding the embedded database (web/internal.ts), replaying its
 * progress and printing its summary as a local import would. A holder that is no server, or does
 * not answer, stops the command with nothing written.
 */
export async function importThroughServer(
  dataDir: string,
  holder: LockHolder,
  files: { found: string[]; missing: string[]; skipped?: SkippedFile[] },
  options: ImportOptions,
): Promise<number> {
  const who = describeHolder(holder);
  if (!holder.internalUrl || !holder.token) {
    console.error(
      `referat import: the archive in ${dataDir} is in use by ${who}, which takes no imports. ` +
        'Only one process may open the embedded database at a time: nothing was imported; try again when it is done.',
    );
    return 1;
  }
  // Paths as the user wrote them in the progress and the summary; absolute ones to the server.
  const absolute = files.found.map((file) => path.resolve(file));
  const asGiven = new Map(absolute.map((file, i) => [file, files.found[i]!]));
  const given = (file: string) => asGiven.get(file) ?? file;

  console.error(`referat import: the archive is served by ${who}; importing through it`);
  const endpoint = new URL('/internal/import', holder.internalUrl);
  const connecting = new AbortController();
  const timer = setTimeout(() => connecting.abort(new Error('no answer within 15 s')), 15_000);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${holder.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ files: absolute, options }),
      signal: connecting.signal,
    });
  } catch (error) {
    console.error(`referat import: the archive in ${dataDir} is held by ${who}, which does not answer at ${endpoint.origin} (${fetchReason(error)}). Nothing was imported.`);
    return 1;
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    const reason = ((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? response.statusText;
    console.error(`referat import: ${who} refused the import: ${response.status} ${reason}. Nothing was imported.`);
    return 1;
  }

  const progress = progressReporter(files.found.length);
  let summary: ImportSummary | null = null;
  let failure: string | null = null;
  let seen = 0;
  const handle = (event: ImportEvent) => {
    if (event.type === 'progress') {
      seen = Math.max(seen, event.done);
      progress(event.done, event.file && given(event.file));
    } else if (event.type === 'summary') summary = event.summary;
    else if (event.type === 'error') failure = event.message;
  };
  try {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        if (line) handle(JSON.parse(line) as ImportEvent);
      }
    }
  } catch (error) {
    failure = `the connection broke: ${fetchReason(error)}`;
  }
  const result = summary as ImportSummary | null;
  if (!result) {
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.error(
      `referat import: ${who} stopped before the import was done (${failure ?? 'no summary'}), after ${seen} of ${files.found.length} files. ` +
        'The files it stored before are in the archive; import again to be sure of the rest.',
    );
    return 1;
  }
  const local: ImportSummary = {
    imported: result.imported.map(given),
    updated: result.updated.map(given),
    unchanged: result.unchanged.map(given),
    kept: result.kept.map(given),
    failed: result.failed.map((f) => ({ ...f, file: given(f.file) })),
    rows: result.rows.map((r) => ({ ...r, file: given(r.file) })),
  };
  local.failed.unshift(...files.missing.map((file) => ({ file, reason: 'file or folder not found' })));
  local.skipped = files.skipped ?? [];
  console.log(formatSummary(local));
  return local.failed.length > 0 ? 1 : 0;
}

/** Why a fetch failed, from undici's wrapper ("fetch failed") and its cause ("connect ECONNREFUSED …"). */
function fetchReason(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return cause.message;
  if (error instanceof Error && error.name === 'AbortError') return 'no answer';
  return error instanceof Error ? error.message : String(error);
}
