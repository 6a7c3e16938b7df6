import { defineConfig } from 'vitest/config';

/**
 * Unit tests (pure code in shared/) and integration tests (services on real,
 * encrypted SQLite files in temp folders). Playwright runs tests/e2e apart.
 * The build machines have two cores: two forked workers, generous timeouts
 * because every first run hashes a password with scrypt (~100 ms).
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/province/**/*.test.ts', 'tests/drills/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
