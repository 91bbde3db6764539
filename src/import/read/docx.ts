/**
 * @module DOCX reader: mammoth turns Word's semantic structure (heading styles, numbered and
 * bulleted lists, tables, bold/italic runs, hyperlinks, page breaks) into HTML, and the HTML
 * reader turns that into lines. Page headers and footers are not part of mammoth's output,
 * so running headers never reach the lines. The archive is opened by our own ZIP reader
 * (zip.ts: sizes checked before inflating) and word/document.xml is first given back what
 * mammoth would lose — automatic numbers and contents lines' leaders (docx-xml.ts).
 */
import mammoth from 'mammoth';
import type { Line } from '../line.js';
import { LimitError } from './depth.js';
import { rewriteDocumentXml } from './docx-xml.js';
import { readHtml } from './html.js';
import { MAX_INFLATED_BYTES, openZip, type ZipArchive } from './zip.js';

/** Word's explicit page breaks become a marked `<hr>` the HTML reader knows. */
const STYLE_MAP = ["br[type='page'] => hr.page-break:fresh"];

export interface DocxLimits {
  /** The most the archive may inflate to, in bytes. */
  maxInflatedBytes?: number;
}

/** Reads a DOCX file into styled lines; a file that is not a readable DOCX throws naming the file. */
export async function readDocx(bytes: Uint8Array, fileName: string, limits: DocxLimits = {}): Promise<Line[]> {
  let html: string;
  try {
    const zip = openZip(bytes, limits.maxInflatedBytes ?? MAX_INFLATED_BYTES);
    const result = await mammoth.convertToHtml(
      // mammoth reads the archive through `file` (exists/read): ours, with the rewritten main document.
      { file: mammothFile(zip) } as unknown as { buffer: Buffer },
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        ignoreEmptyParagraphs: true,
        // Images are never text: not read, not inlined.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof LimitError) throw new Error(`${fileName}: ${error.message}`);
    throw new Error(`${fileName}: not a readable Word document (${reason(error)})`);
  }
  return readHtml(html, fileName);
}

/** The archive as mammoth's zip file interface, word/document.xml rewritten on the way. */
function mammothFile(zip: ZipArchive): { exists(name: string): boolean; read(name: string, encoding?: string): Promise<string | Uint8Array> } {
  const main = mainDocumentPath(zip);
  const text = (name: string) => (zip.entries.has(name) ? new TextDecoder().decode(zip.read(name)) : null);
  let rewritten: string | null = null;
  const mainXml = () => {
    if (rewritten === null) {
      const original = text(main) ?? '';
      const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
      try {
        rewritten = rewriteDocumentXml(original, text(`${dir}numbering.xml`), text(`${dir}styles.xml`));
      } catch (error) {
        // A main document nested too deep is refused (mammoth's own walk recurses, and the parse is
        // bounded only by stopping it); what cannot be rewritten otherwise is read as mammoth
        // reads it, without the numbers.
        if (error instanceof LimitError) throw error;
        rewritten = original;
      }
    }
    return rewritten;
  };
  return {
    exists: (name) => zip.entries.has(name),
    read: async (name, encoding) => {
      if (name === main && encoding) return mainXml();
      const data = zip.read(name);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding).decode(data) : data;
    },
  };
}

/** The main document part, as the package's relationships name it (word/document.xml nearly always). */
function mainDocumentPath(zip: ZipArchive): string {
  if (!zip.entries.has('_rels/.rels')) return 'word/document.xml';
  const rels = new TextDecoder().decode(zip.read('_rels/.rels'));
  for (const tag of rels.split('<').filter((t) => t.startsWith('Relationship '))) {
    if (!/\bType="[^"]*\/officeDocument"/.test(tag)) continue;
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}

function reason(error: unknown): string {
  // mammoth fails on some malformed parts with a TypeError of its own ("Cannot read properties of
  // null"): the file's fault, but its words say nothing to the reader.
  if (error instanceof TypeError || error instanceof RangeError) return 'a part of the package is malformed';
  const message = error instanceof Error ? error.message : String(error);
  // xmldom's own words ("[xmldom error]\tend tag name:  is not complete:undefined") are no reason
  // a reader can use.
  if (message.includes('[xmldom ')) return 'a part of the package is not well-formed XML';
  return message.split('\n')[0]!.slice(0, 200);
}
