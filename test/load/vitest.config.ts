import { defineConfig } from 'vitest/config';

// `npm run test:load`: the bounded load test, apart from `npm test` (its files do not end in `.test.ts`).
export default defineConfig({
  test: {
    include: ['test/load/**/*.load.ts'],
    testTimeout: 180_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
