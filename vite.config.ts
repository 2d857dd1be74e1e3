/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precomputedPalettes } from './scripts/vite/precomputedPalettes.ts';
import { compiledMessages } from './scripts/vite/compiledMessages.ts';

export default defineConfig({
  plugins: [react(), precomputedPalettes(), compiledMessages()],
  // Relative asset URLs, so the built site works from any folder of any static host.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // Everything the first map needs in one file: fewer requests, and one gzip stream compresses better than several.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          // Every entry of the catalogue, the later themes' too (the app loads those when first used).
          setupFiles: ['tests/setupCatalogue.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Headless Chromium against the site built from the real data (see tests/browser/globalSetup.ts).
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/globalSetup.ts'],
          // The tests read the catalogue in Node too: all of it, as the unit tests do.
          setupFiles: ['tests/setupCatalogue.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
          // Software WebGL on a small machine is slow; waiting longer costs nothing when things are quick.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
