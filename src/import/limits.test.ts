/**
 * Limits that make every input finish with a reason naming the file: file size, nesting depth of
 * HTML and XML, and no regular expression that takes quadratic time on a long line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importBytes, importFile, readLines } from './index.js';
import { structureDocument } from './structure/index.js';

describe('limits', () => {
  it('refuses a file larger than the limit before reading it, naming the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'referat-limit-')), 'stor.txt');
    writeFileSync(file, '1. Punkt\n\nTekst.\n'.repeat(1000));
    await expect(importFile(file, { maxFileBytes: 1000 })).rejects.toThrow(new ImportError('stor.txt', 'the file is 17000 bytes, more than the limit of 1000 bytes (REFERAT_MAX_FILE_MB)'));
    await expect(importBytes(new Uint8Array(2000).fill(65), 'stor.md', { maxFileBytes: 1000 })).rejects.toThrow(/^stor\.md: the file is 2000 bytes, more than the limit of 1000 bytes/);
  });

  it('refuses XML nested deeper than the limit with a reason, never a stack overflow', async () => {
    const deep = (n: number) => new TextEncoder().encode(`<?xml version="1.0"?><Publication>${'<a>'.repeat(n)}x${'</a>'.repeat(n)}</Publication>`);
    for (const n of [1000, 200_000]) {
      await expect(importBytes(deep(n), 'dyb.xml')).rejects.toThrow(new ImportError('dyb.xml', 'nested deeper than 400 levels'));
    }
  });
});

describe('no quadratic regular expressions: a 1 MB line of one character reads in seconds, not minutes', () => {
  const MB = 1024 * 1024;
  // The five of the brief, and the other characters that open markup or a pattern.
  // (A line of tabs is a row of a million empty cells: linear, but about a second of work.)
  const characters = ['[', '*', '.', ' ', '-', '<', '_', '#', '(', '0'];

  for (const c of characters) {
    it(`a line of ${JSON.stringify(c)}: text, Markdown and HTML paths`, async () => {
      const line = c.repeat(MB);
      const inputs: Array<['text' | 'html', string, string]> = [
        ['text', 'text', `Dagsorden\n\n1. Punkt\n\n${line}\n\n2. Punkt\n\nTekst.\n`],
        ['text', 'markdown', `# Dagsorden\n\n## 1. Punkt\n\n- ${line}\n\n**${line}**\n\n[${line}](x)\n`],
        ['html', 'html', `<h1>Dagsorden</h1><h2>1. Punkt</h2><p>${line}</p><table><tr><td>${line}</td><td>x</td></tr></table>`],
      ];
      for (const [format, path, source] of inputs) {
        const start = performance.now();
        const lines = await readLines(format, new TextEncoder().encode(source), `a.${path}`);
        structureDocument(lines, {});
        // Quadratic work on a 1 MB line takes minutes; linear work takes well under a second unloaded. The bound
        // tells the two apart on a loaded CI machine (speed itself is the bench's business, not this test's).
        expect(performance.now() - start, `${path} with a 1 MB line of ${JSON.stringify(c)}`).toBeLessThan(5000);
      }
    }, 30_000);
  }
});
