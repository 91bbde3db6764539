/**
 * @module The `referat` command line: parse, import, serve.
 */
import { importFile, ImportError } from '../import/index.js';
import { parseDocumentArgs } from './args.js';
import { outline } from './outline.js';

const USAGE = `Usage:
  referat parse FILE [--json] [--date YYYY-MM-DD] [--body NAME] [--authority NAME]   show the structured model of a document
  referat import FILES…|DIR [--date …] [--body …] [--authority …] [--force]          import documents as new versions
                     (--force: make a version current even if it reads less than the current one)
  referat serve                                                                      serve the archive (imports the samples into an empty database)`;

async function parseCommand(args: string[]): Promise<number> {
  const parsed = parseDocumentArgs(args, ['json']);
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    return 2;
  }
  const path = parsed.paths[0]!;
  try {
    const { document } = await importFile(path, parsed.options);
    console.log(parsed.switches.has('json') ? JSON.stringify(document, null, 2) : outline(document));
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
      return runServe(rest);
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
