import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (apps/api) listens on :4000 in development and serves the built admin in production.
const api = 'http://localhost:4000';

/** The chart library's packages (and recharts' own dependencies), kept out of the eager vendor chunk. */
const CHART_PACKAGES = [
  '@mantine[\\\\/]charts',
  'recharts',
  'd3-[a-z-]+',
  'victory-vendor',
  'internmap',
  'decimal.js-light',
  'es-toolkit',
  'eventemitter3',
  'immer',
  'reselect',
  'redux',
  'redux-thunk',
  '@reduxjs[\\\\/]toolkit',
  'react-redux',
  'tiny-invariant',
].join('|');

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Vendors change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui|react-remove-scroll|react-number-format|clsx)/,
              priority: 20,
            },
            // Not the chart library (@mantine/charts, recharts and what only they use): components/Chart.tsx
            // imports it lazily, so it stays in its own chunk, loaded by the pages that draw a chart.
            { name: 'vendor', test: new RegExp(`node_modules[\\\\/](?!(${CHART_PACKAGES})[\\\\/])`), priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
      // The upload route of the import (the admin's one REST call besides GraphQL).
      '/api': { target: api, changeOrigin: false },
    },
  },
});
