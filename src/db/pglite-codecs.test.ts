import { types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgliteCodecs } from './pglite-codecs.js';
import { queryRows } from './rows.js';
import { openTestPglite } from './testing.js';

const serialize = pgliteCodecs.serializers![types.BYTEA]!;
const parse = pgliteCodecs.parsers![types.BYTEA]!;

describe('PGlite bytea codecs', () => {
  // Every byte value, at an offset into a larger buffer (as Buffer's pool hands them out).
  const whole = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
  const bytes = whole.subarray(44, 44 + 512);

  it("writes the text PGlite's own serializer writes, and reads it back to the same bytes", () => {
    const text = serialize(bytes);
    expect(text).toBe(types.serializers[types.BYTEA]!(bytes));
    const back = parse(text) as Uint8Array;
    expect(back).toBeInstanceOf(Uint8Array);
    expect([...back]).toEqual([...bytes]);
    expect(back.byteLength).toBe(back.buffer.byteLength);
    expect(() => serialize('abc')).toThrow(/bytea/);
  });

  it('carry every byte value into and out of a PGlite database, in this thread and on a worker', async () => {
    for (const pgliteWorker of [false, true]) {
      const database = await openTestPglite({ pgliteWorker });
      try {
        const [row] = await queryRows<{ b: Uint8Array; hex: string }>(database.db, sql`select ${Buffer.from(bytes)}::bytea as b, encode(${Buffer.from(bytes)}::bytea, 'hex') as hex`);
        expect(row!.hex).toBe(Buffer.from(bytes).toString('hex'));
        expect([...row!.b]).toEqual([...bytes]);
      } finally {
        await database.close();
      }
    }
  });
});
