/** @module The fuzzer's random source: one seeded stream per input, so input N of seed S is always the same. */
export { Rng } from '../fixtures/random.js';

/** The seed of input `index` of a run seeded `seed`. */
export function inputSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}
