/** The minutes editor's form, read and applied without a server. */
import { describe, expect, it } from 'vitest';
import { item, meetingDocument, section } from '../../db/fixtures.js';
import { MinutesInputError } from '../minutes.js';
import { applyEditorForm, readEditorForm, stateOf } from './form.js';

const doc = meetingDocument({
  participants: [{ name: 'Anna Andersen', party: null, municipality: 'Favrskov', role: null }],
  items: [item('1', 'Orientering', { sections: [section('recommendation', 'Det indstilles, at orienteringen tages til efterretning.')] })],
});

describe('the minutes form', () => {
  it('reads rows, leaves blank rows of others out and names the pressed phrase', () => {
    const read = readEditorForm({
      revision: '3',
      'm.0.name': 'Anna Andersen',
      'm.0.status': 'afbud',
      'm.0.substitute': 'Bo Berg',
      'o.0.name': '',
      'o.0.title': '',
      'o.1.name': 'Fie Fisker',
      'o.1.minuteTaker': '1',
      'decision.1': 'Drøftet.\r\n',
      phrase: '1|1',
    });
    expect(read.revision).toBe(3);
    expect(read.state.members).toEqual([{ name: 'Anna Andersen', party: null, municipality: null, role: null, status: 'afbud', substitute: 'Bo Berg', remove: false }]);
    expect(read.state.others.map((o) => [o.name, o.minuteTaker])).toEqual([['Fie Fisker', true]]);
    expect(read.phrase).toEqual({ item: '1', index: 1 });
    const applied = applyEditorForm(doc, read);
    expect(applied.absent).toEqual([{ name: 'Anna Andersen', party: null, municipality: null, role: null, substitute: 'Bo Berg' }]);
    expect(applied.items[0]!.decision).toBe('Drøftet. Taget til efterretning.');
  });

  it("round-trips a document's own state", () => {
    const read = readEditorForm({ revision: '1', 'm.0.name': 'Anna Andersen', 'm.0.municipality': 'Favrskov', 'm.0.status': 'present', 'decision.1': '' });
    expect(read.state.members.map(({ remove: _, ...m }) => m)).toEqual(stateOf(doc).members.map(({ remove: _, ...m }) => m));
    expect(applyEditorForm(doc, read)).toEqual({ ...doc, attendanceNote: null });
  });

  it('adds and removes members', () => {
    const read = readEditorForm({ revision: '1', 'm.0.name': 'Anna Andersen', 'm.0.remove': '1', 'new.name': 'Eva Eriksen', 'new.municipality': 'Odder' });
    expect(applyEditorForm(doc, read).participants).toEqual([{ name: 'Eva Eriksen', party: null, municipality: 'Odder', role: null }]);
  });

  it('refuses a missing revision, an unknown phrase or item, and a new member without a name', () => {
    expect(readEditorForm({ revision: 'x' }).revision).toBeNull();
    expect(() => applyEditorForm(doc, readEditorForm({ revision: '1', phrase: '1|99' }))).toThrow(/standardformulering/);
    expect(() => applyEditorForm(doc, readEditorForm({ revision: '1', phrase: 'noget' }))).toThrow(MinutesInputError);
    expect(() => applyEditorForm(doc, readEditorForm({ revision: '1', 'decision.7': 'Godkendt.' }))).toThrow(/Punkt 7 findes ikke/);
    expect(() => applyEditorForm(doc, readEditorForm({ revision: '1', 'new.municipality': 'Odder' }))).toThrow(/navnet på det nye medlem/);
    expect(() => applyEditorForm(doc, readEditorForm({ revision: '1', 'decision.1': 'x'.repeat(20_001) }))).toThrow(/for lang/);
  });
});
