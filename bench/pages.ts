/**
 * @module Page throughput (issue 14): the server started as `npm start` starts it, on the target
 * database, and autocannon against the front page, a meeting, an item, search and the JSON API —
 * each as the page cache serves it (the same address again and again) and uncached (a query
 * parameter no route reads makes every request a page of its own, rendered from the database) —
 * with req/s and p50/p95/p99 latency; then the load test's 100 clients for 60 s on meeting and
 * search pages; and the server's peak RSS. Search is rate limited per client in production; the
 * bench is one client, so REFERAT_RATE_SEARCH=off for it. REFERAT_BENCH_PAGES_SECONDS (10),
 * REFERAT_BENCH_PAGES_CONNECTIONS (50) and REFERAT_BENCH_LOAD_SECONDS (60) set the runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cannon, memoryOf, sampleMemory } from './cannon.js';
import type { BenchContext, BenchFigures, BenchTarget } from './context.js';

const BIN = path.resolve('bin/referat.js');
const seconds = (name: string, fallback: number) => Math.max(1, Number(process.env[name] || fallback));

interface Server {
  child: ChildProcess;
  url: string;
}

/** `referat serve --port 0` on the target; resolves with its address once it serves (opening a large archive takes a while). */
function startServer(ctx: BenchContext, target: BenchTarget): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, REFERAT_RATE_SEARCH: 'off' };
  delete env.PORT;
  delete env.HOST;
  if (target.kind === 'pglite') {
    delete env.DATABASE_URL;
    env.REFERAT_DATA_DIR = target.dataDir;
  } else env.DATABASE_URL = target.url;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) ctx.log(`  server: ${line}`);
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /serves the archive on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`referat serve exited with ${code} before serving`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 30_000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** Addresses to measure: the newest meetings, their items, and words of their titles to search for. */
async function pathsOf(url: string) {
  const list = await json<{ results: Array<{ id: number; itemCount: number }> }>(`${url}/api/meetings?limit=50`);
  const meetings = list.results.filter((m) => m.itemCount > 0).slice(0, 20);
  if (meetings.length === 0) throw new Error('the archive has no meeting with items to measure');
  const details = await Promise.all(meetings.map((m) => json<{ document: { items: Array<{ number: string; title: string }> } }>(`${url}/api/meetings/${m.id}`)));
  const items = details.flatMap((d, i) => d.document.items.map((item) => `/meetings/${meetings[i]!.id}/items/${item.number}`));
  const words = [...new Set(details.flatMap((d) => d.document.items.flatMap((i) => i.title.toLowerCase().match(/\p{L}{5,}/gu) ?? [])))].slice(0, 50);
  if (words.length === 0) throw new Error('no words to search for in the newest meetings');
  return {
    front: ['/'],
    meeting: meetings.map((m) => `/meetings/${m.id}`),
    item: items,
    search: words.map((w) => `/search?q=${encodeURIComponent(w)}`),
    api: ['/api/meetings?limit=20', ...words.slice(0, 10).map((w) => `/api/search?q=${encodeURIComponent(w)}`)],
  };
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
let serial = 0;
/** A parameter no route reads: a page the cache has not seen. */
const uncached = (p: string) => `${p}${p.includes('?') ? '&' : '?'}bench=${++serial}`;

const figure = (r: { requests: { average: number }; latency: { p50: number; p99: number }; p95: number; non2xx: number; errors: number }) =>
  `${Math.round(r.requests.average).toLocaleString('en')} req/s · p50 ${r.latency.p50} / p95 ${Math.round(r.p95)} / p99 ${r.latency.p99} ms${r.non2xx + r.errors > 0 ? ` · ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`;

export async function pagesBench(ctx: BenchContext, target: BenchTarget): Promise<BenchFigures> {
  const driver = target.kind;
  const duration = seconds('REFERAT_BENCH_PAGES_SECONDS', 10);
  const connections = seconds('REFERAT_BENCH_PAGES_CONNECTIONS', 50);
  const loadSeconds = seconds('REFERAT_BENCH_LOAD_SECONDS', 60);
  ctx.log(`\n${driver}: pages — starting the server on ${target.kind === 'pglite' ? target.dataDir : target.url.replace(/\/\/[^@/]*@/, '//')}`);
  const opening = performance.now();
  const server = await startServer(ctx, target);
  const rows: BenchFigures['rows'] = [];
  const row = (label: string, value: string) => {
    rows.push({ label, [driver]: value });
    ctx.log(`${driver}: ${label}: ${value}`);
  };
  try {
    row('server start (open, migrate) to serving', `${((performance.now() - opening) / 1000).toFixed(1)} s, RSS ${memoryOf(server.child.pid!)?.rss.toFixed(0) ?? '?'} MB`);
    const paths = await pathsOf(server.url);
    for (const [name, list] of Object.entries(paths)) {
      const hot = list[0]!;
      await fetch(`${server.url}${hot}`).then((r) => r.arrayBuffer()); // the cache's first render
      const cached = await cannon({ url: server.url, connections, duration, requests: [{ method: 'GET', path: hot }] });
      row(`${name} (cached: ${hot})`, figure(cached));
      const fresh = await cannon({ url: server.url, connections, duration, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: uncached(pick(list)) }) }] });
      row(`${name} (uncached, ${list.length} addresses)`, figure(fresh));
    }

    // The load test's run: 100 clients, meeting and search pages, as the cache and the queue meet them.
    const searches = paths.search.flatMap((s) => [s, ...[2019, 2020, 2021, 2022, 2023].map((y) => `${s}&year=${y}`)]);
    const statuses = new Map<number, number>();
    const onResponse = (status: number) => void statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const sampler = sampleMemory(server.child.pid!);
    const load = await cannon({
      url: server.url,
      connections: 100,
      duration: loadSeconds,
      timeout: 20,
      requests: [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: pick(paths.meeting) }), onResponse },
        { method: 'GET', setupRequest: (req) => ({ ...req, path: pick(searches) }), onResponse },
      ],
    });
    const peakDuringLoad = sampler.stop();
    row(
      `load: 100 clients × ${loadSeconds} s, meeting + search`,
      `${figure(load)} · statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')} · ${load.timeouts} timeouts · RSS peak ${peakDuringLoad.toFixed(0)} MB`,
    );
    row('server peak RSS (VmHWM, start included)', `${memoryOf(server.child.pid!)?.peak.toFixed(0) ?? '?'} MB`);
  } finally {
    await stopServer(server);
  }
  return { part: 'pages', rows };
}
