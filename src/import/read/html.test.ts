import { describe, expect, it } from 'vitest';
import { readHtml } from './html.js';

const page = `<!DOCTYPE html>
<html lang="da"><head><title>Byrådet</title><style>p{color:red}</style>
<script>window.dataLayer = ["Beslutning"];</script></head>
<body>
<header class="site-header"><a href="/">Forside</a><nav><ul><li><a href="/politik">Politik</a></li></ul></nav></header>
<div id="cookie-consent"><p>Vi bruger cookies</p><button>Accepter</button></div>
<main>
<h1>Byrådet – Referat</h1>
<p><strong>Dato:</strong> 12. marts 2024<br>Sted: Byrådssalen</p>
<h2>1. Godkendelse af dagsorden</h2>
<h3><strong>Beslutning</strong></h3>
<p><em>Godkendt.</em></p>
<p>Referatet kan ses <a href="https://example.dk/referat.pdf">her</a> og <a href="#">dér</a>.</p>
<ul><li>Første punkt<ul><li>Underpunkt</li></ul></li><li>Andet punkt</li></ul>
<ol start="3"><li>Tredje</li></ol>
<table><thead><tr><th>Kommune</th><th>Antal</th></tr></thead>
<tbody><tr><td>Aarhus</td><td>42</td></tr><tr><td></td><td></td></tr><tr><td>Skive</td><td><p>7</p></td></tr></tbody></table>
<p>• Typet punkt</p>
<form><input name="q"><p>Søg her</p></form>
<p hidden>Skjult</p>
</main>
<footer><p>Kommunen · Rådhuset · CVR 12345678</p></footer>
</body></html>`;

describe('readHtml', () => {
  const lines = readHtml(page, 'side.html');
  const texts = lines.map((l) => l.text);

  it('drops scripts, styles, navigation, page header/footer, cookie banners, forms and hidden text', () => {
    for (const chrome of ['Forside', 'Politik', 'Vi bruger cookies', 'Accepter', 'Søg her', 'Skjult', 'CVR', 'Beslutning"', 'color']) {
      expect(texts.some((t) => t.includes(chrome))).toBe(false);
    }
    expect(texts[0]).toBe('Byrådet – Referat');
  });

  it('keeps headings with their level and whole-line bold/italic', () => {
    expect(lines[0]).toMatchObject({ heading: 1, bold: false, breakBefore: true });
    expect(lines.find((l) => l.text === '1. Godkendelse af dagsorden')).toMatchObject({ heading: 2 });
    expect(lines.find((l) => l.text === 'Beslutning')).toMatchObject({ heading: 3, bold: true });
    expect(lines.find((l) => l.text === 'Godkendt.')).toMatchObject({ italic: true, bold: false, heading: 0 });
  });

  it('splits <br> lines without a paragraph break and keeps partial bold as not bold', () => {
    const dato = lines.findIndex((l) => l.text === 'Dato: 12. marts 2024');
    expect(lines[dato]).toMatchObject({ bold: false, breakBefore: true });
    expect(lines[dato + 1]).toMatchObject({ text: 'Sted: Byrådssalen', breakBefore: false });
  });

  it('keeps link text in the line and the address in links; "#" has no address', () => {
    const line = lines.find((l) => l.text.startsWith('Referatet kan ses'))!;
    expect(line.text).toBe('Referatet kan ses her og dér.');
    expect(line.links).toEqual([
      { text: 'her', url: 'https://example.dk/referat.pdf' },
      { text: 'dér', url: null },
    ]);
  });

  it('reads nested lists with depth and ordered markers', () => {
    expect(lines.find((l) => l.text === 'Første punkt')!.list).toEqual({ marker: '•', depth: 0 });
    expect(lines.find((l) => l.text === 'Underpunkt')!.list).toEqual({ marker: '•', depth: 1 });
    expect(lines.find((l) => l.text === 'Andet punkt')!.list).toEqual({ marker: '•', depth: 0 });
    expect(lines.find((l) => l.text === 'Tredje')!.list).toEqual({ marker: '3.', depth: 0 });
    expect(lines.find((l) => l.text === 'Typet punkt')!.list).toEqual({ marker: '•', depth: 0 });
  });

  it('reads table rows as cells, skipping empty rows', () => {
    const rows = lines.filter((l) => l.cells);
    expect(rows.map((r) => r.cells)).toEqual([['Kommune', 'Antal'], ['Aarhus', '42'], ['Skive', '7']]);
    expect(rows[0]).toMatchObject({ bold: true, breakBefore: true, text: 'Kommune\tAntal' });
    expect(rows[1]).toMatchObject({ bold: false, breakBefore: false });
  });

  it('keeps a header inside the article and marks CSS page breaks', () => {
    const lines2 = readHtml(
      '<article><header><h1>Økonomiudvalget</h1></header><p>Side 1</p><p style="page-break-before: always">Side 2</p></article>',
      'a.html',
    );
    expect(lines2.map((l) => l.text)).toEqual(['Økonomiudvalget', 'Side 1', 'Side 2']);
    expect(lines2[2]!.pageBreakBefore).toBe(true);
    expect(lines2[1]!.pageBreakBefore).toBe(false);
  });

  it('decodes entities and collapses whitespace, soft hyphens removed', () => {
    const [line] = readHtml('<p>Kommune&shy;bestyrelsen &amp;\n   regionsr&aring;det&nbsp;</p>', 'a.html');
    expect(line!.text).toBe('Kommunebestyrelsen & regionsrådet');
  });

  it('returns no lines for a page with only chrome', () => {
    expect(readHtml('<html><body><nav>Menu</nav><script>x()</script></body></html>', 'tom.html')).toEqual([]);
  });
});
