/**
 * @module DOCX reader: mammoth turns Word's semantic structure (heading styles, numbered and
 * bulleted lists, tables, bold/italic runs, hyperlinks, page breaks) into HTML, and the HTML
 * reader turns that into lines. Page headers and footers are not part of mammoth's output,
 * so running headers never reach the lines.
 */
import mammoth from 'mammoth';
import type { Line } from '../line.js';
import { readHtml } from './html.js';

/** Word's explicit page breaks become a marked `<hr>` the HTML reader knows. */
const STYLE_MAP = ["br[type='page'] => hr.page-break:fresh"];

/** Reads a DOCX file into styled lines; a file that is not a readable DOCX throws naming the file. */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<Line[]> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw new Error(`${fileName}: not a readable Word document (${reason(error)})`);
  }
  return readHtml(html, fileName);
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
