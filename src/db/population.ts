/**
 * @module Population figures per municipality and period (issue 13): imported from a FOLK1A file
 * (src/allocation/folk1a.ts) or entered by a secretary, each with its source, date and author.
 * An import is one transaction: every figure or none. A figure entered again replaces the row and
 * the audit log keeps the old value.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { PopulationRow } from '../allocation/folk1a.js';
import { writeAudit, type Actor } from './audit.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { populationFigures } from './schema.js';

export interface PopulationFigure {
  code: string;
  municipality: string;
  period: string;
  count: number;
  source: string;
  enteredAt: string;
  enteredBy: string;
}

export interface PopulationImportSummary {
  added: number;
  changed: number;
  unchanged: number;
}

const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.email : 'cli');

/** Stores the figures, all or none; returns how many were new, changed or the same. */
export async function storePopulation(db: Db, actor: Actor, rows: readonly Pick<PopulationRow, 'code' | 'municipality' | 'period' | 'count'>[], source: string): Promise<PopulationImportSummary> {
  const summary: PopulationImportSummary = { added: 0, changed: 0, unchanged: 0 };
  if (!source.trim()) throw new Error('Angiv kilden til folketallene.');
  await db.transaction(async (tx) => {
    for (const r of rows) {
      const outcome = await putFigure(tx, actor, r, source.trim());
      summary[outcome]++;
    }
    await writeAudit(tx, actor, 'population.import', source.trim(), summary);
  });
  return summary;
}

/** One figure, entered by hand (the workspace's form). */
export async function setPopulationFigure(db: Db, actor: Actor, figure: { code: string; municipality: string; period: string; count: number }, source: string): Promise<void> {
  if (!source.trim()) throw new Error('Angiv kilden til folketallet.');
  await db.transaction(async (tx) => void (await putFigure(tx, actor, figure, source.trim())));
}

async function putFigure(tx: Tx, actor: Actor, r: { code: string; municipality: string; period: string; count: number }, source: string): Promise<'added' | 'changed' | 'unchanged'> {
  const [old] = await tx
    .select({ count: populationFigures.count, source: populationFigures.source })
    .from(populationFigures)
    .where(and(eq(populationFigures.municipalityCode, r.code), eq(populationFigures.period, r.period)));
  if (old && old.count === r.count && old.source === source) return 'unchanged';
  await tx
    .insert(populationFigures)
    .values({ municipalityCode: r.code, municipality: r.municipality, period: r.period, count: r.count, source, enteredBy: actorName(actor) })
    .onConflictDoUpdate({
      target: [populationFigures.municipalityCode, populationFigures.period],
      set: { count: r.count, municipality: r.municipality, source, enteredBy: actorName(actor), enteredAt: sql`now()` },
    });
  if (old) await writeAudit(tx, actor, 'population.change', `${r.municipality} ${r.period}`, { before: old, after: { count: r.count, source } });
  return old ? 'changed' : 'added';
}

/** The periods that have figures, newest first, with how many municipalities each has. */
export async function populationPeriods(db: Db): Promise<Array<{ period: string; municipalities: number }>> {
  return db
    .select({ period: populationFigures.period, municipalities: sql<number>`count(*)::int` })
    .from(populationFigures)
    .groupBy(populationFigures.period)
    .orderBy(desc(populationFigures.period));
}

/** A period's figures, by municipality name. */
export async function populationOf(db: Db, period: string): Promise<PopulationFigure[]> {
  const rows = await db
    .select({
      code: populationFigures.municipalityCode,
      municipality: populationFigures.municipality,
      period: populationFigures.period,
      count: populationFigures.count,
      source: populationFigures.source,
      enteredAt: populationFigures.enteredAt,
      enteredBy: populationFigures.enteredBy,
    })
    .from(populationFigures)
    .where(eq(populationFigures.period, period))
    .orderBy(asc(populationFigures.municipality));
  return rows.sort((a, b) => a.municipality.localeCompare(b.municipality, 'da'));
}
