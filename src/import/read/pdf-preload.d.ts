export function preloadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>;
export function nativesIntact(): boolean;
