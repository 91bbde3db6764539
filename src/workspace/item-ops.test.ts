/** Item operations of the builder: numbers follow order and depth; sub-items travel with their item. */
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../model/index.js';
import { addItem, blankItem, deleteItem, indentItem, moveItem, numbersFor, outdentItem, renumber } from './item-ops.js';

const agenda = (...rows: Array<[string, string]>): AgendaItem[] => rows.map(([number, title]) => ({ ...blankItem(title), number }));
const outline = (items: AgendaItem[]) => items.map((i) => `${i.number} ${i.title}`);

const KKR = agenda(['1', 'Godkendelse'], ['2', 'Siden sidst'], ['3', 'Sager'], ['3.1', 'Klima'], ['3.2', 'Sundhed'], ['4', 'Eventuelt']);

describe('item operations', () => {
  it('numbers from order and depth, pulling up a depth with no parent', () => {
    expect(numbersFor([0, 0, 1, 1, 2, 0, 1])).toEqual(['1', '2', '2.1', '2.2', '2.2.1', '3', '3.1']);
    expect(numbersFor([1, 2, 0])).toEqual(['1', '1.1', '2']);
    expect(outline(renumber(agenda(['4', 'a'], ['7.3', 'b'])))).toEqual(['1 a', '1.1 b']);
  });

  it('adds at the end or as the last sub-item of an item', () => {
    const end = addItem(KKR, blankItem('Nyt'));
    expect(end.index).toBe(6);
    expect(outline(end.items).at(-1)).toBe('5 Nyt');
    const sub = addItem(KKR, blankItem('Erhverv'), 2);
    expect(sub.index).toBe(5);
    expect(outline(sub.items)).toEqual(['1 Godkendelse', '2 Siden sidst', '3 Sager', '3.1 Klima', '3.2 Sundhed', '3.3 Erhverv', '4 Eventuelt']);
  });

  it('moves an item among its siblings, with its sub-items', () => {
    const up = moveItem(KKR, 2, 'up');
    expect(up.index).toBe(1);
    expect(outline(up.items)).toEqual(['1 Godkendelse', '2 Sager', '2.1 Klima', '2.2 Sundhed', '3 Siden sidst', '4 Eventuelt']);
    const down = moveItem(KKR, 1, 'down');
    expect(down.index).toBe(4);
    expect(outline(down.items)).toEqual(['1 Godkendelse', '2 Sager', '2.1 Klima', '2.2 Sundhed', '3 Siden sidst', '4 Eventuelt']);
    expect(outline(moveItem(KKR, 4, 'up').items)).toEqual(['1 Godkendelse', '2 Siden sidst', '3 Sager', '3.1 Sundhed', '3.2 Klima', '4 Eventuelt']);
    // The first sub-item does not leave its parent; the last item goes nowhere.
    expect(moveItem(KKR, 3, 'up').items).toEqual(KKR);
    expect(moveItem(KKR, 4, 'down').items).toEqual(KKR);
    expect(moveItem(KKR, 5, 'down').items).toEqual(KKR);
  });

  it('deletes an item with its sub-items', () => {
    expect(outline(deleteItem(KKR, 2))).toEqual(['1 Godkendelse', '2 Siden sidst', '3 Eventuelt']);
    expect(outline(deleteItem(KKR, 3))).toEqual(['1 Godkendelse', '2 Siden sidst', '3 Sager', '3.1 Sundhed', '4 Eventuelt']);
  });

  it('indents under the previous sibling and outdents', () => {
    expect(outline(indentItem(KKR, 2))).toEqual(['1 Godkendelse', '2 Siden sidst', '2.1 Sager', '2.1.1 Klima', '2.1.2 Sundhed', '3 Eventuelt']);
    expect(indentItem(KKR, 0)).toEqual(KKR);
    expect(indentItem(KKR, 3)).toEqual(KKR);
    expect(outline(outdentItem(KKR, 4))).toEqual(['1 Godkendelse', '2 Siden sidst', '3 Sager', '3.1 Klima', '4 Sundhed', '5 Eventuelt']);
    expect(outline(outdentItem(KKR, 3))).toEqual(['1 Godkendelse', '2 Siden sidst', '3 Sager', '4 Klima', '4.1 Sundhed', '5 Eventuelt']);
    expect(outdentItem(KKR, 0)).toEqual(KKR);
  });
});
