/**
 * @module A case's page (sag): every public agenda item with the case number, grouped by meeting,
 * newest meeting first, each with its decision — the case's course through the bodies — and per subject
 * the items about the same matter without the case number ("Relaterede punkter").
 */
import type { CaseItem, CaseView, MeetingSummary } from '../../archive/types.js';
import { threadsBySubject, type DocumentKind } from '../../model/index.js';
import { Lines } from '../components/blocks.js';
import { itemHeadingText } from '../components/item.js';
import { KindBadges } from '../components/meeting-table.js';
import { bodyName, danishNumber, meetingTitle } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { bodyUrl, itemUrl, meetingUrl, feedUrl } from '../urls.js';
import { Subscribe } from '../components/subscribe.js';
import { RelatedItems } from '../components/related.js';

/** The case's items grouped by meeting, keeping the newest-first order. */
export function itemsByMeeting(items: CaseItem[]): Array<{ meeting: MeetingSummary; items: CaseItem[] }> {
  const groups: Array<{ meeting: MeetingSummary; items: CaseItem[] }> = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.meeting.id === item.meeting.id) last.items.push(item);
    else groups.push({ meeting: item.meeting, items: [item] });
  }
  return groups;
}

/** "3 punkter på 2 møder". */
function countText(items: number, meetings: number): string {
  const i = items === 1 ? '1 punkt' : `${danishNumber(items)} punkter`;
  const m = meetings === 1 ? '1 møde' : `${danishNumber(meetings)} møder`;
  return `${i} på ${m}`;
}

const NO_DECISION: Record<DocumentKind, string> = {
  agenda: 'Kun dagsordenen er i arkivet, så der er ingen beslutning at vise.',
  supplementary_agenda: 'Kun en tillægsdagsorden er i arkivet, så der er ingen beslutning at vise.',
  minutes: 'Referatet angiver ingen beslutning.',
};

function Decision(props: { text: string }) {
  // Paragraphs as the document separates them; line breaks within one kept.
  return (
    <div class="item-section decision case-decision">
      <p class="case-decision-label"><strong>Beslutning</strong></p>
      {props.text.split(/\n{2,}/).map((paragraph) => <p><Lines text={paragraph} /></p>)}
    </div>
  );
}

function MeetingGroup(props: { meeting: MeetingSummary; items: CaseItem[]; thread?: number }) {
  const { meeting, items } = props;
  const id = props.thread === undefined ? `moede-${meeting.id}` : `emne-${props.thread}-moede-${meeting.id}`;
  const MeetingHeading = props.thread === undefined ? 'h2' : 'h3';
  const ItemHeading = props.thread === undefined ? 'h3' : 'h4';
  // Within a subject the meeting is a heading, not a landmark of its own: one meeting may appear under several subjects.
  const Group = props.thread === undefined ? 'section' : 'div';
  return (
    <Group class="case-meeting mt-7" aria-labelledby={props.thread === undefined ? id : undefined}>
      <MeetingHeading id={id}><a href={meetingUrl(meeting.id)}>{meetingTitle(meeting)}</a></MeetingHeading>
      <p class="case-meeting-meta">
        {meeting.body ? <a href={bodyUrl(meeting.body.slug)}>{meeting.body.name}</a> : bodyName(meeting)}
        {' · '}
        <KindBadges kinds={[items[0]!.kind]} />
      </p>
      {items.map((item) => (
        <article class="case-item" aria-labelledby={`${id}-punkt-${item.number}`}>
          <ItemHeading id={`${id}-punkt-${item.number}`} class="h4">
            <a href={itemUrl(meeting.id, item.number)}>{itemHeadingText(item)}</a>
          </ItemHeading>
          {item.decision ? <Decision text={item.decision} /> : <p class="case-no-decision">{NO_DECISION[item.kind]}</p>}
        </article>
      ))}
    </Group>
  );
}

/** The case page as an HTML document. */
export function renderCasePage(view: CaseView): string {
  const groups = itemsByMeeting(view.items);
  const threads = threadsBySubject(view.items);
  const bodies = [...new Set(view.items.map((i) => bodyName(i.meeting)))];
  const title = `Sag ${view.caseNumber}`;
  return renderPage(
    <Layout title={title} breadcrumbs={[{ text: 'Forside', href: '/' }, { text: title }]} feeds={[{ title: `${title}: nye dagsordener og referater`, href: feedUrl({ caseNumber: view.caseNumber }) }]}>
      <h1>{title}</h1>
      <p class="font-lead">
        Sagen er behandlet i {countText(view.items.length, groups.length)} i arkivet ({bodies.join(', ')}), nyeste først.
      </p>
      <p>Lukkede punkter vises ikke.</p>
      <Subscribe feed={feedUrl({ caseNumber: view.caseNumber })} alert={{ kind: 'case', target: view.caseNumber }} />
      {threads.length > 1 ? (
        <>
          <p>
            Sagsnummeret er brugt til {danishNumber(threads.length)} forskellige emner; punkterne er samlet efter emne ud fra deres titler.
          </p>
          {threads.map((thread, n) => (
            <section class="case-thread mt-8" aria-labelledby={`emne-${n + 1}`}>
              <h2 id={`emne-${n + 1}`}>{thread[0]!.title}</h2>
              {itemsByMeeting(thread).map((g) => <MeetingGroup meeting={g.meeting} items={g.items} thread={n + 1} />)}
              <RelatedItems items={view.related?.[n] ?? []} id={`emne-${n + 1}-relaterede`} level={3} />
            </section>
          ))}
        </>
      ) : (
        <>
          {groups.map((g) => <MeetingGroup meeting={g.meeting} items={g.items} />)}
          <RelatedItems items={view.related?.[0] ?? []} id="relaterede" level={2} />
        </>
      )}
    </Layout>,
  );
}
