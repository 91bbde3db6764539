import { describe, expect, it } from 'vitest';
import { readText } from '../read/text.js';
import { buildBlocks } from './blocks.js';

const plain = { wrapped: false, width: 300 };
const blocks = (text: string, hints = plain) => buildBlocks(readText(text), hints);

describe('blocks', () => {
  it('keeps a tab table as rows, with label lines as one-cell rows', () => {
    const table = blocks('Udvalg\tAntal\nSundhedsområdet\nPraksisplanudvalget\t5 medlemmer.\n\n\tKKR udpeger en repræsentant.');
    expect(table).toEqual([{ kind: 'table', rows: [['Udvalg', 'Antal'], ['Sundhedsområdet'], ['Praksisplanudvalget', '5 medlemmer.'], ['', 'KKR udpeger en repræsentant.']] }]);
  });
  it('joins a cell cut by a page break back to the cell above', () => {
    const table = blocks('September\tKKR beslutter organisering og finansiering\n\n\tefter forhandlinger med regionen.\n\tKKR udpeger politisk repræsentant.');
    expect(table).toEqual([{ kind: 'table', rows: [['September', 'KKR beslutter organisering og finansiering efter forhandlinger med regionen.'], ['', 'KKR udpeger politisk repræsentant.']] }]);
  });
  it('keeps a bilag marker on a heading line as a heading', () => {
    expect(blocks('#### *./.* *Proces for godkendelse*\n\nKommunerne kan melde sig ind.')[0]).toEqual({ kind: 'heading', text: './. Proces for godkendelse' });
  });
  it('starts a new table after a blank line and a header-like row', () => {
    const result = blocks('Budget pr. år\t\n3 årsværk\t1.800.000\n\nÅrlig betaling i 3 år\t\nBudget\t2.900.000');
    expect(result.map((b) => b.kind)).toEqual(['table', 'table']);
  });
  it('tells sub-headings from sentences', () => {
    const result = blocks('Politisk spor\n\n- Fælles brev til ministeren.\n\nKD-Net tog orienteringen til efterretning\n\nDer er foreløbig følgende punkter til mødet\n\n- Et punkt');
    expect(result.map((b) => b.kind)).toEqual(['heading', 'list', 'paragraph', 'paragraph', 'list']);
  });
  it('nests list items by indentation', () => {
    expect(blocks('- Regeringen udarbejder et rammepapir, der:\n - Tydeliggør ansvaret')).toEqual([
      { kind: 'list', items: [{ text: 'Regeringen udarbejder et rammepapir, der:', depth: 0 }, { text: 'Tydeliggør ansvaret', depth: 1 }] },
    ]);
  });
  it('joins a sentence cut by a page break', () => {
    expect(blocks('Deltagerne er medlemmer af KKR\n\n\n\nMidtjylland og regionen.')).toEqual([
      { kind: 'paragraph', text: 'Deltagerne er medlemmer af KKR Midtjylland og regionen.' },
    ]);
  });
  it('keeps a marker that opens running prose as a paragraph', () => {
    expect(blocks('./. I bilaget "Status" kan ses en status. Der er mere.')[0]!.kind).toBe('paragraph');
  });
});

describe('bold bullets', () => {
  it('takes a lone bold bullet before running text for a sub-heading, keeps bold lists as lists', () => {
    expect(blocks('- **Pandemiplan i Region Midtjylland**\n\nPå baggrund af erfaringerne.').map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    expect(blocks('- **DK2020** er et partnerskab\n- **Grøn vækst** med fokus').map((b) => b.kind)).toEqual(['list']);
  });
});
