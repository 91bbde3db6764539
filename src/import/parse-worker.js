// Worker entry: load the TypeScript worker through tsx, as bin/referat.js does for the CLI —
// after pdf.js, which tsx would otherwise rewrite at ~300 MB per worker (read/pdf-preload.js).
import { preloadPdfjs } from './read/pdf-preload.js';
import { register } from 'tsx/esm/api';

await preloadPdfjs();

register();
await import('./parse-worker.ts');
