import { expect, it } from 'vitest';
import type { License, OrderLine } from '../machines/index.ts';
import { TEST_NOW, TODAY, WorkflowClient, describeEachDatabase, type Suite } from './test/harness.ts';

// The five ways of DOMAIN.md, end to end over HTTP: each ends in a done order whose lines are what was
// entered, and obtaining it gives the serial the merged (add-on on) or replaced (add-on off) license.

/** Submits the reviewed order and checks the done order against what the form held. */
async function submitAndCheck(suite: Suite, wf: WorkflowClient, serialId: string) {
  expect(wf.view.state).toBe('review');
  const entered: OrderLine[] = wf.context.draft.lines;
  const { addOnMode, obtainingPeriod, crmId, comment } = wf.context.draft;
  const view = await wf.send({ type: 'order.submit' });
  expect(view.status).toBe('submitted');
  expect(view.state).toBe('submitted');
  expect(view.nextEvents).toEqual([]);
  const order = view.order!;
  expect(order).toMatchObject({ type: 'update', status: 'done', serialId, addOnMode, obtainingPeriod, crmId, comment, submittedAt: TEST_NOW.toISOString(), appliedAt: null });
  expect(order.lines).toEqual(entered);
  expect(order.number).toBeGreaterThan(1008);
  expect(wf.context.submittedOrder).toMatchObject({ id: order.id, number: order.number, status: 'done' });

  const stored = await suite.http.get(`/api/orders/${order.id}`);
  expect(stored.status).toBe(200);
  expect(stored.body).toEqual(order);
  const serial = await suite.http.get(`/api/serials/${serialId}`);
  expect(serial.body.history.at(-1)).toMatchObject({ kind: 'orderApplied', orderId: order.id });
  return order;
}

async function obtain(suite: Suite, serialId: string, orderId: string): Promise<License> {
  const reply = await suite.http.post(`/api/serials/${serialId}/obtain`);
  expect(reply.status).toBe(200);
  expect(reply.body.applied).toEqual([orderId]);
  const license = await suite.http.get(`/api/serials/${serialId}/license`);
  expect(license.body.license).toEqual(reply.body.license);
  const again = await suite.http.post(`/api/serials/${serialId}/obtain`);
  expect(again.body.applied).toEqual([]);
  expect(again.body.license).toEqual(reply.body.license);
  const history = (await suite.http.get(`/api/serials/${serialId}`)).body.history;
  expect(history.filter((e: { kind: string; orderId: string }) => e.kind === 'updateObtained' && e.orderId === orderId)).toHaveLength(1);
  return reply.body.license;
}

