/**
 * @module Worker threads that import fuzz inputs one at a time each, under a time bound: an input
 * that runs past it is a hang (its worker is stopped and replaced), a worker that dies — an
 * uncaught exception, a rejection no one handles, a heap past its limit — is a crash of the input
 * it held. Workers are not recycled otherwise, so memory that grows from input to input shows.
 */
import { Worker } from 'node:worker_threads';
import type { Job, Reply } from './worker.js';

export type Outcome = Reply | { id: number; hang: true; ms: number } | { id: number; died: string; ms: number };

/** A worker's stack about the size of the main thread's (Node's default ~1 MB), so a recursion that would overflow there overflows here. */
const LIMITS = { maxOldGenerationSizeMb: 1536, stackSizeMb: 1 };

interface Slot {
  worker: Worker;
  job: { id: number; resolve: (o: Outcome) => void; timer: NodeJS.Timeout; start: number } | null;
}

export class FuzzPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  /** Workers started (the first ones and every replacement). */
  started = 0;

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.add();
  }

  private add(): void {
    const slot: Slot = { worker: new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: LIMITS }), job: null };
    this.started++;
    slot.worker.on('message', (reply: Reply) => {
      if (slot.job?.id === reply.id) this.finish(slot, reply);
    });
    slot.worker.on('error', (error) => this.lose(slot, `${error.name}: ${error.message}`));
    slot.worker.on('exit', (code) => this.lose(slot, `the worker exited (code ${code})`));
    this.slots.push(slot);
    this.release(slot);
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private finish(slot: Slot, outcome: Outcome): void {
    const job = slot.job!;
    clearTimeout(job.timer);
    slot.job = null;
    job.resolve(outcome);
    this.release(slot);
  }

  /** Replaces a slot's worker; the input it held gets `outcome`. */
  private lose(slot: Slot, why: string, hang = false): void {
    if (!this.slots.includes(slot)) return;
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    const job = slot.job;
    if (job) {
      clearTimeout(job.timer);
      const ms = performance.now() - job.start;
      job.resolve(hang ? { id: job.id, hang: true, ms } : { id: job.id, died: why, ms });
    }
    if (!this.closed) this.add();
  }

  /** Imports one input on the next free worker (within the pool's time bound unless told another). */
  async run(job: Job, timeoutMs = this.timeoutMs): Promise<Outcome> {
    const slot = this.idle.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => this.lose(slot, 'time bound', true), timeoutMs);
      slot.job = { id: job.id, resolve, timer, start: performance.now() };
      // A copy: the input stays with the caller to be saved or stored.
      slot.worker.postMessage({ ...job, bytes: new Uint8Array(job.bytes) });
    });
  }

  private closed = false;

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.slots];
    this.slots.length = 0;
    for (const s of all) {
      s.worker.removeAllListeners();
      s.worker.on('error', () => undefined);
    }
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}
