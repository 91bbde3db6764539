/**
 * @module `POST /internal/backup` on the server's internal endpoint (web/internal.ts, which checks
 * loopback and the lock file's token for every route): the server that holds the embedded
 * database takes the backup `referat backup` asks for and streams the file as the answer. A
 * caller that goes away ends the backup's transaction; a failed backup cuts the stream short,
 * which the caller sees as a truncated file.
 */
import { PassThrough, Readable } from 'node:stream';
import type { Hono } from 'hono';
import { writeBackup } from '../db/backup.js';
import type { Database } from '../db/client.js';

export function addBackupRoute(app: Hono, database: Pick<Database, 'db' | 'driver'>, log: (line: string) => void = console.error): void {
  app.post('/internal/backup', () => {
    const out = new PassThrough();
    log('referat: taking a backup for `referat backup`');
    writeBackup(database.db, out, { driver: database.driver }).then(
      (summary) => log(`referat: backup done, ${summary.rows} rows`),
      (error: unknown) => log(`referat: backup failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
      headers: { 'Content-Type': 'application/gzip', 'Cache-Control': 'no-store' },
    });
  });
}