describeEachDatabase('the five procedures', (suite) => {
  it('by serial number: paste, search, Update, change a feature, add a product, submit; obtain merges (add-on on)', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    expect(wf.view.state).toEqual({ serialDefinition: 'editing' });
    await wf.send({ type: 'serial.input', text: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP' }, { type: 'serial.search' });
    expect(wf.view.state).toEqual({ serialDefinition: 'results' });
    expect(wf.context.serialResults.map((s: { id: string }) => s.id)).toEqual(['ser-nw-1']);
    await wf.send({ type: 'serial.update' });
    expect(wf.view.state).toEqual({ orderForm: 'editing' });
    expect(wf.context.draft.lines.map((l: OrderLine) => l.productId)).toEqual(['prd-cad-studio', 'prd-analytics']);

    await wf.send(
      { type: 'line.changeRestrictions', lineId: 'prd-cad-studio' },
      { type: 'feature.setTerms', featureId: 'fea-cad-render', terms: { model: 'subscription', days: 730 } },
      { type: 'order.back' },
      { type: 'product.add' },
    );
    expect(wf.view.state).toEqual({ orderForm: { productPicker: 'choosing' } });
    await wf.send({ type: 'product.pick', productId: 'prd-cloud-sync' }, { type: 'order.back' }, { type: 'crmId.change', value: 'CRM-U-1' }, { type: 'order.review' });
    const order = await submitAndCheck(suite(), wf, 'ser-nw-1');
    expect(order.lines.map((l) => [l.productId, l.origin])).toEqual([['prd-cad-studio', 'license'], ['prd-analytics', 'license'], ['prd-cloud-sync', 'added']]);

    const license = await obtain(suite(), 'ser-nw-1', order.id);
    expect(license).toEqual({
      lines: [
        {
          productId: 'prd-cad-studio',
          features: [
            { featureId: 'fea-cad-core', terms: { model: 'perpetual' } },
            { featureId: 'fea-cad-render', terms: { model: 'subscription', days: 730 } },
            { featureId: 'fea-cad-network', terms: { model: 'perpetual', networkSeats: 5, consumption: 'workstation', vmForbidden: true } },
          ],
        },
        {
          productId: 'prd-analytics',
          features: [
            { featureId: 'fea-an-reports', terms: { model: 'rental', from: '2026-01-01', to: '2027-12-31' } },
            { featureId: 'fea-an-export', terms: { model: 'launches', count: 100 } },
          ],
        },
        {
          productId: 'prd-cloud-sync',
          features: [
            { featureId: 'fea-sync', terms: { model: 'subscription', days: 30, networkSeats: 0, consumption: 'login' } },
            { featureId: 'fea-backup', terms: { model: 'launches', count: 500 } },
          ],
        },
      ],
    });
  });

  it('by order number (one serial): open the order, Update License, replace the license (add-on off) within a period', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'order' }]);
    expect(wf.view.state).toEqual({ orderSelection: 'list' });
    await wf.send({ type: 'orders.search', query: '1003' });
    expect(wf.context.orders.map((o: { id: string }) => o.id)).toEqual(['ord-1003']);
    await wf.send({ type: 'order.open', orderId: 'ord-1003' });
    expect(wf.view.state).toEqual({ orderSelection: 'orderPage' });
    await wf.send({ type: 'order.updateLicense' });
    expect(wf.view.state).toEqual({ orderForm: 'editing' });
    expect(wf.context.serial.id).toBe('ser-al-1');

    await wf.send(
      { type: 'addOn.set', enabled: false },
      { type: 'period.setUnlimited', unlimited: false },
      { type: 'period.setDates', from: TODAY, to: '2027-06-30' },
      { type: 'line.changeRestrictions', lineId: 'prd-cloud-sync' },
      { type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 60, networkSeats: 0, consumption: 'login' } },
      { type: 'feature.exclude', featureId: 'fea-backup', excluded: true },
      { type: 'order.back' },
      { type: 'comment.change', value: 'Backup dropped' },
      { type: 'order.review' },
    );
    const order = await submitAndCheck(suite(), wf, 'ser-al-1');
    expect(order.obtainingPeriod).toEqual({ unlimited: false, from: TODAY, to: '2027-06-30' });

    const license = await obtain(suite(), 'ser-al-1', order.id);
    expect(license).toEqual({
      lines: [{ productId: 'prd-cloud-sync', features: [{ featureId: 'fea-sync', terms: { model: 'subscription', days: 60, networkSeats: 0, consumption: 'login' } }] }],
    });
  });

  it('by order number (several serials): pick the serial, Update; the cancelled update of that serial is never obtained', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'order' }, { type: 'order.open', orderId: 'ord-1002' }, { type: 'order.updateLicense' }]);
    expect(wf.view.state).toEqual({ orderSelection: 'pickingSerial' });
    expect(wf.context.order.serials.map((s: { id: string }) => s.id).sort()).toEqual(['ser-co-1', 'ser-co-2']);
    await wf.send({ type: 'serial.select', serialId: 'ser-co-1' }, { type: 'serial.update' });
    expect(wf.context.serial.id).toBe('ser-co-1');
    await wf.send(
      { type: 'line.changeRestrictions', lineId: 'prd-cad-studio' },
      { type: 'feature.setTerms', featureId: 'fea-cad-render', terms: { model: 'subscription', days: 365 } },
      { type: 'order.back' },
      { type: 'order.review' },
    );
    const order = await submitAndCheck(suite(), wf, 'ser-co-1');

    // ord-1008 (cancelled, add-on off, core only) would have removed Rendering: it must not apply.
    const license = await obtain(suite(), 'ser-co-1', order.id);
    expect(license).toEqual({
      lines: [
        {
          productId: 'prd-cad-studio',
          features: [
            { featureId: 'fea-cad-core', terms: { model: 'perpetual' } },
            { featureId: 'fea-cad-render', terms: { model: 'subscription', days: 365 } },
          ],
        },
      ],
    });
  });

  it('by customer, serials tab: type the serial, Enter, Update, License Update page, Update; add a product, replace (add-on off)', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'customer' }]);
    expect(wf.view.state).toEqual({ customerSelection: 'list' });
    await wf.send({ type: 'customers.search', query: 'contoso' });
    expect(wf.context.customers.map((c: { id: string }) => c.id)).toEqual(['cus-contoso']);
    await wf.send({ type: 'customer.open', customerId: 'cus-contoso' });
    expect(wf.view.state).toEqual({ customerSelection: { card: { serialsTab: 'idle' } } });
    await wf.send({ type: 'serial.input', text: 'Aa1Bb2-Cc3Dd4-Ee5Ff6-Gg7Hh8-Ii9Jj0' }, { type: 'serial.search' });
    expect(wf.context.serialResults.map((s: { id: string }) => s.id)).toEqual(['ser-co-2']);
    await wf.send({ type: 'serial.update', serialId: 'ser-co-2' });
    expect(wf.view.state).toEqual({ customerSelection: { card: { serialsTab: 'licenseUpdatePage' } } });
    await wf.send({ type: 'serial.update', serialId: 'ser-co-2' });
    expect(wf.view.state).toEqual({ orderForm: 'editing' });

    await wf.send(
      { type: 'product.add' },
      { type: 'product.pick', productId: 'prd-analytics' },
      { type: 'feature.exclude', featureId: 'fea-an-api', excluded: true },
      { type: 'order.back' },
      { type: 'addOn.set', enabled: false },
      { type: 'order.review' },
    );
    const order = await submitAndCheck(suite(), wf, 'ser-co-2');
    const license = await obtain(suite(), 'ser-co-2', order.id);
    expect(license).toEqual({
      lines: [
        { productId: 'prd-cad-studio', features: [{ featureId: 'fea-cad-core', terms: { model: 'perpetual' } }] },
        {
          productId: 'prd-analytics',
          features: [
            { featureId: 'fea-an-reports', terms: { model: 'rental', from: '2026-01-01', to: '2027-12-31' } },
            { featureId: 'fea-an-export', terms: { model: 'launches', count: 100 } },
          ],
        },
      ],
    });
  });

  it('by customer, orders tab: open the order, Update License; the archived product line stays untouched (add-on on)', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'customer' }, { type: 'customer.open', customerId: 'cus-hopper' }, { type: 'tab.select', tab: 'orders' }]);
    expect(wf.view.state).toEqual({ customerSelection: { card: { ordersTab: 'idle' } } });
    expect(wf.context.card.orders.map((o: { id: string }) => o.id)).toEqual(['ord-1004']);
    await wf.send({ type: 'order.open', orderId: 'ord-1004' });
    expect(wf.view.state).toEqual({ customerSelection: { card: { ordersTab: 'orderPage' } } });
    await wf.send({ type: 'order.updateLicense' });
    expect(wf.context.serial.id).toBe('ser-gh-1');
    await wf.send(
      { type: 'line.changeRestrictions', lineId: 'prd-cloud-sync' },
      { type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 90 } },
      { type: 'order.back' },
      { type: 'order.review' },
    );
    const order = await submitAndCheck(suite(), wf, 'ser-gh-1');
    const license = await obtain(suite(), 'ser-gh-1', order.id);
    expect(license).toEqual({
      lines: [
        { productId: 'prd-legacy-viewer', features: [{ featureId: 'fea-viewer', terms: { model: 'perpetual' } }] },
        { productId: 'prd-cloud-sync', features: [{ featureId: 'fea-sync', terms: { model: 'subscription', days: 90 } }] },
      ],
    });
  });
});
