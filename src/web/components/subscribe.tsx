/**
 * @module Ways to follow a page: its Atom feed and, for meeting lists, a calendar to subscribe to
 * (webcal://, which calendar programs open) or download; and, where alerts are sent (SMTP_URL),
 * a form to get an e-mail when there is news (src/alerts, double opt-in).
 */
import { alertFormsShown } from '../../alerts/forms.js';
import type { AlertKind } from '../../db/subscriptions.js';
import { webcalUrl } from '../urls.js';

/** What the e-mail form subscribes to: an organisation's slug, a case number, a person's id, a search. */
export interface AlertTarget {
  kind: AlertKind;
  target: string;
}

/** "Følg: nyhedsfeed · abonnér på kalenderen · hent kalenderen", and the e-mail form. */
export function Subscribe(props: { feed?: string; calendar?: string; origin?: string; alert?: AlertTarget }) {
  return (
    <>
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
      {props.alert && alertFormsShown() && <AlertForm {...props.alert} />}
    </>
  );
}

/** The e-mail form (dkfds): posts to /subscriptions, which sends a mail to confirm. */
function AlertForm(props: AlertTarget) {
  return (
    <form method="post" action="/subscriptions" class="subscribe-alert">
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="target" value={props.target} />
      <div class="form-group">
        <label class="form-label" for="alert-email">Få en e-mail, når der er nyt</label>
        <span class="form-hint" id="alert-email-hint">
          Du får først en e-mail, hvor du bekræfter. Vi bruger kun adressen til dette, og du kan altid afmelde dig og slette den.
        </span>
        <input class="form-input input-width-l" type="email" id="alert-email" name="email" autocomplete="email" required aria-describedby="alert-email-hint" maxlength={254} />
      </div>
      <button class="button button-secondary" type="submit">Abonnér på e-mail</button>
    </form>
  );
}
