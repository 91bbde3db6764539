import { defineConfig } from 'vitest/config';

// Files that measure time, throughput or memory of their own process run alone, after the rest:
// beside another file they would measure that file too.
const alone = ['test/load.test.ts', 'test/fuzz/import.test.ts'];
const settings = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...settings,
          name: 'parallel',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: alone,
          // vitest's default is cores − 1: one worker on a 2-core machine, which left one core
          // idle while a file waited on its database or its browser.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      { test: { ...settings, name: 'alone', include: alone, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
