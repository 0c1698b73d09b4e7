import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The reference app imports the kit by its public names, as a host app would.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      'license-update-kit/react': fileURLToPath(new URL('../ui-kit/index.ts', import.meta.url)),
      'license-update-kit/machines': fileURLToPath(new URL('../machines/index.ts', import.meta.url)),
    },
  },
  // zod, xstate, immer and React make one ~460 kB chunk (~135 kB gzipped): an operator tool, loaded once.
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  logLevel: 'warn',
});
