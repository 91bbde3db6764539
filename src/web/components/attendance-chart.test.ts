/** Attendance per year: counts by status, newest year first, guests and undated meetings left out. */
import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../archive/types.js';
import { attendanceByYear } from './attendance-chart.js';

const at = (date: string | null, status: Attendance['status']) => ({ meeting: { date }, status }) as unknown as Attendance;

describe('attendanceByYear', () => {
  it('counts present, afbud and substitute per year', () => {
    expect(
      attendanceByYear([at('2020-06-17', 'present'), at('2020-09-09', 'afbud'), at('2023-06-21', 'present'), at('2021-01-01', 'guest'), at(null, 'present'), at('2023-02-01', 'substitute')]),
    ).toEqual([
      { year: 2023, present: 1, afbud: 0, substitute: 1 },
      { year: 2020, present: 1, afbud: 1, substitute: 0 },
    ]);
  });
});
