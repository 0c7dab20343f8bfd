import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension (.output/chrome-mv3) into real Chromium and serve
// the site replicas at the sites' real addresses. Nothing reaches the network.
export default defineConfig({
  testDir: 'tests/e2e',
  // A whole journey's budget on a loaded 2-core machine, where the longer ones (a dozen replicas,
  // every view) ran past 45 s; each step still fails on its own after expect's 8 s.
  timeout: 90_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
});
