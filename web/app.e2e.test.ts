import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnService, type SpawnedService } from '../scripts/spawnService.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const SERIAL = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';

let service: SpawnedService;
let browser: Browser;

beforeAll(async () => {
  // The app the service serves is built from these sources now, as `npm start` builds it (production, not Vitest's NODE_ENV=test).
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  execFileSync(process.execPath, [vite, 'build', '--config', fileURLToPath(new URL('./vite.config.ts', import.meta.url))], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'pipe',
  });
  service = await spawnService();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${service.origin}${path}`, { headers: { authorization: 'Bearer demo-operator' } });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function openApp(): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${service.origin}/`);
  return page;
}

describe('the reference web app, served by the service', () => {
  test('by serial number to a done order, by accessible names only', async () => {
    const page = await openApp();
    await page.getByRole('button', { name: 'Update license' }).click();
    const serialField = page.getByLabel('Serial number');
    await serialField.fill(SERIAL);
    await serialField.press('Enter');
    const row = page.getByRole('row', { name: new RegExp(SERIAL) });
    await row.click();
    await row.getByRole('button', { name: 'Update' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'License Update', exact: true }).isVisible()).toBe(true);
    await page.getByRole('switch', { name: 'Unlimited' }).click();
    await page.getByLabel('From').fill('2026-12-01');
    await page.getByLabel('To').fill('2099-12-31');
    await page.getByLabel('CRM ID').fill('CRM-E2E-1');
    await page.getByLabel('Comment').fill('Renewal agreed by phone');
    await expect.poll(() => page.getByRole('switch', { name: 'Add-on Mode' }).getAttribute('aria-checked')).toBe('true');

    await page.getByRole('row', { name: /CAD Studio/ }).getByRole('button', { name: 'Change license restrictions' }).click();
    await page.getByRole('group', { name: /^Rendering/ }).getByLabel('Days').fill('730');
    await page.getByRole('button', { name: 'Back to order' }).click();

    await page.getByRole('button', { name: 'Add product' }).click();
    await page.getByRole('button', { name: 'Add Cloud Sync' }).click();
    await page.getByRole('button', { name: 'Back to order' }).click();

    await page.getByRole('button', { name: 'Review' }).click();
    const resulting = page.getByRole('table', { name: 'Resulting license' });
    await expect.poll(() => resulting.textContent()).toContain('730 days');
    expect(await resulting.textContent()).toContain('Cloud Sync');
    await page.getByRole('button', { name: 'Submit Order' }).click();

    const created = page.getByRole('heading', { name: /^Order \d+ created$/ });
    await created.waitFor();
    const number = Number(/Order (\d+) created/.exec((await created.textContent()) ?? '')![1]);

    const orders = await api<{ items: { id: string; number: number; status: string; crmId: string }[] }>(`/api/orders?query=${number}`);
    const order = orders.items.find((o) => o.number === number);
    expect(order).toMatchObject({ status: 'done', crmId: 'CRM-E2E-1' });
    const detail = await api<{ comment: string; addOnMode: boolean; obtainingPeriod: unknown; lines: { productId: string; features: { featureId: string; terms: { days?: number } }[] }[] }>(`/api/orders/${order!.id}`);
    expect(detail.comment).toBe('Renewal agreed by phone');
    expect(detail.obtainingPeriod).toEqual({ unlimited: false, from: '2026-12-01', to: '2099-12-31' });
    expect(detail.lines.map((l) => l.productId).sort()).toEqual(['prd-analytics', 'prd-cad-studio', 'prd-cloud-sync']);
    const rendering = detail.lines.find((l) => l.productId === 'prd-cad-studio')!.features.find((f) => f.featureId === 'fea-cad-render');
    expect(rendering?.terms.days).toBe(730);
    await page.close();
  });

  test('needs no key typed in demo mode, and shows the customer card tabs by their names', async () => {
    const page = await openApp();
    await page.getByRole('button', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'Northwind Traders' }).click();
    await page.getByRole('tab', { name: 'Serial Numbers and Hardware Keys (dongles)' }).waitFor();
    await page.getByRole('tab', { name: 'Orders' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Orders' }).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });
});
