// The PGlite worker thread's entry (pglite-worker.ts): a worker does not inherit the main
// thread's tsx loader, so it registers its own before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-thread.ts');
