/**
 * @module A small ZIP reader for DOCX files: the central directory gives every entry's
 * uncompressed size, so a zip bomb is refused before anything is inflated, and each entry is
 * inflated by Node's zlib with its output capped at the declared size (a lying entry fails
 * instead of filling memory). Stored and deflated entries, ZIP64 sizes; no encryption.
 */
import { inflateRawSync } from 'node:zlib';
import { LimitError } from './depth.js';

/** How much a DOCX may hold once inflated, in bytes, unless the caller says otherwise. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** An opened archive: its entry names and a reader for one entry's bytes. */
export interface ZipArchive {
  entries: ReadonlyMap<string, ZipEntry>;
  read(name: string): Uint8Array;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory; throws for what is not a ZIP archive. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive (no end of central directory)');
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const record = Number(view.getBigUint64(eocd - 12, true));
    if (record + 56 > bytes.length) throw new Error('damaged ZIP archive (ZIP64 record out of range)');
    count = Number(view.getBigUint64(record + 32, true));
    dirOffset = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new Error('damaged ZIP archive (central directory)');
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let offset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
        const id = view.getUint16(e, true);
        const length = view.getUint16(e + 2, true);
        if (id === 1) {
          let f = e + 4;
          const next = () => {
            const value = f + 8 <= e + 4 + length ? Number(view.getBigUint64(f, true)) : Number.MAX_SAFE_INTEGER;
            f += 8;
            return value;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (offset === 0xffffffff) offset = next();
        }
        e += 4 + length;
      }
    }
    entries.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Opens an archive after checking that its entries, inflated, stay within `maxBytes` in all. */
export function openZip(bytes: Uint8Array, maxBytes = MAX_INFLATED_BYTES): ZipArchive {
  const list = zipEntries(bytes);
  const total = list.reduce((sum, e) => sum + e.size, 0);
  if (total > maxBytes) throw new LimitError(`would inflate to ${megabytes(total)} MB, more than the limit of ${megabytes(maxBytes)} MB (a zip bomb?)`);
  const entries = new Map(list.map((e) => [e.name, e]));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    entries,
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`no ${name} in the archive`);
      const local = entry.offset;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new Error(`damaged ZIP archive (entry ${name})`);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (entry.method === 0) return data;
      if (entry.method !== 8) throw new Error(`entry ${name} uses compression method ${entry.method}, which Referat cannot read`);
      try {
        // The declared size caps the output: an entry that inflates to more is lying.
        return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new LimitError(`entry ${name} inflates to more than the ${entry.size} bytes it declares`);
        throw new Error(`damaged ZIP archive (entry ${name}: ${(error as Error).message})`);
      }
    },
  };
}

function megabytes(n: number): string {
  return String(Math.round(n / (1024 * 1024)));
}
