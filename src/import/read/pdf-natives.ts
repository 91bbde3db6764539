/**
 * @module Loads pdf.js (legacy build, the one for Node) without letting it slow down the rest of
 * the process. Its bundled core-js replaces built-ins that Node 20's V8 already has —
 * Array.prototype.push (for an edge case of non-writable lengths), JSON.parse and JSON.stringify
 * — with JavaScript versions several times slower, process-wide: every push and every JSON
 * string afterwards, in pdf.js and in the rest of the import, paid for it. The replaced natives are
 * put back once both halves are loaded; what core-js adds that Node 20 lacks
 * (Promise.withResolvers, Map.prototype.getOrInsert …) stays, pdf.js needs it. The worker half is
 * loaded too, so pdf.js's in-thread "fake worker" finds it (globalThis.pdfjsWorker) instead of
 * importing it — and patching the natives again — on the first document. The loading itself is
 * plain JavaScript (pdf-preload.js), so the import workers can run it before tsx is registered.
 */
export { nativesIntact, preloadPdfjs as loadPdfjs } from './pdf-preload.js';
