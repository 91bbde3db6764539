/**
 * @module Format detection from a file's content: magic bytes first, the extension only as a
 * tie-breaker, because councils publish `.pdf` files that are HTML error pages and `.doc`
 * files that are really DOCX.
 */

export type FileFormat = 'pdf' | 'docx' | 'html' | 'xml' | 'text' | 'binary';

/** How many leading bytes are inspected: enough for a doctype, a BOM, a ZIP header and a fair sample of text. */
const HEAD = 8 * 1024;

/** Tags that only HTML starts with, for fragments saved without `<html>`. */
const HTML_START = /^<(html|head|body|div|p|h[1-6]|table|ul|ol|section|article|main|meta|title|link|span|br|a|script|style)[\s>/]/i;

/** The format of a file from its bytes (`%PDF`, ZIP with word/document.xml, markup, text vs binary). */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const head = bytes.subarray(0, HEAD);
  // The PDF header may be preceded by junk (mail gateways, HTTP leftovers): the spec allows 1 KB.
  if (indexOfAscii(head.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // Entry names are stored uncompressed in local and central headers, so a byte search finds them.
    return indexOfAscii(bytes, 'word/document.xml') >= 0 ? 'docx' : 'binary';
  }
  const utf16 = startsWith(head, [0xff, 0xfe]) ? 'utf-16le' : startsWith(head, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) return classifyText(new TextDecoder(utf16).decode(head), fileName);
  if (looksBinary(head)) return 'binary';
  const body = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  // The first few kilobytes say whether it is markup; decoding them all would only cost time.
  return classifyText(new TextDecoder('latin1').decode(body.subarray(0, 4096)), fileName);
}

/** Markup or plain text, from the first non-blank characters. */
function classifyText(text: string, fileName: string): FileFormat {
  const start = text.replace(/^\uFEFF/, '').replace(/^(\s|<!--[\s\S]*?-->)+/, '');
  const lower = start.slice(0, 2048).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'html';
  if (lower.startsWith('<?xml') || lower.startsWith('<!doctype')) {
    // XHTML is served as XML but read as HTML.
    return /<html[\s>]/.test(lower) ? 'html' : 'xml';
  }
  if (HTML_START.test(start)) return 'html';
  if (/^<[a-z_][\w.:-]*[\s>/]/i.test(start)) return /\.x?html?$/i.test(fileName) ? 'html' : 'xml';
  return 'text';
}

/**
 * Binary when the head holds a NUL byte or more than 2 % other control characters; tab, line
 * ends, form feed and escape occur in real text exports, and 0x80–0x9F are Windows-1252 letters.
 */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  return head.length > 0 && control / head.length > 0.02;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Position of an ASCII string in a byte array, or -1. */
function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1');
}
