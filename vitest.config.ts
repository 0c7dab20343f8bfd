import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5's reporter calls Map.groupBy (Node 21+) when it prints a failure; this machine runs
// Node 20, so give it one rather than lose the failure report.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    // The vault derives keys with PBKDF2 at 600,000 iterations on purpose; several derivations in
    // one test take a few seconds on a busy 2-core machine, past Vitest's default of 5 s.
    testTimeout: 30_000,
    // Vitest runs one worker on a 2-core machine (cores - 1): the unit run then took 4¾ minutes
    // on one core while the other idled. Two keep both busy (the main process only reports).
    maxWorkers: 2,
  },
});
