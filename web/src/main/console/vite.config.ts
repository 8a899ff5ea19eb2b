import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative URLs: the server sets <base href> to wherever the WAR is deployed (ConsolePage), so the
// same build works at "/" and under a test server's context path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../../target/console',
    emptyOutDir: true,
    // No inline modulepreload polyfill or inline assets: the CSP allows no inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
