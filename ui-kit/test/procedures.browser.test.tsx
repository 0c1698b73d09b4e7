import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createInMemoryEffects, InMemoryLicenseStore } from '../../machines/index.ts';
import { TestSkin } from './TestSkin.tsx';

const SERIAL = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';
const BLOCKED_SERIAL = 'Qw8rTy-Ui9oPa-Sd7fGh-Jk6lZx-Cv5bNm';

async function start(workflowId: string) {
  const store = new InMemoryLicenseStore();
  const screen = await render(<TestSkin options={{ effects: createInMemoryEffects(store), workflowId }} />);
  return { store, screen };
}

const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });

/** The order the procedure created, as the in-memory store holds it. */
function createdOrder(store: InMemoryLicenseStore, number: number) {
  const order = store.data.orders.find((o) => o.number === number);
  if (!order) throw new Error(`No order ${number} in the store`);
  return order;
}

async function reviewAndSubmit() {
  await button('Review order').click();
  await expect.element(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await button('Submit Order').click();
  await expect.element(page.getByRole('status').filter({ hasText: 'submitted' })).toHaveTextContent('Order 1009 submitted');
}

describe('the five procedures, local mode with in-memory effects', () => {
  test('by serial number: search, Update in the row, period dates, CRM ID, changed terms, an added product, submit', async () => {
    const { store } = await start('wf-serial');
    await button('By serial number').click();
    await page.getByRole('textbox', { name: 'Serial number' }).fill(SERIAL);
    await userEvent.keyboard('{Enter}');
    const row = page.getByRole('row', { name: new RegExp(SERIAL) });
    await expect.element(row).toHaveAttribute('aria-selected', 'true');
    await row.getByRole('button', { name: 'Update' }).click();

    await expect.element(page.getByRole('heading', { name: 'License Update' })).toBeVisible();
    const unlimited = page.getByRole('switch', { name: 'Unlimited' });
    await expect.element(unlimited).toHaveAttribute('aria-checked', 'true');
    await unlimited.click();
    await expect.element(unlimited).toHaveAttribute('aria-checked', 'false');
    await page.getByLabelText('From').fill('2027-01-01');
    await page.getByLabelText('To', { exact: true }).fill('2099-12-31');
    await page.getByLabelText('CRM ID').fill('CRM-77');
    await page.getByLabelText('Comment').fill('Renewal with sync');

    await page.getByRole('listitem', { name: 'CAD Studio' }).getByRole('button', { name: 'Change license restrictions' }).click();
    await page.getByRole('group', { name: 'Rendering' }).getByLabelText('days').fill('730');
    await button('Back to order').click();
    await button('Add product').click();
    await button('Add Cloud Sync').click();
    await expect.element(page.getByRole('heading', { name: 'Cloud Sync' })).toBeVisible();
    await button('Back to order').click();

    await reviewAndSubmit();
    const order = createdOrder(store, 1009);
    expect(order).toMatchObject({ status: 'done', type: 'update', serialId: 'ser-nw-1', crmId: 'CRM-77', comment: 'Renewal with sync', addOnMode: true });
    expect(order.obtainingPeriod).toEqual({ unlimited: false, from: '2027-01-01', to: '2099-12-31' });
    const cad = order.lines.find((l) => l.productId === 'prd-cad-studio');
    expect(cad?.features.find((f) => f.featureId === 'fea-cad-render')?.terms).toEqual({ model: 'subscription', days: 730 });
    expect(order.lines.map((l) => l.productId)).toContain('prd-cloud-sync');
  });

  test('by order with one serial: the order page leads straight to the form', async () => {
    const { store } = await start('wf-order-one');
    await button('By order').click();
    await button('Open order 1003').click();
    await expect.element(page.getByRole('heading', { name: 'Order 1003' })).toBeVisible();
    await button('Update License').click();
    await expect.element(page.getByText('Serial Zx9Cv8-Bn7Mm6-As5Df4-Gh3Jk2-Lq1Wp0')).toBeVisible();
    await reviewAndSubmit();
    expect(createdOrder(store, 1009)).toMatchObject({ status: 'done', serialId: 'ser-al-1', customerId: 'cus-lovelace' });
  });

  test('by order with several serials: pick one, replace the license, see what it removes', async () => {
    const { store } = await start('wf-order-many');
    await button('By order').click();
    await button('Open order 1002').click();
    await button('Update License').click();
    const row = page.getByRole('row', { name: /Mn3bVc-Xz2aSd/ });
    await row.click();
    await expect.element(row).toHaveAttribute('aria-selected', 'true');
    await row.getByRole('button', { name: 'Update' }).click();

    const addOn = page.getByRole('switch', { name: 'Add-on Mode' });
    await addOn.click();
    await expect.element(addOn).toHaveAttribute('aria-checked', 'false');
    await expect.element(addOn).toHaveAccessibleDescription('The order replaces the license');
    await page.getByRole('listitem', { name: 'CAD Studio' }).getByRole('button', { name: 'Change license restrictions' }).click();
    await page.getByRole('group', { name: 'Rendering' }).getByLabelText('Exclude').click();
    await expect.element(page.getByRole('group', { name: 'Rendering' })).toHaveAttribute('data-state', 'excluded');
    await button('Back to order').click();

    await button('Review order').click();
    await expect.element(page.getByRole('list', { name: 'Removed from the serial' })).toHaveTextContent('CAD Studio: Rendering');
    await button('Submit Order').click();
    await expect.element(page.getByRole('status').filter({ hasText: 'submitted' })).toHaveTextContent('Order 1009 submitted');
    const order = createdOrder(store, 1009);
    expect(order).toMatchObject({ status: 'done', serialId: 'ser-co-1', addOnMode: false });
    expect(order.lines[0]?.features.find((f) => f.featureId === 'fea-cad-render')?.excluded).toBe(true);
  });

  test('by customer, serials tab: search the serial, Update, then Update on the License Update page', async () => {
    const { store } = await start('wf-customer-serials');
    await button('By customer').click();
    await button('Open Northwind Traders').click();
    const serialsTab = page.getByRole('tab', { name: 'Serial Numbers and Hardware Keys (dongles)' });
    await expect.element(serialsTab).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tabpanel').getByRole('textbox', { name: 'Serial number' }).fill(SERIAL);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('row', { name: new RegExp(BLOCKED_SERIAL) })).not.toBeInTheDocument();
    await page.getByRole('row', { name: new RegExp(SERIAL) }).getByRole('button', { name: 'Update' }).click();
    await expect.element(page.getByRole('heading', { name: 'License Update' })).toBeVisible();
    await page.getByRole('row', { name: new RegExp(SERIAL) }).getByRole('button', { name: 'Update' }).click();
    await page.getByLabelText('CRM ID').fill('CRM-NW');
    await reviewAndSubmit();
    expect(createdOrder(store, 1009)).toMatchObject({ status: 'done', serialId: 'ser-nw-1', crmId: 'CRM-NW' });
  });

  test('by customer, orders tab: the order, then Update License', async () => {
    const { store } = await start('wf-customer-orders');
    await button('By customer').click();
    await button('Open Ada Lovelace').click();
    const ordersTab = page.getByRole('tab', { name: 'Orders' });
    await ordersTab.click();
    await expect.element(ordersTab).toHaveAttribute('aria-selected', 'true');
    await button('Open order 1003').click();
    await button('Update License').click();
    await expect.element(page.getByRole('heading', { name: 'License Update' })).toBeVisible();
    await reviewAndSubmit();
    expect(createdOrder(store, 1009)).toMatchObject({ status: 'done', serialId: 'ser-al-1' });
  });

  test('a blocked serial: Update is marked disabled and clicking it explains the refusal', async () => {
    const { store } = await start('wf-blocked');
    await button('By serial number').click();
    await page.getByRole('textbox', { name: 'Serial number' }).fill(BLOCKED_SERIAL);
    await button('Search').click();
    const update = page.getByRole('row', { name: new RegExp(BLOCKED_SERIAL) }).getByRole('button', { name: 'Update' });
    await expect.element(update).toHaveAttribute('aria-disabled', 'true');
    // aria-disabled keeps the button clickable for people; Playwright's actionability check needs force.
    await update.click({ force: true });
    await expect.element(page.getByRole('status', { name: 'Refusal' })).toHaveTextContent('This serial number is blocked and cannot receive updates');
    expect(store.data.orders.some((o) => o.number === 1009)).toBe(false);
  });
});
