/**
 * @module pdf.js rejects promises of its own that no caller awaits (its in-thread "fake worker"
 * prefetches objects of a damaged file: "Bad (uncompressed) XRef entry"). Node ends the process on
 * an unhandled rejection, so one malformed PDF would take a whole import down with it. The
 * rejection that matters reaches readPdf's own awaits and fails that file; the orphaned ones
 * are dropped here — only pdf.js's, every other unhandled rejection keeps Node's behaviour.
 */

/** pdf.js's exception classes, by name, and its files in a stack. */
const PDFJS_ERRORS = /^(FormatError|XRefEntryException|XRefParseException|InvalidPDFException|UnknownErrorException|MissingPDFException|PasswordException|AbortException|UnexpectedResponseException|ResponseException)$/;

let installed = false;
let dropped = 0;

/** Whether a rejection reason comes from pdf.js. */
export function isPdfjsError(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  return PDFJS_ERRORS.test(reason.name) || PDFJS_ERRORS.test(reason.constructor?.name ?? '') || /[\\/]pdfjs-dist[\\/]/.test(reason.stack ?? '');
}

/** How many orphaned pdf.js rejections were dropped (for tests). */
export function droppedPdfjsRejections(): number {
  return dropped;
}

/** Installs the process-wide handler once per thread. */
export function guardPdfjsRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfjsError(reason)) {
      dropped++;
      return;
    }
    // Any other unhandled rejection is a bug: raise it as Node would without this listener.
    throw reason;
  });
}
