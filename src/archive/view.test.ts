import { describe, expect, it } from 'vitest';
import { item, meetingDocument } from '../db/fixtures.js';
import { accountViewer, ANONYMOUS, closedNumbers, type MeetingDocument, type Viewer } from '../model/index.js';
import { documentLevel, viewDocument } from './view.js';

const ORG = 7;
const publicDocument = (d: MeetingDocument) => viewDocument(d, ANONYMOUS, ORG)!;
const account = (role: 'member' | 'secretary' | 'admin', organizationId: number | null = ORG): Viewer => accountViewer(1, role, organizationId);

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

describe('viewDocument', () => {
  it('finds closed items and the items under them', () => {
    expect([...closedNumbers(doc.items)]).toEqual(['2', '2.1']);
    expect(documentLevel(doc)).toBe('closed');
    expect(documentLevel(meetingDocument())).toBe('public');
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

  it('shows members of the organisation its closed items, but not confidential ones; secretaries both', () => {
    const mixed = meetingDocument({
      items: [item('1', 'Åbent'), item('2', 'Lukket sag', { access: 'closed' }), item('3', 'Personsag om ansættelse', { access: 'confidential' })],
    });
    const numbers = (v: Viewer) => viewDocument(mixed, v, ORG)!.items.map((i) => i.number);
    expect(numbers(ANONYMOUS)).toEqual(['1']);
    expect(numbers(account('member'))).toEqual(['1', '2']);
    expect(numbers(account('secretary'))).toEqual(['1', '2', '3']);
    // Roles in another organisation, and administration alone, read as the public.
    expect(numbers(account('secretary', ORG + 1))).toEqual(['1']);
    expect(numbers(account('admin', null))).toEqual(['1']);
  });

  it('withholds a whole closed document, and front matter that names a closed item or bilag', () => {
    expect(viewDocument(meetingDocument({ access: 'closed' }), ANONYMOUS, ORG)).toBeNull();
    expect(viewDocument(meetingDocument({ access: 'closed' }), account('member'), ORG)).not.toBeNull();
    const front = meetingDocument({
      frontMatter: [
        { kind: 'list', items: [{ text: '1. Åbent', depth: 0 }, { text: '2. Personalesag', depth: 0 }] },
        { kind: 'paragraph', text: 'Bilaget Fortroligt notat udsendes separat.' },
        { kind: 'table', rows: [['1', 'Åbent'], ['2', 'Personalesag']] },
      ],
      items: doc.items,
    });
    const seen = publicDocument(front);
    expect(seen.frontMatter).toEqual([
      { kind: 'list', items: [{ text: '1. Åbent', depth: 0 }] },
      { kind: 'table', rows: [['1', 'Åbent']] },
    ]);
  });
});
