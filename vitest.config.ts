import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { reserveServicePort } from './ui-kit/test/serviceSetup.ts';

// System Chromium (Debian package); scripts/ensure-chromium.sh installs it on CI.
// Never let playwright download its own browsers.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  test: {
    // Whole-run behaviour: `vitest run` fails when NO test file matches in ANY
    // project; see the note in the report / scripts/test.sh.
    passWithNoTests: false,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['scripts/fastCheckSeed.ts'],
          include: ['machines/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', '**/*.browser.test.*'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        // One pre-bundled copy of React for the tests and the hooks (a late-discovered dep would bring a second one).
        optimizeDeps: {
          include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime', 'react/jsx-runtime', '@xstate/react', 'xstate', 'zod', 'immer', 'vitest-browser-react'],
        },
        resolve: { dedupe: ['react', 'react-dom'] },
        // Remote-mode tests call `/api` on the page's origin; the service (spawned by the globalSetup) answers.
        server: { proxy: { '/api': { target: `http://127.0.0.1:${reserveServicePort()}`, changeOrigin: true } } },
        test: {
          name: 'browser',
          globalSetup: ['ui-kit/test/serviceSetup.ts'],
          include: ['ui-kit/**/*.browser.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          // A failing `expect.element(...)` retries until the test's remaining
          // time runs out, so keep this moderate: failures cost testTimeout each.
          testTimeout: 15_000,
          hookTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                  '--disable-quic',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
