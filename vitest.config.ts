import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'triggers/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Worker threads and child `serve` processes are real; two cores, so keep the fan-out small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
