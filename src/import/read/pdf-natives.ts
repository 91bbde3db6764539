/**
 * @module Loads pdf.js (legacy build, the one for Node) without letting it slow down the rest of
 * the process. Its bundled core-js replaces built-ins that Node 20's V8 already has —
 * Array.prototype.push (for an edge case of non-writable lengths), JSON.parse and JSON.stringify
 * — with JavaScript versions several times slower, process-wide: every push and every JSON
 * string afterwards, in pdf.js and in the rest of the import, paid for it. The replaced natives are
 * put back once both halves are loaded; what core-js adds that Node 20 lacks
 * (Promise.withResolvers, Map.prototype.getOrInsert …) stays, pdf.js needs it. The worker half is
 * loaded here too, so pdf.js's in-thread "fake worker" finds it (globalThis.pdfjsWorker) instead
 * of importing it — and patching the natives again — on the first document.
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The built-ins core-js overrides although Node's own are correct for everything pdf.js does. */
const NATIVES: Array<[object, PropertyKey]> = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
];

let loading: Promise<Pdfjs> | null = null;

/** pdf.js, loaded once per thread, with the built-ins it replaced restored. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const saved = NATIVES.map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)!] as const);
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // @ts-expect-error: the worker bundle ships no type declarations; it is loaded for its side effect.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return lib;
    } finally {
      for (const [target, key, descriptor] of saved) Object.defineProperty(target, key, descriptor);
    }
  })();
  return loading;
}

/** Whether the built-ins pdf.js would replace are Node's own (for tests). */
export function nativesIntact(): boolean {
  return NATIVES.every(([target, key]) => /\[native code\]/.test(Function.prototype.toString.call((target as Record<PropertyKey, unknown>)[key])));
}
