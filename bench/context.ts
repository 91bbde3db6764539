/**
 * @module What every part of `npm run bench` is given: which databases to measure, where the
 * bench keeps its databases, and where to print. A part prints its own figures through `log`
 * and returns them, so run.ts can print one summary at the end.
 */

export interface BenchContext {
  /** Measure only one driver; null = PGlite, and PostgreSQL when `postgresUrl` is set. */
  only: 'pglite' | 'postgres' | null;
  /** The PostgreSQL server the bench creates its databases on (DATABASE_URL), or null. */
  postgresUrl: string | null;
  /** Where PGlite bench databases live: REFERAT_BENCH_DIR, default data/bench. */
  dataDir: string;
  log: (line: string) => void;
}

/** One database to measure against, as a server child process or an in-process client opens it. */
export type BenchTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** A part's figures for the final summary: rows of label → value per driver. */
export interface BenchFigures {
  part: string;
  rows: Array<{ label: string; pglite?: string; postgres?: string }>;
}

export function benchContext(only: BenchContext['only'], log: BenchContext['log']): BenchContext {
  return { only, postgresUrl: process.env.DATABASE_URL || null, dataDir: process.env.REFERAT_BENCH_DIR || 'data/bench', log };
}

/** The drivers a part should measure. */
export function drivers(ctx: BenchContext): Array<'pglite' | 'postgres'> {
  const all: Array<'pglite' | 'postgres'> = ctx.postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
  return ctx.only ? all.filter((d) => d === ctx.only) : all;
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
