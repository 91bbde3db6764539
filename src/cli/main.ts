/**
 * @module The `referat` command line: parse, import, serve.
 */
import { importFile, ImportError } from '../import/index.js';
import { outline } from './outline.js';

const USAGE = `Usage:
  referat parse FILE [--json] [--date YYYY-MM-DD] [--body NAME]   show the structured model of a document
  referat import FILES…|DIR [--date …] [--body …]                 import documents into the database
  referat serve                                                   serve the archive (imports the samples into an empty database)`;

/** Splits `--name value` options from positional arguments. */
export function parseArgs(args: readonly string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (arg === '--json') flags.set('json', true);
    else {
      const [name, inline] = arg.slice(2).split('=', 2);
      flags.set(name!, inline ?? args[++i] ?? '');
    }
  }
  return { positional, flags };
}

async function parseCommand(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  const path = positional[0];
  if (!path) {
    console.error(USAGE);
    return 2;
  }
  const date = flags.get('date');
  const body = flags.get('body');
  try {
    const { document } = await importFile(path, {
      date: typeof date === 'string' ? date : undefined,
      body: typeof body === 'string' ? body : undefined,
    });
    console.log(flags.has('json') ? JSON.stringify(document, null, 2) : outline(document));
    return 0;
  } catch (error) {
    console.error(error instanceof ImportError ? error.message : `${path}: ${(error as Error).message}`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parseCommand(rest);
    case 'import': {
      const { runImport } = await import('./import.js');
      return runImport(rest);
    }
    case 'serve': {
      const { runServe } = await import('./serve.js');
      await runServe(rest);
      return -1;
    }
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
