/**
 * @module The API page (/api) in Danish, rendered from the OpenAPI document itself, so the page
 * lists exactly the endpoints, parameters and example responses the API has.
 */
import { Layout, renderPage } from '../layout.js';

/** The parts of an OpenAPI 3.1 document the page reads. */
interface Schema { type?: string | string[]; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number; maxLength?: number; example?: unknown }
interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: Schema }
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { example?: unknown }> }>;
}
export interface ApiDocument {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
}

const PLACES: Record<string, string> = { path: 'sti', query: 'forespørgsel' };

/** A parameter's type in words: "heltal 1–100", "en af: agenda, minutes", "tekst". */
function typeText(s: Schema | undefined): string {
  if (!s) return 'tekst';
  if (s.enum) return `en af: ${s.enum.join(', ')}`;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'integer' || type === 'number') {
    const range = s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}–${s.maximum}` : s.minimum !== undefined ? ` fra ${s.minimum}` : '';
    return `heltal${range}`;
  }
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'dato (ÅÅÅÅ-MM-DD)';
  return s.maxLength !== undefined ? `tekst (højst ${s.maxLength} tegn)` : 'tekst';
}

/** "/api/meetings/{id}" → "api-meetings-id", for anchors. */
const anchor = (path: string) => `endpoint${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;

function Parameters(props: { params: Parameter[]; id: string }) {
  if (props.params.length === 0) return <p>Ingen parametre.</p>;
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--zebra api-parameters">
        <caption class="sr-only">Parametre</caption>
        <thead>
          <tr><th scope="col">Navn</th><th scope="col">Hvor</th><th scope="col">Type</th><th scope="col">Påkrævet</th><th scope="col">Beskrivelse</th></tr>
        </thead>
        <tbody>
          {props.params.map((p) => (
            <tr>
              <td><code>{p.name}</code></td>
              <td>{PLACES[p.in] ?? p.in}</td>
              <td>{typeText(p.schema)}</td>
              <td>{p.required ? 'Ja' : 'Nej'}</td>
              <td>{p.description ?? ''}{p.schema?.example !== undefined && <> Fx <code>{String(p.schema.example)}</code>.</>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Endpoint(props: { path: string; method: string; op: Operation }) {
  const { path, method, op } = props;
  const id = anchor(path);
  const ok = op.responses?.['200'];
  const example = ok?.content?.['application/json']?.example;
  const errors = Object.entries(op.responses ?? {}).filter(([status]) => status !== '200');
  return (
    <section class="api-endpoint mt-8" aria-labelledby={id}>
      <h2 id={id} class="h3"><code>{method.toUpperCase()} {path}</code></h2>
      {op.summary && <p class="font-lead">{op.summary}</p>}
      {op.description && <p>{op.description}</p>}
      <h3 class="h5">Parametre</h3>
      <Parameters params={op.parameters ?? []} id={id} />
      {errors.length > 0 && (
        <p>Fejl: {errors.map(([status, r], i) => <>{i > 0 && ', '}<strong>{status}</strong> {r.description?.replace(/\.$/, '').toLowerCase()}</>)}.</p>
      )}
      {example !== undefined && (
        <>
          <h3 class="h5">Eksempel på svar</h3>
          <pre class="api-example" tabindex={0} aria-label={`Eksempel på svar fra ${path}`}><code>{JSON.stringify(example, null, 2)}</code></pre>
        </>
      )}
    </section>
  );
}

/** The API page as an HTML document. */
export function renderApiPage(doc: ApiDocument): string {
  const endpoints = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops ?? {}).filter((e): e is [string, Operation] => e[1] !== undefined).map(([method, op]) => ({ path, method, op })),
  );
  return renderPage(
    <Layout title="API" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'API' }]} description="Arkivets data som JSON: møder, punkter, organer, personer, sager og søgning.">
      <h1>API: arkivet som JSON</h1>
      <p class="font-lead">{doc.info.description}</p>
      <ul>
        <li>Maskinlæsbar beskrivelse (OpenAPI 3.1): <a href="/api/openapi.json">/api/openapi.json</a></li>
        <li>Samme data som OParl 1.1, standarden for politiske mødedata: <a href="/oparl/v1.1/">/oparl/v1.1/</a></li>
      </ul>
      <h2>Sådan virker det</h2>
      <ul>
        <li>Alle svar er JSON. Lister kommer i sider: <code>page</code> (fra 1) og <code>limit</code> (højst 100) ind, <code>total</code>, <code>page</code>, <code>limit</code>, <code>results</code> og <code>links</code> (<code>first</code>, <code>prev</code>, <code>next</code>, <code>last</code>) ud. Sidste side har ingen <code>links.next</code>.</li>
        <li>Fejl er <code>{'{"error": "…"}'}</code> med status 400 (ugyldige parametre, med en forklaring på dansk) eller 404 (findes ikke).</li>
        <li>Alle må hente data fra andre websteder (CORS: <code>Access-Control-Allow-Origin: *</code>).</li>
        <li>Lukkede og fortrolige punkter og bilag er aldrig med.</li>
        <li>Felter med <code>url</code> er adresser på arkivets egne sider, fx <code>/meetings/12</code>.</li>
      </ul>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">Endepunkter</h2>
        <ul>
          {endpoints.map((e) => <li><a href={`#${anchor(e.path)}`}><code>{e.method.toUpperCase()} {e.path}</code></a>{e.op.summary && ` – ${e.op.summary}`}</li>)}
        </ul>
      </nav>
      {endpoints.map((e) => <Endpoint path={e.path} method={e.method} op={e.op} />)}
    </Layout>,
  );
}
