import { describe, expect, it } from 'vitest';
import { ndcgAt, overlapAt } from './search-quality.js';

describe('ranking quality measures', () => {
  it('overlap@k counts shared ids of the two top k', () => {
    expect(overlapAt(3, [1, 2, 3, 4], [3, 2, 9, 1])).toBeCloseTo(2 / 3);
    expect(overlapAt(20, [], [])).toBe(1);
    expect(overlapAt(20, [1], [])).toBe(0);
    expect(overlapAt(2, [5, 6], [5])).toBe(1);
  });

  it('nDCG@k is 1 for the ideal order and less for a worse one', () => {
    const gains = new Map([[1, 3], [2, 2], [3, 1]]);
    expect(ndcgAt(3, [1, 2, 3], gains, [3, 2, 1])).toBeCloseTo(1);
    const swapped = ndcgAt(3, [3, 2, 1], gains, [3, 2, 1]);
    expect(swapped).toBeLessThan(1);
    expect(swapped).toBeGreaterThan(0);
    expect(ndcgAt(3, [7, 8], gains, [3, 2, 1])).toBe(0);
  });
});
