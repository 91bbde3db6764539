/** The item form ↔ AgendaItem: sections typed by heading, bilag lines matched to stored files, removals. */
import { describe, expect, it } from 'vitest';
import { sectionTypeOf } from '../../model/index.js';
import sectionChoices from '../lexicon/sections.json' with { type: 'json' };
import { blankItem } from '../item-ops.js';
import { buildItem, itemToValues, readItemForm, type FormBody } from './item-form.js';

const SHA = 'a'.repeat(64);

describe('the item form', () => {
  it('offers only headings the model knows', () => {
    for (const e of sectionChoices.entries) expect(sectionTypeOf(e.heading), e.heading).not.toBeNull();
  });

  it('offers a new item the usual empty sections, and drops empty ones on save', () => {
    const item = blankItem('Nyt punkt');
    expect(itemToValues(item).sections.map((s) => s.heading)).toEqual(['Baggrund', 'Indstilling', 'Sagsfremstilling']);
    const form: FormBody = { titel: 'Nyt punkt', afsnit: '3', 'afsnit-0-overskrift': 'Baggrund', 'afsnit-0-tekst': 'Tekst.', 'afsnit-1-overskrift': 'Indstilling', 'afsnit-1-tekst': '  ', 'afsnit-2-overskrift': 'Mit afsnit', 'afsnit-2-tekst': 'Mere.' };
    const built = buildItem(item, readItemForm(form, item), null);
    expect(built.sections.map((s) => [s.heading, s.type])).toEqual([['Baggrund', 'background'], ['Mit afsnit', 'other']]);
  });

  it("matches a bilag line to the stored file, keeps a line without file, and removes what the list removes", () => {
    const item = {
      ...blankItem('Punkt'),
      sections: [{ heading: 'Sagsfremstilling', type: 'presentation' as const, blocks: [{ kind: 'attachment' as const, marker: './.', title: 'Aftale' }] }],
      attachments: [{ title: 'Aftale', access: 'public' as const, fileName: 'aftale.pdf', sha256: SHA }],
    };
    const text = './. Aftale\n\n./. Notat uden fil';
    const kept = buildItem(item, readItemForm({ titel: 'Punkt', afsnit: '1', 'afsnit-0-overskrift': 'Sagsfremstilling', 'afsnit-0-tekst': text, 'bilag-0-adgang': 'confidential' }, item), null);
    expect(kept.attachments).toEqual([
      { title: 'Aftale', access: 'confidential', fileName: 'aftale.pdf', sha256: SHA },
      { title: 'Notat uden fil', access: 'public', fileName: null },
    ]);
    const removed = buildItem(item, readItemForm({ titel: 'Punkt', afsnit: '1', 'afsnit-0-overskrift': 'Sagsfremstilling', 'afsnit-0-tekst': text, 'bilag-0-fjern': '1' }, item), null);
    expect(removed.attachments.map((a) => a.title)).toEqual(['Notat uden fil']);
    expect(removed.sections[0]!.blocks).toEqual([{ kind: 'attachment', marker: './.', title: 'Notat uden fil' }]);
    // A stored file whose line was deleted from the text keeps a line of its own.
    const lineless = buildItem(item, readItemForm({ titel: 'Punkt', afsnit: '1', 'afsnit-0-overskrift': 'Sagsfremstilling', 'afsnit-0-tekst': 'Bare tekst.' }, item), null);
    expect(lineless.attachments).toEqual([item.attachments[0]]);
    expect(lineless.sections.at(-1)).toEqual({ heading: 'Bilag', type: 'other', blocks: [{ kind: 'attachment', marker: './.', title: 'Aftale' }] });
  });
});
