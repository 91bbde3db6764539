/**
 * @module The meeting page, laid out like the official agenda/minutes: header facts, front matter,
 * table of contents, deltagerfortegnelse, then every item with its anchor (`#punkt-3.1`).
 */
import type { MeetingView } from '../../archive/types.js';
import { Allocations } from '../../allocation/web.js';
import type { AttachedAllocation } from '../../db/allocations.js';
import type { AgendaItem, Block, DocumentKind, MeetingDocument } from '../../model/index.js';
import { pdfUrl } from '../../pdf/url.js';
import { Icon } from '../components/icon.js';
import { parentNumber, STATUS_LABELS } from '../../model/index.js';
import { ApprovalLinks } from '../components/approvals.js';
import { Blocks } from '../components/blocks.js';
import { Heading } from '../components/heading.js';
import { Documents } from '../components/documents.js';
import { Item, itemHeadingText } from '../components/item.js';
import { KindBadges } from '../components/meeting-table.js';
import { Participants } from '../components/participants.js';
import { MeetingPromises } from '../components/promises.js';
import { bodyName, danishDateTime, danishLongDate, kindLabel, meetingTitle, timeRange } from '../format.js';
import { FactRow } from '../components/fact-row.js';
import { Layout, renderPage } from '../layout.js';
import { bodyUrl, itemAnchor, itemUrl } from '../urls.js';
import type { Child } from 'hono/jsx';

/**
 * Heading level per item: a top-level item is an h2, a sub-item one below its parent. An item
 * whose parent is missing from the document is treated as top-level so levels never skip.
 */
export function itemLevels(items: AgendaItem[]): Map<string, number> {
  const levels = new Map<string, number>();
  for (const item of items) {
    const parent = parentNumber(item.number);
    const parentLevel = parent !== null ? levels.get(parent) : undefined;
    levels.set(item.number, parentLevel !== undefined ? parentLevel + 1 : 2);
  }
  return levels;
}

function Facts(props: { view: MeetingView }) {
  const { meeting, document: doc, documents } = props.view;
  const time = timeRange(doc.startTime ?? meeting.startTime, doc.endTime);
  const place = [doc.location ?? meeting.location, doc.online ? 'online' : null].filter(Boolean).join(', ');
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact structured-list meeting-facts">
        <caption class="sr-only">Om mødet</caption>
        <tbody>
          <FactRow label="Organ">{meeting.body ? <a href={bodyUrl(meeting.body.slug)}>{meeting.body.name}</a> : bodyName(meeting)}</FactRow>
          <FactRow label="Dato">{danishLongDate(meeting.date)}</FactRow>
          {time && <FactRow label="Tid">{time}</FactRow>}
          {place && <FactRow label="Sted">{place}</FactRow>}
          <FactRow label="Dokumenter"><KindBadges kinds={meeting.kinds} /></FactRow>
          <FactRow label="Status">{STATUS_LABELS[meeting.status]}</FactRow>
          {documents.length > 0 && <FactRow label="Versioner og originaler"><Documents meetingId={meeting.id} documents={documents} /></FactRow>}
          {documents.length > 0 && <FactRow label="Hent som PDF"><PdfLinks meetingId={meeting.id} kinds={documents.map((d) => d.kind)} /></FactRow>}
        </tbody>
      </table>
    </div>
  );
}

