/**
 * @module The `referat` command line: parse, import, serve, user, population, backup, restore.
 */
import { readFile } from 'node:fs/promises';
import { importFile, ImportError, readLines } from '../import/index.js';
import { detectFormat } from '../import/read/detect.js';
import { parseDocumentArgs } from './args.js';
import { outline } from './outline.js';

const USAGE = `Usage:
  referat parse FILE [--json|--lines] [--date YYYY-MM-DD] [--body NAME] [--authority NAME]   show the structured model of a document
                     (--lines: the read stage's lines with their style, before any structure)
  referat import FILES…|DIR [--date …] [--body …] [--authority …] [--force]          import documents as new versions
                     (--force: make a version current even if it reads less than the current one)
  referat serve                                                                      serve the archive (imports the samples into an empty database)
  referat user add EMAIL [--admin] [--member ORG-SLUG]… [--secretary ORG-SLUG]… [--name NAME] [--password-stdin]
                                                                                     create an account (password prompted, or stdin's first line)
  referat user list                                                                  list accounts and their roles
  referat population import FILE [--source TEXT]                                     population figures from a FOLK1A CSV file (Danmarks Statistik)
  referat backup FILE [--force]                                                      the whole archive into one file, while the server runs (--force: overwrite FILE)
  referat restore FILE [--force]                                                     a backup into an empty database (--force: replace everything in it)`;

async function parseCommand(args: string[]): Promise<number> {
  const parsed = parseDocumentArgs(args, ['json', 'lines']);
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    return 2;
  }
  const path = parsed.paths[0]!;
  try {
    if (parsed.switches.has('lines')) {
      console.log(await readStageLines(path));
      return 0;
    }
    const { document } = await importFile(path, parsed.options);
    console.log(parsed.switches.has('json') ? JSON.stringify(document, null, 2) : outline(document));
    return 0;
  } catch (error) {
    console.error(error instanceof ImportError ? error.message : `${path}: ${(error as Error).message}`);
    return 1;
  }
}

/**
 * The read stage's lines with their style, one per line, for finding out why a layout is read as
 * it is: P page break, B paragraph break, 1–6 heading level, b bold, L list, T table cells (¦).
 */
async function readStageLines(path: string): Promise<string> {
  const bytes = await readFile(path);
  const format = detectFormat(bytes, path);
  if (format !== 'pdf' && format !== 'docx' && format !== 'html' && format !== 'text') throw new Error(`no lines to show for ${format} files`);
  const lines = await readLines(format, bytes, path);
  const flag = (on: boolean, c: string) => (on ? c : ' ');
  return lines
    .map((l) => `${flag(l.pageBreakBefore, 'P')}${flag(l.breakBefore, 'B')}${l.heading || ' '}${flag(l.bold, 'b')}${flag(!!l.list, 'L')}${flag(!!l.cells, 'T')}| ${l.cells ? l.cells.join(' ¦ ') : l.text}`)
    .join('\n');
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
      return runServe(rest);
    }
    case 'user': {
      const { runUser } = await import('./user.js');
      return runUser(rest);
    }
    case 'population': {
      const { runPopulation } = await import('./population.js');
      return runPopulation(rest);
    }
    case 'backup': {
      const { runBackup } = await import('./backup.js');
      return runBackup(rest);
    }
    case 'restore': {
      const { runRestore } = await import('./backup.js');
      return runRestore(rest);
    }
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

// `referat parse … --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
