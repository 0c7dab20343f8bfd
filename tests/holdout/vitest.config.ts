import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

// The holdout pages run on their own (not in `npm test`): they are the outside check, and are
// expected to fail where the adapters miss a layout. Same plugins and setup as the unit tests.
export default defineConfig({
  ...base,
  root: resolve(import.meta.dirname, '../..'),
  test: { ...base.test, include: ['tests/holdout/**/*.test.ts'] },
});
