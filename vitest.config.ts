import { defineConfig } from 'vitest/config';

export default defineConfig({
  // the CLI tests spawn processes; two cores are shared between test files and those processes
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // native modules (better-sqlite3) are safest in child processes
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
