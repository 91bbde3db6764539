/** @module "Relaterede punkter": items about the same matter at other meetings, found by content (db/related.ts). */
import type { RelatedItem } from '../../archive/types.js';
import { bodyName, danishDate } from '../format.js';
import { itemHeadingText } from './item.js';
import { itemUrl } from '../urls.js';

/** A decision cut to its first sentences: the list is an overview, the item page has the rest. */
function shortDecision(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 220 ? flat : `${flat.slice(0, 220).replace(/\s+\S*$/, '')} …`;
}

/** The related items under a heading of the given level, or nothing when there are none. */
export function RelatedItems(props: { items: readonly RelatedItem[]; id: string; level: 2 | 3; intro?: string }) {
  if (props.items.length === 0) return null;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  // Under a case's subject the list is no landmark of its own: a page has one per subject, all of one name.
  const Wrapper = props.level === 2 ? 'section' : 'div';
  return (
    <Wrapper class="related related-content mt-7" aria-labelledby={props.level === 2 ? props.id : undefined}>
      <Heading id={props.id}>Relaterede punkter</Heading>
      <p>{props.intro ?? 'Punkter på andre møder, der ud fra deres tekst handler om det samme – uden samme sagsnummer. Forslag, fundet automatisk.'}</p>
      <ul class="related-list">
        {props.items.map((r) => (
          <li>
            <a href={itemUrl(r.meeting.id, r.number)}>{itemHeadingText(r)}</a>
            <span class="related-meta"> – {bodyName(r.meeting)}, {r.meeting.date ? danishDate(r.meeting.date) : 'uden dato'}</span>
            {r.decision ? (
              <p class="related-decision">
                <strong>Beslutning:</strong> {shortDecision(r.decision)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Wrapper>
  );
}
