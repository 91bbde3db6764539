// Plain JavaScript on purpose: the import workers load pdf.js through this module *before* they
// register tsx (src/import/parse-worker.js), because tsx rewrites every ES module that contains
// `import(` with a source map — pdf.js's 3 MB bundles cost ~300 MB of memory per thread that way.
// See pdf-natives.ts for why the built-ins are put back.

/** The built-ins pdf.js's core-js replaces although Node's own are correct for all it does. */
const NATIVES = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
];

let loading = null;

/** pdf.js (legacy build, both halves), loaded once per thread, with Node's built-ins put back. */
export function preloadPdfjs() {
  loading ??= (async () => {
    const saved = NATIVES.map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)]);
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Sets globalThis.pdfjsWorker: pdf.js's in-thread worker uses it instead of importing it itself.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return lib;
    } finally {
      for (const [target, key, descriptor] of saved) Object.defineProperty(target, key, descriptor);
    }
  })();
  return loading;
}

/**
 * Whether those built-ins are Node's own (for tests). core-js makes its copies print as
 * "[native code]", but they are ordinary functions, with the `prototype` no built-in method has.
 */
export function nativesIntact() {
  return NATIVES.every(([target, key]) => !Object.prototype.hasOwnProperty.call(target[key], 'prototype'));
}