/** "Rettet <dato>: <note>" for each later version of a document written in Referat, newest first. */
function Corrections(props: { documents: MeetingView['documents'] }) {
  const notes = props.documents.flatMap((d) => d.versions.filter((v) => v.note).map((v) => ({ kind: d.kind, version: v.version, at: v.createdAt, note: v.note! })));
  if (notes.length === 0) return null;
  return (
    <div class="alert alert-info corrections" role="note">
      <div class="alert-body">
        <ul class="nobullet-list alert-text">
          {notes.map((n) => (
            <li><strong>Rettet {danishDateTime(n.at)}:</strong> {n.note} <span class="version-meta">({kindLabel(n.kind)}, version {n.version})</span></li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Each document's current version as PDF, in the house layout (src/pdf). */
function PdfLinks(props: { meetingId: number; kinds: DocumentKind[] }) {
  return (
    <ul class="nobullet-list pdf-links">
      {props.kinds.map((kind) => (
        <li>
          <a href={pdfUrl(props.meetingId, kind)} download>
            <Icon name="file-pdf" />
            {kindLabel(kind)} (PDF)
          </a>
        </li>
      ))}
    </ul>
  );
}

function TableOfContents(props: { items: AgendaItem[]; levels: Map<string, number> }) {
  return (
    <nav class="anchorbox" aria-labelledby="indhold">
      <h2 class="anchortitle" id="indhold">Punkter på dagsordenen</h2>
      <ul class="anchorlist">
        {props.items.map((item) => (
          <li class={`toc-level-${Math.min(props.levels.get(item.number)! - 1, 3)}`}>
            <a href={`#${itemAnchor(item.number)}`}>{itemHeadingText(item)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Text before the first item (KL prints its mission and vision on every agenda): its headings
 * label the text under them instead of heading the meeting page, where they would stand in
 * the page's outline beside the items as if they were sections of the meeting.
 */
export function FrontMatter(props: { blocks: Block[] }) {
  const lead: Block[] = [];
  const groups: Array<{ label: string; blocks: Block[] }> = [];
  for (const block of props.blocks) {
    if (block.kind === 'heading') groups.push({ label: block.text, blocks: [] });
    else (groups.at(-1)?.blocks ?? lead).push(block);
  }
  return (
    <div class="front-matter">
      <Blocks blocks={lead} headingLevel={2} />
      {groups.length > 0 && (
        <dl>
          {groups.map((g) => (
            <>
              <dt>{g.label}</dt>
              <dd><Blocks blocks={g.blocks} headingLevel={3} /></dd>
            </>
          ))}
        </dl>
      )}
    </div>
  );
}

/** Segment-wise order of item numbers ("3.10" after "3.9"). */
function compareNumbers(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** The visible items with a "Lukket punkt" in the place of each withheld one. */
function withPlaceholders(items: AgendaItem[], withheld: string[]): Array<{ item: AgendaItem } | { closed: string }> {
  const out: Array<{ item: AgendaItem } | { closed: string }> = items.map((item) => ({ item }));
  for (const number of [...withheld].sort(compareNumbers)) {
    const at = out.findIndex((e) => compareNumbers('item' in e ? e.item.number : e.closed, number) > 0);
    out.splice(at < 0 ? out.length : at, 0, { closed: number });
  }
  return out;
}

/** Items or text enough that a reader far down needs a way back to the top. */
const LONG_ITEMS = 4;
const LONG_BLOCKS = 40;
function isLong(doc: MeetingDocument): boolean {
  const blocks = doc.items.reduce((n, i) => n + i.sections.reduce((m, s) => m + s.blocks.length, 0), 0);
  return doc.items.length >= LONG_ITEMS || blocks >= LONG_BLOCKS;
}

/** dkfds' back-to-top button ("Til toppen"), kept in view by CSS (.back-to-top), as the site runs no JavaScript. */
function BackToTop() {
  return (
    <div class="back-to-top d-print-none">
      <a class="button back-to-top-button" href="#top">
        <Icon name="arrow-upward" />
        <span class="sr-only">Til toppen af siden</span>
        <span class="d-none d-md-inline-block" aria-hidden="true">Til toppen</span>
      </a>
    </div>
  );
}

/** The full title of the meeting page: "Referat: KKR Midtjylland, 17. juni 2020". */
export function meetingPageTitle(view: MeetingView): string {
  return `${kindLabel(view.document.kind)}: ${meetingTitle(view.meeting)}`;
}

/**
 * The meeting page as an HTML document. A page of an earlier version passes a notice (which
 * version this is) and its own title; the layout is the same.
 */
export function renderMeetingPage(view: MeetingView, version?: { notice: Child; title: string }, allocations: AttachedAllocation[] = []): string {
  const { meeting, document: doc } = view;
  const levels = itemLevels(doc.items);
  const crumbs = [
    { text: 'Forside', href: '/' },
    ...(meeting.body ? [{ text: meeting.body.name, href: bodyUrl(meeting.body.slug) }] : []),
    { text: meetingTitle(meeting) },
  ];
  return renderPage(
    <Layout title={version?.title ?? meetingPageTitle(view)} breadcrumbs={crumbs}>
      {version?.notice}
      <h1>
        <span class="kind-label">{kindLabel(doc.kind)}<span class="sr-only">:</span></span> {meetingTitle(meeting)}
      </h1>
      {doc.title && <p class="font-lead document-title">{doc.title}</p>}
      <ApprovalLinks approvals={view.approvals} />
      <Facts view={view} />
      <Corrections documents={view.documents} />
      {doc.items.length > 0 && <TableOfContents items={doc.items} levels={levels} />}
      {doc.frontMatter.length > 0 && <FrontMatter blocks={doc.frontMatter} />}
      <Participants document={doc} level={2} people={view.people} />
      <div class="agenda-items">
        {doc.items.length === 0 && <p>Dokumentet har ingen offentlige punkter.</p>}
        {withPlaceholders(doc.items, view.withheld ?? []).map((e) =>
          'item' in e ? (
            <Item item={e.item} meetingId={meeting.id} level={levels.get(e.item.number)!} onMeetingPage={true} bilag={view.bilag} />
          ) : (
            <article class="agenda-item agenda-item-closed">
              <Heading level={Math.min(e.closed.split('.').length + 1, 6)} class="item-title">{e.closed}. Lukket punkt</Heading>
            </article>
          ),
        )}
        {isLong(doc) && <BackToTop />}
      </div>
      <Allocations allocations={allocations} level={2} itemLink={(a) => itemUrl(meeting.id, a.itemNumber)} />
      {view.promises && <MeetingPromises made={view.promises.made} due={view.promises.due} />}
    </Layout>,
  );
}
