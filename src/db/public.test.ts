import { describe, expect, it } from 'vitest';
import { item, meetingDocument } from './fixtures.js';
import { closedNumbers } from '../model/index.js';
import { hasClosedContent, publicDocument } from './public.js';

const doc = meetingDocument({
  toc: [
    { number: '1', title: 'Åbent', page: 1, hasAttachments: false },
    { number: '2', title: 'Personalesag', page: 2, hasAttachments: false },
    { number: null, title: 'Personalesag', page: null, hasAttachments: false },
  ],
  items: [
    item('1', 'Åbent', {
      sections: [
        {
          heading: 'Baggrund',
          type: 'background',
          blocks: [
            { kind: 'paragraph', text: 'Tekst' },
            { kind: 'attachment', title: 'Fortroligt notat', marker: './.' },
            { kind: 'attachment', title: 'Kort', marker: './.' },
          ],
        },
      ],
      attachments: [
        { title: 'Fortroligt notat', access: 'closed', fileName: null },
        { title: 'Kort', access: 'public', fileName: null },
      ],
    }),
    item('2', 'Personalesag', { access: 'closed' }),
    item('2.1', 'Underpunkt'),
    item('12', 'Senere punkt'),
  ],
  warnings: [
    'Item 2: title "Personalesag" differs from the table of contents ("Personale").',
    'Item 2.1 is not in the table of contents.',
    'Item 12 is not in the table of contents.',
    'A bilag "Fortroligt notat" has no file.',
    'No meeting date stated in the document; supply it with --date.',
  ],
});

describe('publicDocument', () => {
  it('finds closed items and the items under them', () => {
    expect([...closedNumbers(doc.items)]).toEqual(['2', '2.1']);
    expect(hasClosedContent(doc)).toBe(true);
    expect(hasClosedContent(meetingDocument())).toBe(false);
  });

  it('leaves out closed items, their toc lines, closed bilag and warnings that name them', () => {
    const pub = publicDocument(doc);
    expect(pub.items.map((i) => i.number)).toEqual(['1', '12']);
    expect(pub.toc.map((t) => t.number)).toEqual(['1']);
    expect(pub.items[0]!.attachments.map((a) => a.title)).toEqual(['Kort']);
    expect(pub.items[0]!.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'attachment']);
    expect(pub.warnings).toEqual([
      'Item 12 is not in the table of contents.',
      'No meeting date stated in the document; supply it with --date.',
    ]);
    expect(JSON.stringify(pub)).not.toMatch(/Personalesag|Underpunkt|Fortroligt/);
  });

  it('returns an open document unchanged', () => {
    const open = meetingDocument({ warnings: ['Item 1 is not in the table of contents.'] });
    expect(publicDocument(open)).toEqual(open);
  });
});
