/**
 * @module Downloading a bilag's stored file (`/files/:id`). Served only when a current bilag the
 * viewer may read names the file; otherwise 404, as for a file that does not exist, so an address
 * never confirms that a closed bilag is there. Never sniffed; PDF opens in the browser, Word is
 * saved; a restricted file is kept out of every cache.
 */
import type { Context } from 'hono';
import type { Archive, DownloadedFile } from '../archive/types.js';
import { isRestricted, mediaTypeOf } from '../model/index.js';
import { contentDisposition } from './download.js';

const EXTENSIONS: Record<string, string> = { [mediaTypeOf('pdf')]: '.pdf', [mediaTypeOf('docx')]: '.docx' };

/** The name to save under: a bilag named by its title gets its type's extension. */
export function downloadName(file: Pick<DownloadedFile, 'fileName' | 'contentType'>): string {
  const ext = EXTENSIONS[file.contentType];
  return ext && !file.fileName.toLowerCase().endsWith(ext) ? `${file.fileName}${ext}` : file.fileName;
}

/** The response for a bilag file, or null (to be answered 404). */
export async function bilagResponse(c: Context, archive: Archive, fileId: number | null): Promise<Response | null> {
  const file = fileId === null || !archive.getBilagFile ? null : await archive.getBilagFile(c.var.viewer, fileId);
  if (!file) return null;
  const inline = file.contentType === mediaTypeOf('pdf');
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(downloadName(file), inline ? 'inline' : 'attachment'),
    'Content-Length': String(file.bytes.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': isRestricted(file.access) ? 'private, no-store' : 'public, max-age=300',
  });
}
