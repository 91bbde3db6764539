/**
 * @module /lovede-punkter: the items meetings promised for a later meeting that no agenda has
 * taken up yet, newest promise first, optionally for one body.
 */
import type { BodySummary } from '../../archive/types.js';
import type { PromiseView } from '../../archive/types.js';
import { BodySelect } from '../components/body-select.js';
import { Fulfilment } from '../components/promises.js';
import { danishLongDate } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { itemUrl, meetingUrl } from '../urls.js';

export interface PromisesPageData {
  promises: PromiseView[];
  bodies: BodySummary[];
  body: string | null;
}

export function renderPromisesPage(data: PromisesPageData): string {
  return renderPage(
    <Layout title="Lovede punkter" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Lovede punkter' }]}>
      <h1>Lovede punkter</h1>
      <p class="font-lead">
        Punkter, som et møde under "Punkter til næste møde" har lovet til et senere møde, og som endnu ikke står på en dagsorden i arkivet. Listen er udledt af
        dokumenterne; hvert punkt viser, hvor det blev lovet.
      </p>
      <form method="get" action="/lovede-punkter" class="mt-5">
        <BodySelect id="promises-body" bodies={data.bodies} selected={data.body ?? undefined} />
        <button type="submit" class="button button-secondary mt-3">Vis</button>
      </form>
      {data.promises.length === 0 ? (
        <p class="mt-5">Ingen lovede punkter venter på en dagsorden.</p>
      ) : (
        <div class="table--responsive-scroll mt-5" tabindex={0}>
          <table class="table">
            <caption class="sr-only">Lovede punkter, der endnu ikke er på en dagsorden</caption>
            <thead>
              <tr>
                <th scope="col">Punkt</th>
                <th scope="col">Lovet</th>
                <th scope="col">Til</th>
              </tr>
            </thead>
            <tbody>
              {data.promises.map((p) => (
                <tr>
                  <td>{p.promise.title}</td>
                  <td>
                    <a href={itemUrl(p.from.id, p.promise.promisedIn)}>
                      {p.from.body?.name ?? ''} {danishLongDate(p.from.date)}, punkt {p.promise.promisedIn}
                    </a>
                  </td>
                  <td>{p.to ? <a href={meetingUrl(p.to.id)}>mødet den {danishLongDate(p.to.date)}</a> : <Fulfilment promise={p} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>,
  );
}
