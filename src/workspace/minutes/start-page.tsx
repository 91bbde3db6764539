/** @module Starting a meeting's minutes: the meeting, and a button (or why the minutes cannot begin yet). */
import { CSRF_FIELD } from '../../auth/csrf.js';
import { Alert } from '../../web/components/alert.js';
import { danishLongDate } from '../../web/format.js';
import { Layout, renderPage } from '../../web/layout.js';
import { meetingUrl } from '../../web/urls.js';
import { startMinutesUrl, workspaceUrl } from '../urls.js';

export interface StartMinutesData {
  meetingId: number;
  organizationName: string | null;
  date: string | null;
  csrf: string;
  /** Why the minutes cannot begin (no published agenda), or null. */
  refusal: string | null;
}

export function renderStartMinutesPage(data: StartMinutesData): string {
  const title = `Referat: ${data.organizationName ?? 'møde'} ${danishLongDate(data.date)}`;
  return renderPage(
    <Layout title={title} breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Arbejdsrum', href: workspaceUrl() }, { text: 'Referat' }]}>
      <h1>{title}</h1>
      {data.refusal ? (
        <Alert variant="error" heading="Referatet kan ikke begynde endnu">
          <p>{data.refusal}</p>
        </Alert>
      ) : (
        <form method="post" action={startMinutesUrl(data.meetingId)}>
          <input type="hidden" name={CSRF_FIELD} value={data.csrf} />
          <p>Referatet begynder med dagsordenens punkter og de forventede deltagere.</p>
          <button class="button button-primary" type="submit">Begynd referatet</button>
        </form>
      )}
      <p class="mt-5">
        <a href={meetingUrl(data.meetingId)}>Se mødets offentlige side</a>
      </p>
    </Layout>,
  );
}
