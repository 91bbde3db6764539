/**
 * @module The page and the pen: an A4 pdfkit document in the house typeface with the house
 * margins, a flowing cursor, and "keep together" page breaks. Every other module of the
 * renderer draws through a Writer, so page geometry and type sizes live here only.
 */
import PDFDocument from 'pdfkit';
import { parsedFonts, type FontFace } from './fonts.js';

export type Pdf = InstanceType<typeof PDFDocument>;

/** A4 in points, with margins wide enough for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 68, right: 68, top: 78, bottom: 72 } as const;

/** Type sizes (points) and colours of the house layout. */
export const TYPE = {
  body: 10,
  small: 8.5,
  lineGap: 2,
  paragraphGap: 6,
  text: '#1a1a1a',
  muted: '#5c5c5c',
  accent: '#004993',
  rule: '#b8b8b8',
  fill: '#eef2f7',
} as const;

export interface TextStyle {
  face?: FontFace;
  size?: number;
  color?: string;
  /** Extra left indent from the margin, in points. */
  indent?: number;
  /** Width when narrower than the text column. */
  width?: number;
  /** Space after the text. */
  gap?: number;
  align?: 'left' | 'right' | 'center';
  /** An internal link target (a named destination) or a web address. */
  goTo?: string;
  link?: string;
  destination?: string;
}

/** Metadata written into the document's information dictionary. */
export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  creationDate: Date;
}

export class Writer {
  readonly doc: Pdf;
  /** Index of the page the flow is on (0-based; the flow only ever appends pages). */
  page = 0;
  readonly left = PAGE.left;
  readonly width = PAGE.width - PAGE.left - PAGE.right;
  readonly top = PAGE.top;
  readonly bottom = PAGE.height - PAGE.bottom;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      bufferPages: true,
      autoFirstPage: true,
      lang: 'da-DK',
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Referat', Producer: 'Referat (pdfkit)', CreationDate: info.creationDate, ModDate: info.creationDate },
    });
    for (const [face, font] of Object.entries(parsedFonts())) this.doc.registerFont(face, font as Buffer);
    // pdfkit breaks pages by itself inside long paragraphs; the flow follows along.
    this.doc.on('pageAdded', () => {
      this.page = this.doc.bufferedPageRange().count - 1;
    });
    this.style({});
  }

  /** Sets font, size and colour (defaults: body text). */
  style(s: TextStyle): this {
    this.doc.font(s.face ?? 'regular').fontSize(s.size ?? TYPE.body).fillColor(s.color ?? TYPE.text);
    return this;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** Room left on the page below the cursor. */
  room(): number {
    return this.bottom - this.doc.y;
  }

  /** A new page, the cursor at its top. */
  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` points fit below the cursor (keep a block together). */
  keep(height: number): void {
    if (height > this.room() && this.doc.y > this.top + 1) this.newPage();
  }

  /** The height `text` takes in a style at its width. */
  measure(text: string, s: TextStyle = {}): number {
    this.style(s);
    return this.doc.heightOfString(clean(text), { width: s.width ?? this.width - (s.indent ?? 0), lineGap: TYPE.lineGap });
  }

  /** The width of one line of `text` in a style. */
  widthOf(text: string, s: TextStyle = {}): number {
    this.style(s);
    return this.doc.widthOfString(clean(text));
  }

  /** Writes wrapped text at the cursor; long text flows onto new pages. */
  text(text: string, s: TextStyle = {}): void {
    this.style(s);
    const x = this.left + (s.indent ?? 0);
    this.doc.text(clean(text), x, this.doc.y, {
      width: s.width ?? this.width - (s.indent ?? 0),
      lineGap: TYPE.lineGap,
      align: s.align ?? 'left',
      ...(s.goTo ? { goTo: s.goTo } : {}),
      ...(s.link ? { link: s.link } : {}),
      ...(s.destination ? { destination: s.destination } : {}),
    });
    this.doc.x = this.left;
    if (s.gap) this.doc.y += s.gap;
  }

  /** Text at a fixed place, leaving the cursor alone (headers, footers, table cells, page numbers). */
  place(text: string, x: number, y: number, s: TextStyle & { width: number }): void {
    const saved = { x: this.doc.x, y: this.doc.y };
    this.style(s);
    // Below the bottom margin pdfkit would start a page: lift the margin while placing.
    const margins = this.doc.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    this.doc.text(clean(text), x, y, {
      width: s.width,
      lineGap: TYPE.lineGap,
      align: s.align ?? 'left',
      lineBreak: true,
      ...(s.goTo ? { goTo: s.goTo } : {}),
      ...(s.link ? { link: s.link } : {}),
    });
    margins.bottom = bottom;
    this.doc.x = saved.x;
    this.doc.y = saved.y;
  }

  /** A horizontal rule across the text column at the cursor. */
  rule(color: string = TYPE.rule, weight = 0.6): void {
    this.doc.save().moveTo(this.left, this.doc.y).lineTo(this.left + this.width, this.doc.y).lineWidth(weight).strokeColor(color).stroke().restore();
  }

  /** Where the flow is: page and height, for marking a stretch of text afterwards. */
  mark(): { page: number; y: number } {
    return { page: this.page, y: this.doc.y };
  }

  /** A bar in the left margin of the text from `from` to the cursor, on every page the text ran over. */
  sideBar(from: { page: number; y: number }, indent: number, color: string = TYPE.accent): void {
    const to = this.mark();
    for (let page = from.page; page <= to.page; page++) {
      this.doc.switchToPage(page);
      const top = page === from.page ? from.y : this.top;
      const bottom = page === to.page ? to.y : this.bottom;
      if (bottom > top) this.doc.save().rect(this.left + indent, top, 2, bottom - top).fill(color).restore();
    }
    this.doc.switchToPage(to.page);
    this.doc.x = this.left;
    this.doc.y = to.y;
  }

  /** Moves the cursor down. */
  down(points: number): void {
    this.doc.y += points;
  }

  /** The finished document's bytes. */
  finish(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    this.doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}

/** Text as the fonts can set it: tabs as spaces, other control characters dropped. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
