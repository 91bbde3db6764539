/**
 * @module Seats (memberships) as a table: on an organisation's page the people, on a person's page
 * the organisations, grouped by electoral period; derived seats say so.
 */
import type { MembershipView, SeatView } from '../../archive/types.js';
import { ROLE_LABELS } from '../../model/index.js';
import { danishDate } from '../format.js';
import { bodyUrl, personUrl } from '../urls.js';
import { DerivedFrom } from './derived.js';

/** The seats grouped by electoral period, in the order given (newest period first). */
function byTerm(memberships: MembershipView[]): Array<{ term: string; seats: MembershipView[] }> {
  const groups = new Map<string, MembershipView[]>();
  for (const m of memberships) {
    const term = m.term ?? 'Uden valgperiode';
    groups.set(term, [...(groups.get(term) ?? []), m]);
  }
  return [...groups].map(([term, seats]) => ({ term, seats }));
}

/** A section of seats; `show` says which side of the seat the rows name. */
export function Memberships(props: { memberships: MembershipView[]; show: 'person' | 'organization'; headingId: string; heading: string }) {
  if (props.memberships.length === 0) return <></>;
  return (
    <section aria-labelledby={props.headingId} class="mt-7">
      <h2 id={props.headingId}>{props.heading}</h2>
      <p>
        Afledt af dokumenterne: hvem der er anført som medlem (eller stedfortræder) ved møderne i hver valgperiode, fra første til seneste
        møde, og hvem et punkt har udpeget (med henvisning til punktet).
      </p>
      {byTerm(props.memberships).map(({ term, seats }) => (
        <div class="table--responsive-scroll" tabindex={0}>
          <table class="table table--compact">
            <caption>{term}</caption>
            <thead>
              <tr>
                <th scope="col">{props.show === 'person' ? 'Navn' : 'Organ'}</th>
                <th scope="col">Rolle</th>
                <th scope="col">For</th>
                <th scope="col">Periode i dokumenterne</th>
              </tr>
            </thead>
            <tbody>
              {seats.map((m) => (
                <tr>
                  <td>
                    {props.show === 'person' ? <a href={personUrl(m.person)}>{m.person.name}</a> : <a href={bodyUrl(m.organization.slug)}>{m.organization.name}</a>}
                  </td>
                  <td>{ROLE_LABELS[m.role]}</td>
                  <td>{[m.onBehalfOf, m.party ? `(${m.party})` : null].filter(Boolean).join(' ') || '–'}</td>
                  <td>
                    {m.sourceItem ? (
                      <>
                        {m.startDate && m.startDate !== m.sourceItem.date ? `${danishDate(m.startDate)}${m.endDate ? ` – ${danishDate(m.endDate)}` : ''}. ` : ''}
                        <DerivedFrom meetingId={m.sourceItem.meetingId} number={m.sourceItem.number} date={m.sourceItem.date} correction={m.correction} />
                      </>
                    ) : m.startDate === m.endDate ? (
                      danishDate(m.startDate)
                    ) : (
                      `${danishDate(m.startDate)} – ${danishDate(m.endDate)}`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** Seats per electoral period as an item's table states them: filled in this body by others, or by this body elsewhere. */
export function Seats(props: { seats: SeatView[]; show: 'organization' | 'appointedBy'; headingId: string; heading: string }) {
  if (props.seats.length === 0) return <></>;
  return (
    <section aria-labelledby={props.headingId} class="mt-7">
      <h2 id={props.headingId}>{props.heading}</h2>
      <div class="table--responsive-scroll" tabindex={0}>
        <table class="table table--compact">
          <caption class="sr-only">{props.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{props.show === 'organization' ? 'Organ' : 'Udpeges af'}</th>
              <th scope="col">Valgperiode</th>
              <th scope="col">Pladser</th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {props.seats.map((s) => {
              const other = props.show === 'organization' ? s.organization : s.appointedBy;
              return (
                <tr>
                  <td>{other ? <a href={bodyUrl(other.slug)}>{other.name}</a> : '–'}</td>
                  <td>{s.period}</td>
                  <td>{s.note}</td>
                  <td>
                    <DerivedFrom meetingId={s.sourceItem.meetingId} number={s.sourceItem.number} date={s.sourceItem.date} correction={s.correction} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
