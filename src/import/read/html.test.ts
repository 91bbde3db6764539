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

describe('readHtml: layout tables, controls and publishing-site chrome', () => {
  const texts = (html: string) => readHtml(html, 'a.html').map((l) => l.text);

  it('reads a layout table as the lines its cells hold, a data table as rows of cells', () => {
    const lines = readHtml(
      '<table><tr><td><div>Dagsorden<br>Byrådet</div><div>2. maj 2031 kl. 10:00<br>Mødested: Rådhuset</div></td><td><img src="logo.png"></td></tr></table>' +
        '<table><tr><td><div>2.</div></td><td><div>Godkendelse af dagsorden</div></td></tr></table>' +
        '<table><tr><td><p>Medlemmer</p><p>Anna Andersen (A)</p><p>Bo Berg (V)</p></td><td><p>Carl Dahl (C)</p></td></tr><tr><td><p>Sagsnr.:</p></td><td><p>31/123</p></td></tr></table>',
      'a.html',
    );
    expect(lines.map((l) => [l.text, l.cells, l.breakBefore])).toEqual([
      ['Dagsorden', null, true],
      ['Byrådet', null, false],
      ['2. maj 2031 kl. 10:00', null, true],
      ['Mødested: Rådhuset', null, false],
      ['2.\tGodkendelse af dagsorden', ['2.', 'Godkendelse af dagsorden'], true],
      ['Medlemmer', null, true],
      ['Anna Andersen (A)', null, true],
      ['Bo Berg (V)', null, true],
      ['Carl Dahl (C)', null, true],
      ['Sagsnr.:\t31/123', ['Sagsnr.:', '31/123'], false],
    ]);
  });

  it('reads nested and single-column tables as layout, and a heading cell as its heading', () => {
    const lines = readHtml(
      '<table><tr><td><table><tr><td>Kommune</td><td>Antal</td></tr><tr><td>Skive</td><td>7</td></tr></table></td><td>Note</td></tr></table>' +
        '<table><tr><td>Første linje</td></tr><tr><td>Anden linje</td></tr></table>' +
        '<table><tr><td colspan="2"><h2>3. Budget 2032</h2></td></tr><tr><td>Sagsnr.:</td><td>31/9</td></tr></table>',
      'a.html',
    );
    expect(lines.map((l) => l.cells ?? l.text)).toEqual([['Kommune', 'Antal'], ['Skive', '7'], 'Note', 'Første linje', 'Anden linje', '3. Budget 2032', ['Sagsnr.:', '31/9']]);
    expect(lines.find((l) => l.text === '3. Budget 2032')).toMatchObject({ heading: 2, cells: null });
  });

  it('keeps the text of buttons and <summary>, drops their chrome labels', () => {
    expect(
      texts(
        '<details><summary>4. Lokalplan 12 <span class="sr-only">Klik her for at folde ud</span></summary><p>Sagen behandles.</p></details>' +
          '<button type="button">5. Budget</button><button>Fold dette punkt ind</button><a href="x.pdf">Hent som PDF</a><button>Kopier link</button><a href="#top">Til toppen</a><button>Print</button>',
      ),
    ).toEqual(['4. Lokalplan 12', 'Sagen behandles.', '5. Budget']);
  });

  it('drops skip links, breadcrumbs (by class or aria-label), navigation and cookie banners; keeps a document word used in prose', () => {
    expect(
      texts(
        '<a class="visually-hidden" href="#main">Spring til indhold</a><ol aria-label="Brødkrummesti"><li>Forside</li><li>Politik</li></ol>' +
          '<div class="site-navbar"><a href="/">Forside</a></div><div class="notice"><p>Vi bruger cookies til statistik.</p><a href="#">Nej tak til cookies</a></div>' +
          '<main><p>Referatet kan printes fra hjemmesiden.</p><p>Print</p><p>Del</p><p>Tilbage til oversigten</p></main>',
      ),
    ).toEqual(['Referatet kan printes fra hjemmesiden.']);
  });

  it('refuses HTML nested deeper than the limit with a reason naming the file, never a stack overflow', () => {
    const deep = '<div>'.repeat(100_000) + 'tekst' + '</div>'.repeat(100_000);
    expect(() => readHtml(deep, 'dyb.html')).toThrow(/^dyb\.html: nested deeper than 400 levels$/);
    expect(() => readHtml('<b>'.repeat(1000) + 'x', 'dyb.html')).toThrow(/^dyb\.html: nested deeper than 400 levels$/);
    expect(texts('<div>'.repeat(300) + '<p>Tekst</p>' + '</div>'.repeat(300))).toEqual(['Tekst']);
  });
});
