import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, seedFiles } from '../../test/seeds.js';
import { parseAll } from './parse-pool.js';

describe('parseAll', () => {
  it('parses on worker threads and gives results in the files\' order, failures included', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'referat-pool-')), 'tom.txt');
    writeFileSync(bad, '');
    const files = [...seedFiles.map((f) => join(SAMPLES, f)), bad];
    const results = [];
    for await (const r of parseAll(files, {}, 2)) results.push(r);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.slice(0, 5).map((r) => (r.ok ? r.parsed.document.items.length : -1))).toEqual([19, 16, 14, 17, 17]);
    const last = results.at(-1)!;
    expect(last.ok ? '' : last.error.message).toBe('tom.txt: the file is empty');
  });
});
