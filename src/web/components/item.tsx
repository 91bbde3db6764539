/**
 * @module An agenda item as the official document shows it: number and title, case number,
 * case officers, presenters, its sections in order (decisions highlighted), bilag and links.
 */
import type { Child } from 'hono/jsx';
import type { StoredBilag } from '../../archive/bilag.js';
import type { AgendaItem, Section } from '../../model/index.js';
import { caseUrl, itemAnchor, itemUrl } from '../urls.js';
import { BilagList } from './bilag.js';
import { Blocks } from './blocks.js';
import { Heading } from './heading.js';

/** "3.1. Klimasamarbejde …" — the numbering the documents use. */
export function itemHeadingText(item: Pick<AgendaItem, 'number' | 'title'>): string {
  return `${item.number}. ${item.title}`;
}

/** Only web and mail addresses become links; anything else from a source document stays text. */
export function safeHref(url: string | null): string | null {
  return url && /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

/** On an item's own page sections are h2s; they keep the h3 look they have on the meeting page. */
function sizeClass(base: string, level: number): string {
  return level < 3 ? `${base} h3` : base;
}

function SectionView(props: { section: Section; level: number }) {
  const { section, level } = props;
  const decision = section.type === 'decision';
  // A section without a heading contributes its blocks at the item's own depth.
  const blockLevel = section.heading ? level + 1 : level;
  return (
    <div class={decision ? 'item-section decision' : 'item-section'} data-section-type={section.type}>
      {section.heading && <Heading level={level} class={sizeClass('section-heading', level)}>{section.heading}</Heading>}
      <Blocks blocks={section.blocks} headingLevel={blockLevel} />
    </div>
  );
}

/** Case number, officers and presenters as a compact line under the title. */
export function ItemMeta(props: { item: AgendaItem }) {
  const { item } = props;
  const parts: Array<[string, Child]> = [];
  // The case number leads to the case's page: the same case at every meeting.
  if (item.caseNumber) parts.push(['Sagsnr.', <a href={caseUrl(item.caseNumber)}>{item.caseNumber}</a>]);
  if (item.caseOfficers.length) parts.push(['Sagsbehandler', item.caseOfficers.join(', ')]);
  if (item.presenters.length) parts.push(['Fremlægges af', item.presenters.join(', ')]);
  if (parts.length === 0) return null;
  return (
    <p class="item-meta">
      {parts.map(([label, value], i) => (
        <>
          {i > 0 && <span class="item-meta-sep" aria-hidden="true"> · </span>}
          <span class="item-meta-part"><span class="item-meta-label">{label}</span> {value}</span>
        </>
      ))}
    </p>
  );
}

/** The item's bilag and links, after its sections. */
function ItemAppendix(props: { item: AgendaItem; level: number; bilag?: StoredBilag[] }) {
  const { item, level, bilag } = props;
  const links = item.links.filter((l) => safeHref(l.url) !== null);
  return (
    <>
      {item.attachments.length > 0 && (
        <div class="item-attachments">
          <Heading level={level} class={sizeClass('appendix-heading', level)}>Bilag</Heading>
          <BilagList itemNumber={item.number} attachments={item.attachments} stored={bilag} />
        </div>
      )}
      {links.length > 0 && (
        <div class="item-links">
          <Heading level={level} class={sizeClass('appendix-heading', level)}>Links</Heading>
          <ul>
            {links.map((l) => (
              <li><a href={safeHref(l.url)!}>{l.text || l.url}</a></li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export interface ItemProps {
  item: AgendaItem;
  meetingId: number;
  /** Level of the item's title heading; its sections sit one below. */
  level: number;
  /** On the meeting page each item carries its anchor and a link to its own page. */
  onMeetingPage: boolean;
  /** The stored files of bilag the viewer may download (the meeting's or the item's). */
  bilag?: StoredBilag[];
}

/** One agenda item with everything the document says about it. */
export function Item(props: ItemProps) {
  const { item, meetingId, level, onMeetingPage } = props;
  const anchor = itemAnchor(item.number);
  const titleId = `${anchor}-titel`;
  return (
    <article class="agenda-item" id={onMeetingPage ? anchor : undefined} aria-labelledby={titleId}>
      <Heading level={level} id={titleId} class={level === 1 ? "item-title h2" : "item-title"}>{itemHeadingText(item)}</Heading>
      <ItemMeta item={item} />
      {item.sections.map((section) => <SectionView section={section} level={level + 1} />)}
      <ItemAppendix item={item} level={level + 1} bilag={props.bilag} />
      {onMeetingPage && (item.sections.length > 0 || item.caseNumber) && (
        <p class="item-permalink d-print-none">
          <a href={itemUrl(meetingId, item.number)}>
            Vis punkt {item.number} for sig<span class="sr-only">: {item.title}</span>
          </a>
        </p>
      )}
    </article>
  );
}
