// Worker entry: load the TypeScript worker through tsx, as bin/referat.js does for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
