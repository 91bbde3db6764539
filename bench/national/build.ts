/**
 * @module Builds (or checks) the national corpus without running the bench:
 * `node --import tsx bench/national/build.ts --items N [--only pglite|postgres] [--fresh]`.
 */
import { benchContext, drivers } from '../context.js';
import { openNationalCorpus } from './load.js';

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const items = Number(value('--items') ?? 1_000_000);
if (!Number.isInteger(items) || items < 1) throw new Error('--items needs a positive whole number');
const only = (value('--only') ?? null) as 'pglite' | 'postgres' | null;
const ctx = benchContext(only, (line) => process.stderr.write(`${line}\n`));
for (const driver of drivers(ctx)) {
  const corpus = await openNationalCorpus(driver, ctx, items, args.includes('--fresh'), ctx.log);
  ctx.log(`${driver}: ${corpus.builtSeconds === null ? 'reused' : `built in ${corpus.builtSeconds} s`}`);
  await corpus.database.close();
}
