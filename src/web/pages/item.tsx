/** @module An item's own page: the item in full, and the same case at other meetings. */
import type { ItemView } from '../../archive/types.js';
import { Allocations } from '../../allocation/web.js';
import type { AttachedAllocation } from '../../db/allocations.js';
import { ApprovalLinks } from '../components/approvals.js';
import { RelatedItems } from '../components/related.js';
import { Icon } from '../components/icon.js';
import { Item, itemHeadingText } from '../components/item.js';
import { danishDate, kindLabel, meetingTitle } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { bodyUrl, caseUrl, itemAnchorUrl, itemUrl, meetingUrl } from '../urls.js';

function Related(props: { view: ItemView }) {
  const { item, related } = props.view;
  if (!item.caseNumber) return null;
  return (
    <section aria-labelledby="samme-sag" class="related mt-7">
      <h2 id="samme-sag">Sagen på andre møder</h2>
      {related.length === 0 ? (
        <p>Sag {item.caseNumber} er ikke behandlet på andre møder i arkivet.</p>
      ) : (
        <>
          <p>Sag {item.caseNumber} er også behandlet på disse møder:</p>
          <ul class="related-list">
            {related.map((r) => (
              <li>
                <a href={itemUrl(r.meeting.id, r.number)}>{itemHeadingText(r)}</a>
                <span class="related-meta"> – {r.meeting.body?.name ?? 'Ukendt organ'}, {danishDate(r.meeting.date)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p><a href={caseUrl(item.caseNumber)}>Følg sag {item.caseNumber} på tværs af møder</a></p>
    </section>
  );
}

/** Links to the items before and after this one in the meeting, in the document's order. */
function ItemNav(props: { view: ItemView }) {
  const { meeting, previous, next } = props.view;
  if (!previous && !next) return null;
  return (
    <nav class="item-nav" aria-label="Andre punkter på mødet">
      {previous && (
        <a href={itemUrl(meeting.id, previous.number)} rel="prev" class="item-nav-previous">
          <span class="item-nav-label"><Icon name="arrow-back" /> Forrige punkt</span>
          {itemHeadingText(previous)}
        </a>
      )}
      {next && (
        <a href={itemUrl(meeting.id, next.number)} rel="next" class="item-nav-next">
          <span class="item-nav-label">Næste punkt <Icon name="arrow-forward" /></span>
          {itemHeadingText(next)}
        </a>
      )}
    </nav>
  );
}

/** The item page as an HTML document, with the item's allocations (issue 13) under it. */
export function renderItemPage(view: ItemView, allocations: AttachedAllocation[] = []): string {
  const { meeting, item } = view;
  const kind = meeting.kinds.includes('minutes') ? 'minutes' : 'agenda';
  const crumbs = [
    { text: 'Forside', href: '/' },
    ...(meeting.body ? [{ text: meeting.body.name, href: bodyUrl(meeting.body.slug) }] : []),
    { text: meetingTitle(meeting), href: meetingUrl(meeting.id) },
    { text: `Punkt ${item.number}` },
  ];
  return renderPage(
    <Layout title={`${itemHeadingText(item)} – ${meetingTitle(meeting)}`} breadcrumbs={crumbs}>
      <p class="item-context">
        {kindLabel(kind)} · <a href={meetingUrl(meeting.id)}>{meetingTitle(meeting)}</a>
      </p>
      <Item item={item} meetingId={meeting.id} level={1} onMeetingPage={false} bilag={view.bilag} />
      <Allocations allocations={allocations} level={2} />
      <ApprovalLinks approvals={view.approvals} number={item.number} />
      <p class="d-print-none">
        <a href={itemAnchorUrl(meeting.id, item.number)}>Se punktet i hele {kind === 'minutes' ? 'referatet' : 'dagsordenen'}</a>
      </p>
      <ItemNav view={view} />
      <Related view={view} />
      <RelatedItems items={view.byContent ?? []} id="relaterede" level={2} />
    </Layout>,
  );
}
