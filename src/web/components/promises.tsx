/**
 * @module Promised items on a meeting page: what the meeting promised for a later one (and where
 * each was taken up), and what earlier meetings promised for it. Derived from the documents, so it
 * says where each came from (the promising item).
 */
import type { PromiseView } from '../../archive/types.js';
import { danishLongDate } from '../format.js';
import { itemUrl } from '../urls.js';
import { correctionText, DerivedFrom } from './derived.js';

function Source(props: { promise: PromiseView }) {
  const { promise: p } = props;
  return (
    <>
      <a href={itemUrl(p.from.id, p.promise.promisedIn)}>
        punkt {p.promise.promisedIn} på mødet den {danishLongDate(p.from.date)}
      </a>{' '}
      ({correctionText(p.source?.correction)})
    </>
  );
}

export function Fulfilment(props: { promise: PromiseView }) {
  const { promise: p } = props;
  if (p.item && p.to) {
    return (
      <>
        behandlet som <a href={itemUrl(p.to.id, p.item.number)}>punkt {p.item.number} {p.item.title}</a> på mødet den {danishLongDate(p.to.date)}
      </>
    );
  }
  return <>lovet, endnu ikke på en dagsorden{p.to ? ` (mødet den ${danishLongDate(p.to.date)})` : ''}</>;
}

/** The two lists; nothing when there are no promises either way. */
export function MeetingPromises(props: { made: PromiseView[]; due: PromiseView[] }) {
  const { made, due } = props;
  if (made.length === 0 && due.length === 0) return null;
  return (
    <section class="meeting-promises mt-7" aria-labelledby="lovede-punkter">
      <h2 id="lovede-punkter">Lovede punkter</h2>
      {due.length > 0 && (
        <>
          <h3>Lovet til dette møde</h3>
          <ul>
            {due.map((p) => (
              <li>
                <strong>{p.promise.title}</strong> — lovet i <Source promise={p} />; <Fulfilment promise={p} />.
              </li>
            ))}
          </ul>
        </>
      )}
      {made.length > 0 && (
        <>
          <h3>Lovet til et senere møde</h3>
          <ul>
            {made.map((p) => (
              <li>
                <strong>{p.promise.title}</strong> (<DerivedFrom meetingId={p.from.id} number={p.promise.promisedIn} date={null} correction={p.source?.correction} />) — <Fulfilment promise={p} />.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
