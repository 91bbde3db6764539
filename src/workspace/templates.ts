/**
 * @module Agenda templates: an organisation's standard order of items. Its own, when it has saved
 * one (agenda_templates), else the standard template its name matches in lexicon/templates.json,
 * else the lexicon's default. A template is item titles with depths, written one per line —
 * indented two spaces per level or numbered "3.1 …" — in the lexicon and in the template form alike.
 */
import { eq, sql } from 'drizzle-orm';
import { writeAudit, type Actor } from '../db/audit.js';
import type { Db } from '../db/client.js';
import { agendaTemplates } from '../db/schema.js';
import { depthOf, numbersFor } from './item-ops.js';
import lexicon from './lexicon/templates.json' with { type: 'json' };

export interface TemplateItem {
  title: string;
  depth: number;
}

export interface Template {
  items: TemplateItem[];
  /** own: the organisation's saved template; standard: the lexicon's for its name; default: the lexicon's default. */
  source: 'own' | 'standard' | 'default';
  gloss: string;
}

/** The placeholders a template's titles may hold (see lexicon/templates.json). */
export const LAST_MEETING = lexicon.placeholders.lastMeeting.text;
export const PROMISED = lexicon.placeholders.promised.text;
/** Titles of the item at a meeting that lists what the next meeting is to take up. */
export const PROMISED_SOURCE = new RegExp(lexicon.promisedSource.pattern, 'iu');

/** Template lines → items; an error names the first line it cannot read. */
export function parseTemplateText(text: string): { ok: true; items: TemplateItem[] } | { ok: false; message: string } {
  const items: TemplateItem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const numbered = /^\s*(\d+(?:\.\d+)*)\.?\s+(.*)$/.exec(raw);
    const indent = /^[ \t]*/.exec(raw)![0].replace(/\t/g, '  ').length;
    const depth = numbered ? depthOf(numbered[1]!) : Math.floor(indent / 2);
    const title = (numbered ? numbered[2]! : raw).trim();
    if (title === '') return { ok: false, message: `Linje ${i + 1} har et nummer, men ingen titel.` };
    const before = items.at(-1)?.depth ?? -1;
    if (depth > before + 1) return { ok: false, message: `Linje ${i + 1} (»${title}«) er et underpunkt uden et punkt over sig.` };
    items.push({ title, depth });
  }
  if (items.length === 0) return { ok: false, message: 'Skabelonen har ingen punkter. Skriv én punkttitel pr. linje.' };
  return { ok: true, items };
}

/** Items → template lines, indented two spaces per level (what the form shows). */
export function formatTemplate(items: readonly TemplateItem[]): string {
  return items.map((i) => `${'  '.repeat(i.depth)}${i.title}`).join('\n');
}

/** The lexicon's template for an organisation's name: a standard one it matches, else the default. */
export function lexiconTemplate(organizationName: string): Template {
  const found = lexicon.templates.find((t) => new RegExp(t.pattern, 'iu').test(organizationName.trim()));
  const entry = found ?? lexicon.default;
  const parsed = parseTemplateText(entry.items.join('\n'));
  if (!parsed.ok) throw new Error(`lexicon/templates.json: ${parsed.message}`);
  return { items: parsed.items, source: found ? 'standard' : 'default', gloss: entry.gloss };
}

/** The organisation's template: its own saved one, else the lexicon's. */
export async function templateFor(db: Db, organization: { id: number; name: string }): Promise<Template> {
  const [row] = await db.select().from(agendaTemplates).where(eq(agendaTemplates.organizationId, organization.id));
  if (!row) return lexiconTemplate(organization.name);
  const stored = (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as Array<{ number: string; title: string }>;
  return { items: stored.map((i) => ({ title: i.title, depth: depthOf(i.number) })), source: 'own', gloss: `saved by ${row.updatedBy}` };
}

/** Saves the organisation's own template (stored numbered, as the schema says), audited. */
export async function saveTemplate(db: Db, actor: Actor, organizationId: number, items: readonly TemplateItem[]): Promise<void> {
  const numbers = numbersFor(items.map((i) => i.depth));
  const stored = items.map((i, k) => ({ number: numbers[k]!, title: i.title }));
  const by = actor.kind === 'user' ? actor.email : 'cli';
  await db.transaction(async (tx) => {
    await tx
      .insert(agendaTemplates)
      .values({ organizationId, items: stored, updatedBy: by })
      .onConflictDoUpdate({ target: agendaTemplates.organizationId, set: { items: stored, updatedBy: by, updatedAt: sql`now()` } });
    await writeAudit(tx, actor, 'template.save', `organization:${organizationId}`, { items: stored.length });
  });
}
