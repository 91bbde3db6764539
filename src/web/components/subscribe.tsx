/**
 * @module Ways to follow a page: its Atom feed and, for meeting lists, a calendar to subscribe to
 * (webcal://, which calendar programs open) or download.
 */
import { webcalUrl } from '../urls.js';

/** "Følg: nyhedsfeed · abonnér på kalenderen · hent kalenderen". */
export function Subscribe(props: { feed?: string; calendar?: string; origin?: string }) {
  return (
    <p class="subscribe">
      <span class="subscribe-label">Følg:</span>{' '}
      {props.feed && <a href={props.feed}>nyhedsfeed (Atom)</a>}
      {props.feed && props.calendar && ' · '}
      {props.calendar && props.origin && (
        <>
          <a href={webcalUrl(props.origin, props.calendar)}>abonnér på mødekalenderen</a>
          {' · '}
        </>
      )}
      {props.calendar && <a href={props.calendar}>hent mødekalenderen (iCal)</a>}
    </p>
  );
}
