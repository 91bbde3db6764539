/**
 * @module The item form's fields ↔ the model's AgendaItem. Sections are markup (../markup.ts);
 * a section's type follows its heading (model/section.ts). Bilag: every `./.` line of the text is
 * one of the item's attachments, in order; an uploaded file is matched to its line by title (and
 * given one, in a "Bilag" section, when the text has none), so every bilag's title lives in a
 * block as the model wants. Pure.
 */
import { AccessLevel, decisionOf, sectionTypeOf, uniqueLinks, type AgendaItem, type Attachment, type Block, type Link, type Section } from '../../model/index.js';
import sectionChoices from '../lexicon/sections.json' with { type: 'json' };
import { blocksToMarkup, markupToBlocks } from '../markup.js';
import type { ItemFormValues } from '../pages/agenda-item.js';

export type FormBody = Record<string, string | File | Array<string | File>>;

/** A text field's value ("" when missing or a file). */
export function field(form: FormBody, name: string): string {
  const v = form[name];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one : '';
}

/** A file field's file, when one was chosen. */
export function fileField(form: FormBody, name: string): File | null {
  const v = form[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one && typeof one !== 'string' && one.size > 0 ? one : null;
}

const accessOf = (value: string, fallback: AccessLevel): AccessLevel => AccessLevel.safeParse(value).success ? (value as AccessLevel) : fallback;
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** The form's values for an item; an item without sections is offered the usual empty ones. */
export function itemToValues(item: AgendaItem, extraSections = 0): ItemFormValues {
  const sections = item.sections.map((s) => ({ heading: s.heading ?? '', text: blocksToMarkup(s.blocks, item.links) }));
  const offered = sections.length > 0 ? sections : sectionChoices.newItem.map((heading) => ({ heading, text: '' }));
  return {
    title: item.title,
    caseNumber: item.caseNumber ?? '',
    caseOfficers: item.caseOfficers.join(', '),
    presenters: item.presenters.join(', '),
    access: item.access,
    sections: [...offered, ...Array.from({ length: extraSections }, () => ({ heading: '', text: '' }))],
    attachments: item.attachments.map((a) => ({ title: a.title, fileName: a.fileName, access: a.access, stored: a.sha256 !== undefined })),
  };
}

export interface ItemForm {
  values: ItemFormValues;
  removeSections: Set<number>;
  removeBilag: Set<number>;
  upload: { file: File; title: string; access: AccessLevel } | null;
}

/** Reads the submitted item form (over the item it was opened on, for the bilag it lists). */
export function readItemForm(form: FormBody, item: AgendaItem): ItemForm {
  const count = Math.min(Math.max(0, Number.parseInt(field(form, 'afsnit'), 10) || 0), 100);
  const sections = Array.from({ length: count }, (_, k) => ({ heading: field(form, `afsnit-${k}-overskrift`).trim(), text: field(form, `afsnit-${k}-tekst`) }));
  const removeSections = new Set(sections.map((_, k) => k).filter((k) => field(form, `afsnit-${k}-fjern`) !== ''));
  const removeBilag = new Set(item.attachments.map((_, k) => k).filter((k) => field(form, `bilag-${k}-fjern`) !== ''));
  const file = fileField(form, 'bilag-fil');
  return {
    values: {
      title: field(form, 'titel').trim(),
      caseNumber: field(form, 'sagsnummer').trim(),
      caseOfficers: field(form, 'sagsbehandlere'),
      presenters: field(form, 'fremlaegger'),
      access: accessOf(field(form, 'adgang'), item.access),
      sections,
      attachments: item.attachments.map((a, k) => ({ title: a.title, fileName: a.fileName, access: accessOf(field(form, `bilag-${k}-adgang`), a.access), stored: a.sha256 !== undefined })),
    },
    removeSections,
    removeBilag,
    upload: file ? { file, title: field(form, 'bilag-titel').trim() || file.name.replace(/\.[^.]+$/, ''), access: accessOf(field(form, 'bilag-adgang'), 'public') } : null,
  };
}

/** The item as the form says, with an uploaded bilag (already stored by hash) when there is one. */
export function buildItem(item: AgendaItem, form: ItemForm, uploaded: { title: string; fileName: string; sha256: string; access: AccessLevel } | null): AgendaItem {
  const links: Link[] = item.links.filter((l) => l.url === null);
  const removedTitles = new Set(item.attachments.filter((_, k) => form.removeBilag.has(k)).map((a) => a.title));
  const sections: Section[] = [];
  form.values.sections.forEach((s, k) => {
    if (form.removeSections.has(k)) return;
    const parsed = markupToBlocks(s.text);
    const blocks = parsed.blocks.filter((b) => !(b.kind === 'attachment' && removedTitles.has(b.title)));
    if (blocks.length === 0) return;
    links.push(...parsed.links);
    const heading = s.heading === '' ? null : s.heading;
    sections.push({ heading, type: heading ? (sectionTypeOf(heading) ?? 'other') : 'other', blocks });
  });
  // Files to match to bilag lines: those kept, then the new upload.
  const files: Attachment[] = item.attachments
    .map((a, k) => ({ ...a, access: form.values.attachments[k]?.access ?? a.access }))
    .filter((a, k) => !form.removeBilag.has(k) && (a.sha256 !== undefined || a.fileName !== null));
  if (uploaded) {
    files.push({ title: uploaded.title, access: uploaded.access, fileName: uploaded.fileName, sha256: uploaded.sha256 });
    const lines = sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'attachment' }> => b.kind === 'attachment');
    if (!lines.some((b) => b.title === uploaded.title)) {
      const line: Block = { kind: 'attachment', marker: './.', title: uploaded.title };
      const bilag = sections.find((s) => s.heading === 'Bilag');
      if (bilag) bilag.blocks.push(line);
      else sections.push({ heading: 'Bilag', type: 'other', blocks: [line] });
    }
  }
  const previous = new Map(item.attachments.map((a) => [a.title, a]));
  const attachments: Attachment[] = [];
  for (const block of sections.flatMap((s) => s.blocks)) {
    if (block.kind !== 'attachment') continue;
    const at = files.findIndex((f) => f.title === block.title);
    if (at >= 0) attachments.push(files.splice(at, 1)[0]!);
    else {
      const before = previous.get(block.title);
      const k = before ? item.attachments.indexOf(before) : -1;
      attachments.push({ title: block.title, access: k >= 0 ? (form.values.attachments[k]?.access ?? before!.access) : 'public', fileName: null });
    }
  }
  // A stored file whose line was deleted from the text is still the item's bilag until removed in the list.
  for (const f of files) {
    attachments.push(f);
    const line: Block = { kind: 'attachment', marker: './.', title: f.title };
    const bilag = sections.find((s) => s.heading === 'Bilag');
    if (bilag) bilag.blocks.push(line);
    else sections.push({ heading: 'Bilag', type: 'other', blocks: [line] });
  }
  return {
    ...item,
    title: form.values.title,
    caseNumber: form.values.caseNumber || null,
    caseOfficers: list(form.values.caseOfficers),
    presenters: list(form.values.presenters),
    access: form.values.access,
    sections,
    attachments,
    links: uniqueLinks(links),
    decision: decisionOf(sections),
  };
}
