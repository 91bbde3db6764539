/**
 * @module Command-line arguments shared by `referat parse` and `referat import`: paths, the
 * `--body`/`--date` a document may lack, and a command's own switches (`--json`).
 */
import type { ImportOptions } from '../import/index.js';

export interface DocumentArgs {
  paths: string[];
  options: ImportOptions;
  switches: Set<string>;
}

/** Splits paths from `--body`/`--date` (also `--body=…`) and the allowed switches; anything else is an error. */
export function parseDocumentArgs(args: readonly string[], allowedSwitches: readonly string[] = []): DocumentArgs | { error: string } {
  const paths: string[] = [];
  const options: ImportOptions = {};
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      paths.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (allowedSwitches.includes(name!) && inline === undefined) {
      switches.add(name!);
      continue;
    }
    const value = inline ?? args[++i];
    if (name !== 'body' && name !== 'date' && name !== 'authority') return { error: `unknown option --${name}` };
    if (!value) return { error: `--${name} needs a value` };
    if (name === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: '--date must be YYYY-MM-DD' };
    options[name] = value;
  }
  if (paths.length === 0) return { error: 'no files given' };
  return { paths, options, switches };
}

/** The arguments of `referat import`: paths and `--body`/`--date`. */
export function parseImportArgs(args: readonly string[]): { paths: string[]; options: ImportOptions } | { error: string } {
  const parsed = parseDocumentArgs(args, ['force']);
  if ('error' in parsed) return parsed;
  return { paths: parsed.paths, options: { ...parsed.options, ...(parsed.switches.has('force') ? { force: true } : {}) } };
}
