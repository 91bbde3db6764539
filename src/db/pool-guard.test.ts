/** The bounded request queue in front of the database: at most N at a time, a bounded wait, refusals that say when to retry. */
import { describe, expect, it } from 'vitest';
import { createRequestQueue } from './pool-guard.js';
import { DatabaseBusyError, isDatabaseUnavailable } from './unavailable.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the request queue', () => {
  it('runs at most `concurrency` tasks at once, the waiting ones in arrival order', async () => {
    const queue = createRequestQueue({ concurrency: 2, maxQueued: 10, maxWaitMs: 5000 });
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await tick();
      order.push(n);
      active--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => queue.run(task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5, 6]);
    expect([queue.running, queue.queued, queue.refused]).toEqual([0, 0, 0]);
  });

  it('refuses at once when the queue is full, and after maxWaitMs of waiting, with a Retry-After', async () => {
    const queue = createRequestQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 50 });
    let open!: () => void;
    const running = queue.run(() => new Promise<void>((resolve) => (open = resolve)));
    const waiting = queue.run(async () => 'late');
    const full = await queue.run(async () => 'never').catch((e: unknown) => e);
    expect(full).toBeInstanceOf(DatabaseBusyError);
    expect((full as DatabaseBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(isDatabaseUnavailable(full)).toBe(true);
    expect(await waiting.catch((e: unknown) => e)).toBeInstanceOf(DatabaseBusyError); // waited 50 ms
    expect(queue.queued).toBe(0);
    open();
    await running;
    expect(await queue.run(async () => 'again')).toBe('again');
    expect(queue.refused).toBe(2);
  });

  it('refuses at once a request that would, at the recent pace, wait longer than maxWaitMs behind others', async () => {
    const queue = createRequestQueue({ concurrency: 1, maxQueued: 10, maxWaitMs: 100, initialServiceMs: 40 });
    let open!: () => void;
    const running = queue.run(() => new Promise<void>((resolve) => (open = resolve)));
    const first = queue.run(async () => 'first'); // expected wait 40 ms
    const second = queue.run(async () => 'second'); // 80 ms
    const started = performance.now();
    const third = await queue.run(async () => 'third').catch((e: unknown) => e); // 120 ms > 100: refused now
    expect(third).toBeInstanceOf(DatabaseBusyError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(queue.queued).toBe(2);
    open();
    await running;
    expect([await first, await second]).toEqual(['first', 'second']);
    expect(queue.refused).toBe(1);
  });

  it('frees its place when a task fails', async () => {
    const queue = createRequestQueue({ concurrency: 1, maxQueued: 0, maxWaitMs: 50 });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
