/** The builder's markup: both directions, on every section of the samples and on the documented forms. */
import { describe, expect, it } from 'vitest';
import { goldOf, seedFiles } from '../../test/seeds.js';
import type { AgendaItem } from '../model/index.js';
import { blocksToMarkup, markupToBlocks } from './markup.js';

describe('markup', () => {
  it('reads every documented form', () => {
    const { blocks, links } = markupToBlocks(
      [
        '## Økonomi',
        '',
        'Første linje',
        'anden linje med [et link](https://example.dk/a).',
        '',
        '- et',
        '  - underpunkt',
        '- to',
        '',
        '| År | Beløb |',
        '|---|---|',
        '| 2024 | 1.800.000 \\| mio. |',
        '',
        './. Bilag om budget',
        './ Andet bilag',
        '',
        '\\- ikke en liste, se https://kl.dk/side.',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Økonomi' },
      { kind: 'paragraph', text: 'Første linje\nanden linje med et link.' },
      { kind: 'list', items: [{ text: 'et', depth: 0 }, { text: 'underpunkt', depth: 1 }, { text: 'to', depth: 0 }] },
      { kind: 'table', rows: [['År', 'Beløb'], ['2024', '1.800.000 | mio.']] },
      { kind: 'attachment', marker: './.', title: 'Bilag om budget' },
      { kind: 'attachment', marker: './', title: 'Andet bilag' },
      { kind: 'paragraph', text: '- ikke en liste, se https://kl.dk/side.' },
    ]);
    expect(links).toEqual([
      { text: 'et link', url: 'https://example.dk/a' },
      { text: 'https://kl.dk/side', url: 'https://kl.dk/side' },
    ]);
  });

  it('writes links back where they were, and reads them again', () => {
    const blocks = [{ kind: 'paragraph' as const, text: 'Se aftalen her og [ikke et link](x y).' }];
    const links = [{ text: 'aftalen', url: 'https://example.dk/aftale' }];
    const markup = blocksToMarkup(blocks, links);
    expect(markup).toBe('Se [aftalen](https://example.dk/aftale) her og [ikke et link](x y).');
    expect(markupToBlocks(markup)).toEqual({ blocks, links });
  });

  it('escapes text that would read as markup', () => {
    const blocks = [
      { kind: 'paragraph' as const, text: '- not a list\n## not a heading\n| not | a table |\n./. not a bilag\n\\backslash' },
      { kind: 'paragraph' as const, text: '' },
      { kind: 'paragraph' as const, text: 'a [literal](link) text' },
    ];
    expect(markupToBlocks(blocksToMarkup(blocks)).blocks).toEqual(blocks);
  });

  it.each(seedFiles)('gives back every section of %s unchanged', (file) => {
    const items = goldOf(file).items as AgendaItem[];
    let sections = 0;
    for (const item of items) {
      for (const section of item.sections) {
        const markup = blocksToMarkup(section.blocks, item.links);
        expect(markupToBlocks(markup).blocks, `${file} ${item.number} ${section.heading}`).toEqual(section.blocks);
        sections++;
      }
    }
    expect(sections).toBeGreaterThan(10);
  });
});
