/**
 * @module How PGlite turns bytea into text and back, faster than its own: PGlite builds the hex
 * text byte by byte (`Array.from(bytes).map(…)`) and parses it back with a parseInt per byte, so
 * storing a 50 MB PDF took most of a minute and gigabytes of strings. Node's hex codec gives the
 * same text (`\x` and two lower-case digits a byte) and the same bytes.
 */
import type { PGliteOptions } from '@electric-sql/pglite';

const BYTEA = 17;

export const pgliteCodecs: Pick<PGliteOptions, 'serializers' | 'parsers'> = {
  serializers: {
    [BYTEA]: (value: unknown) => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
    },
  },
  // A copy, so the bytes own their buffer as PGlite's did (Buffer.from may share a pooled one).
  parsers: { [BYTEA]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), 'hex')) },
};
