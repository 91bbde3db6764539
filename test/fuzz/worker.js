// Worker entry: load the TypeScript worker through tsx, as src/import/parse-worker.js does.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
