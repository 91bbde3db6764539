/**
 * @module Files (OParl File; Danish: fil, bilag): an original document or a bilag. The bytes are
 * stored once by their SHA-256; a file has a name, media type, size and access level.
 */
import { z } from 'zod';
import { AccessLevel } from './access.js';

export const FileInfo = z.object({
  id: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().min(0),
  /** Public only when everything in the file is public, judged from the file itself. */
  access: AccessLevel,
  created: z.string(),
});
export type FileInfo = z.infer<typeof FileInfo>;

const MEDIA_TYPES: Record<string, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  // Served as text: a stored HTML file must never run as a page of the archive's own origin.
  html: 'text/plain; charset=utf-8',
  sbsys: 'application/xml',
  'sbsys-aarhus': 'application/xml',
  acadre: 'application/xml',
  'acadre-manifest': 'application/xml',
  edoc: 'application/xml',
  edoc4: 'application/xml',
};

/** The media type an original of an import format is stored and served with. */
export function mediaTypeOf(format: string): string {
  return MEDIA_TYPES[format] ?? 'application/octet-stream';
}
