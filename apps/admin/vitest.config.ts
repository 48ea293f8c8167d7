import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

const require = createRequire(import.meta.url);
// One copy of graphql for every importer, or graphql-js throws "another module or realm".
const graphqlDir = dirname(require.resolve('graphql/package.json'));

export default mergeConfig(
  viteConfig,
  defineConfig({
    resolve: { alias: { graphql: graphqlDir } },
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
      restoreMocks: true,
      // One module graph and one happy-dom window per worker, not per file: importing React, Mantine and the
      // catalogues again and building a new window for each of ~60 files cost about as much CPU as the tests
      // themselves. src/test/setup.ts resets what a file could leave behind (storage, the document).
      isolate: false,
      // Above the 8 s wait for an element (src/test/setup.ts), so a slow wait fails as an assertion; both
      // generous because CI shares two cores with whatever else the machine runs.
      testTimeout: 30_000,
    },
  }),
);
