/**
 * @module autocannon (which ships no types) as far as the pages bench and the load test use it,
 * and the server's memory as /proc tells it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Called before each request: return it with the path (and headers) to send. */
  setupRequest?: (request: CannonRequest, context: object) => CannonRequest;
  onResponse?: (status: number, body: string, context: object, headers: Record<string, string | string[]>) => void;
}

export interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  requests?: CannonRequest[];
}

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface CannonResult {
  requests: Histogram & { total: number };
  latency: Histogram & { p97_5: number };
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface Instance extends PromiseLike<CannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: CannonOptions) => Instance;

/** Runs autocannon; `p95` (which it does not report) comes from every response's time. */
export async function cannon(options: CannonOptions): Promise<CannonResult & { p95: number }> {
  const instance = autocannon(options);
  const times: number[] = [];
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  return { ...result, p95: times.length ? times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]! : NaN };
}

/** A process's resident memory and its peak so far in MB (Linux /proc), or null where there is none. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples a process's resident memory every half second until stopped; the highest seen. */
export function sampleMemory(pid: number): { stop(): number } {
  let highest = memoryOf(pid)?.rss ?? 0;
  const timer = setInterval(() => {
    highest = Math.max(highest, memoryOf(pid)?.rss ?? 0);
  }, 500);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(highest, memoryOf(pid)?.rss ?? 0);
    },
  };
}
