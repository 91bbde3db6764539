/** @module "Om arkivet": what the archive holds, where its documents come from, and its open data. */
import type { BodySummary } from '../../archive/types.js';
import { danishNumber } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { meetingsUrl } from '../meetings-params.js';
import { bodyUrl, calendarUrl, feedUrl, webcalUrl } from '../urls.js';

export interface AboutPageData {
  bodies: BodySummary[];
  /** Meetings in the archive (those of no known body included). */
  meetingCount: number;
  /** The site's public origin, for absolute addresses (webcal://, OParl). */
  origin: string;
  /** Whether the OParl API is served (/oparl/v1.1/). */
  oparl: boolean;
}

const count = (n: number, one: string, many: string) => `${danishNumber(n)} ${n === 1 ? one : many}`;

/** The about page as an HTML document. */
export function renderAboutPage(data: AboutPageData): string {
  const meetings = data.meetingCount;
  const withMeetings = data.bodies.filter((b) => b.meetingCount > 0);
  return renderPage(
    <Layout title="Om arkivet" nav="about" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Om arkivet' }]}>
      <h1>Om arkivet</h1>
      <p class="font-lead">
        Referat er et åbent arkiv over dagsordener og referater fra politiske organer — i dag KKR Midtjylland og
        kommunaldirektørnetværket i Midtjylland (KD-Net). Alt kan søges, læses og genbruges.
      </p>

      <h2 id="indhold">Hvad arkivet rummer</h2>
      <p>
        Arkivet rummer i dag {count(meetings, 'møde', 'møder')} fra {count(withMeetings.length, 'organ', 'organer')}.
        For hvert møde vises dagsordenen og, når det er holdt, referatet: punkterne med sagsfremstilling, indstilling og
        beslutning, deltagerne og afbud, bilagenes titler og sagsnumrene, som følges på tværs af møder.
      </p>
      {withMeetings.length > 0 && (
        <ul>
          {withMeetings.map((b) => (
            <li><a href={bodyUrl(b.slug)}>{b.name}</a>: {count(b.meetingCount, 'møde', 'møder')}</li>
          ))}
        </ul>
      )}
      <p>
        Lukkede punkter, fortrolige punkter (personsager) og lukkede bilag vises ikke, og de indgår hverken i søgningen
        eller i de åbne data. Se <a href={meetingsUrl()}>alle møder</a> som liste eller kalender.
      </p>

      <h2 id="kilder">Hvor dokumenterne kommer fra</h2>
      <p>
        Dokumenterne er de dagsordener og referater, organerne selv har offentliggjort — som PDF, Word, tekst, websider
        eller eksport fra sagssystemer. Referat læser dem ind uden at ændre i teksten: hvert ord i originalens offentlige
        dele findes i arkivet, og intet lægges til. Strukturen (punkter, afsnit, deltagere, beslutninger) er fundet af programmet og
        kan i sjældne tilfælde være læst forkert; originalen er altid den gældende.
      </p>
      <p>
        Intet overskrives. Bliver et dokument rettet og læst ind igen, gemmes det som en ny version, og de tidligere
        versioner kan læses og sammenlignes på mødets side. Originalfilen kan hentes, når alt i den er offentligt.
      </p>

      <h2 id="aabne-data">Åbne data</h2>
      <p>Alt offentligt indhold kan hentes maskinelt og genbruges:</p>
      <dl class="open-data-list">
        {data.oparl && (
          <>
            <dt><a href="/oparl/v1.1/">OParl 1.1</a></dt>
            <dd>
              Arkivet efter den åbne standard for rådsinformationssystemer: organer, personer, medlemskaber, møder,
              dagsordenspunkter, sager og filer, som JSON. Indgangen er <code>{data.origin}/oparl/v1.1/</code>.
            </dd>
          </>
        )}
        <dt><a href={calendarUrl()}>Mødekalender (iCalendar)</a></dt>
        <dd>
          Alle møder som kalender, der kan <a href={webcalUrl(data.origin, calendarUrl())}>abonneres på</a> i et
          kalenderprogram; hvert organ har også sin egen kalender på organets side.
        </dd>
        <dt><a href={feedUrl()}>Nyhedsfeed (Atom)</a></dt>
        <dd>
          Nye og ændrede dagsordener og referater. Der er også feeds for hvert organ, hver sag, hver person og hver
          søgning; de findes på de sider, de hører til.
        </dd>
        <dt><a href="/api">Referats eget JSON-API</a></dt>
        <dd>
          Møder, punkter, organer, personer, sager og søgning som JSON, beskrevet i et OpenAPI-dokument
          (<code>/api/openapi.json</code>).
        </dd>
        <dt><a href="/sitemap.xml">Sitemap</a></dt>
        <dd>Adresserne på alle offentlige møder, punkter, organer, personer og sager.</dd>
      </dl>

      <h2 id="tilgaengelighed">Tilgængelighed</h2>
      <p>
        Læs <a href="/tilgaengelighed">tilgængelighedserklæringen</a> om, hvordan arkivet er testet, og hvad der endnu
        ikke er tilgængeligt.
      </p>
    </Layout>,
  );
}
