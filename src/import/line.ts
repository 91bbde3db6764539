/**
 * @module Line: the one interface between the format readers (text, Markdown, PDF, DOCX, HTML)
 * and the single structure stage. A reader turns a file into lines with whatever style the
 * format gives; the structure stage never looks at the file format.
 */
import type { Link } from '../model/index.js';

export interface Line {
  /** The visible text, inline markup removed, whitespace collapsed and trimmed. */
  text: string;
  /** Heading level 1–6 when the format marks the line as a heading (Markdown `#`, `<h2>`, large font), else 0. */
  heading: number;
  /** The whole line is bold (Markdown `**…**`, `<b>`, a bold font). */
  bold: boolean;
  /** The whole line is italic. */
  italic: boolean;
  /** A bullet or numbered list line; `text` excludes the marker. */
  list: { marker: string; depth: number } | null;
  /** A table row (tab-separated text, `<tr>`, aligned PDF columns); `text` is the cells joined by tabs. */
  cells: string[] | null;
  /** A paragraph break comes before this line (a blank line, a new `<p>`, extra vertical space). */
  breakBefore: boolean;
  /** A page break comes before this line. */
  pageBreakBefore: boolean;
  /** Inline links on this line: their text is part of `text`, their address kept here. */
  links: Link[];
  /** A link address the PDF text layer printed apart from the text (an annotation), not body text. */
  annotation: boolean;
}

/** A plain line with no style, for readers and tests. */
export function plainLine(text: string, style: Partial<Line> = {}): Line {
  return {
    text,
    heading: 0,
    bold: false,
    italic: false,
    list: null,
    cells: null,
    breakBefore: false,
    pageBreakBefore: false,
    links: [],
    annotation: false,
    ...style,
  };
}

/** Options the importer accepts to supply what a document lacks (`--date`, `--body`). */
export interface ImportOptions {
  body?: string;
  /** The publishing authority ("Aarhus Kommune"), when the document does not say. */
  authority?: string;
  date?: string;
  /** File name for messages and the source record. */
  fileName?: string;
  /** Storing, not reading: make the new version current even if it reads less than the current one. */
  force?: boolean;
  /** The largest file to read, in bytes (default: REFERAT_MAX_FILE_MB or 200 MB). */
  maxFileBytes?: number;
}
