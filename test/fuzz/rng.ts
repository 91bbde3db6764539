/** @module The fuzzer's random source: one seeded stream per input, so input N of seed S is always the same. */
import { seededRandom } from '../fixtures/random.js';

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A size spread over orders of magnitude up to `max`: small ones often, large ones sometimes. */
  size(max: number): number {
    return this.chance(0.02) ? max : Math.floor(Math.exp(this.next() * Math.log(max + 1))) - 1;
  }
  /** A 32-bit seed for a nested generator. */
  seed(): number {
    return Math.floor(this.next() * 2 ** 32) >>> 0;
  }
}

/** The seed of input `index` of a run seeded `seed`. */
export function inputSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}
