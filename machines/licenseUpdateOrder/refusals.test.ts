import { createActor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../domain/index.ts';
import { demoTenant } from '../runtime/index.ts';
import { startWorkflow, type Workflow } from '../testing/workflow.ts';
import { explainRefusal } from './explainRefusal.ts';
import { licenseUpdateOrderMachine } from './licenseUpdateOrder.machine.ts';
import { migrateSnapshot, persistSnapshot } from './persistence.ts';
import { selectCanReview, selectCanSubmit, selectPickableProducts } from './selectors.ts';
import type { LicenseUpdateOrderEvent } from './types.ts';

const TODAY = '2026-12-01';
const NW1 = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';
const NW2_BLOCKED = 'Qw8rTy-Ui9oPa-Sd7fGh-Jk6lZx-Cv5bNm';

let workflow: Workflow;
afterEach(() => workflow?.stop());

/** A refusal: `can` says no, explainRefusal says why, and sending it changes nothing at all. */
function expectRefused(w: Workflow, event: LicenseUpdateOrderEvent, kind: 'malformed' | 'notAccepted' | 'guard', message: string | RegExp) {
  const before = w.snapshot();
  expect(before.can(event)).toBe(false);
  const refusal = w.explain(event);
  expect(refusal?.kind).toBe(kind);
  expect(refusal?.message).toMatch(message);
  w.actor.send(event);
  const after = w.snapshot();
  expect(after.value).toEqual(before.value);
  expect(after.context).toBe(before.context);
}

async function openForm(w: Workflow, text = NW1) {
  await w.send({ type: 'way.select', way: 'serial' });
  await w.send({ type: 'serial.input', text });
  await w.send({ type: 'serial.search' });
  await w.send({ type: 'serial.update' });
  expect(w.state()).toBe('orderForm.editing');
}

describe('serial number refusals', () => {
  it('a blocked serial: selecting it fills errors.serial, Update is refused', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    await w.send({ type: 'serial.input', text: `${NW1} ${NW2_BLOCKED}` });
    await w.send({ type: 'serial.search' });
    expect(w.snapshot().context.serialResults.map((s) => [s.id, s.status])).toEqual([
      ['ser-nw-1', 'active'],
      ['ser-nw-2', 'blocked'],
    ]);
    expectRefused(w, { type: 'serial.update' }, 'guard', 'Select a serial number first');
    await w.send({ type: 'serial.select', serialId: 'ser-nw-2' });
    expect(w.snapshot().context.errors).toEqual({ serial: MESSAGES.serialBlocked });
    expectRefused(w, { type: 'serial.update' }, 'guard', MESSAGES.serialBlocked);
    expectRefused(w, { type: 'serial.update', serialId: 'ser-nw-2' }, 'guard', MESSAGES.serialBlocked);
    // Choosing the active row clears the error and lets Update through.
    await w.send({ type: 'serial.select', serialId: 'ser-nw-1' });
    expect(w.snapshot().context.errors).toEqual({});
    expect(w.snapshot().can({ type: 'serial.update' })).toBe(true);
  });

  it('a blocked serial found alone is shown with its error and cannot be updated from the customer card either', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'customer' });
    await w.send({ type: 'customer.open', customerId: 'cus-northwind' });
    await w.send({ type: 'serial.input', text: NW2_BLOCKED });
    await w.send({ type: 'serial.search' });
    expect(w.snapshot().context.errors).toEqual({ serial: MESSAGES.serialBlocked });
    expectRefused(w, { type: 'serial.update', serialId: 'ser-nw-2' }, 'guard', MESSAGES.serialBlocked);
  });

  it('a malformed serial: typing it fills errors.serial, the search is refused', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    await w.send({ type: 'serial.input', text: 'LvHdHH-Ux1VmY' });
    expect(w.snapshot().context.errors).toEqual({ serial: 'Not a serial number: LvHdHH-Ux1VmY' });
    expectRefused(w, { type: 'serial.search' }, 'guard', 'Type at least one well-formed serial number');
  });

  it('a serial nobody has: the search answers “not found” and the operator stays on the field', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    await w.send({ type: 'serial.input', text: 'ZZZZZZ-ZZZZZZ-ZZZZZZ-ZZZZZZ-ZZZZZZ' });
    await w.send({ type: 'serial.search' });
    expect(w.state()).toBe('serialDefinition.editing');
    expect(w.snapshot().context.errors).toEqual({ serial: 'No serial number matches' });
  });
});

describe('order refusals', () => {
  it('an order that is not done, or whose serials are all blocked, cannot be updated', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'order' });
    await w.send({ type: 'order.open', orderId: 'ord-1005' });
    expectRefused(w, { type: 'order.updateLicense' }, 'guard', 'A cancelled order cannot be updated');
    await w.send({ type: 'nav.back' });
    await w.send({ type: 'order.open', orderId: 'ord-1007' });
    expectRefused(w, { type: 'order.updateLicense' }, 'guard', 'A draft order cannot be updated');
    expectRefused(w, { type: 'order.open', orderId: 'ord-1001' }, 'notAccepted', /not accepted in orderSelection.orderPage/);
  });

  it('an order not in the list cannot be opened', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'order' });
    await w.send({ type: 'orders.search', query: '1003' });
    expectRefused(w, { type: 'order.open', orderId: 'ord-1002' }, 'guard', 'This order is not in the list');
  });
});

describe('form refusals', () => {
  it('a dated period ending before it starts: errors at obtainingPeriod.to, review refused', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    await w.send({ type: 'period.setUnlimited', unlimited: false });
    await w.send({ type: 'period.setDates', from: '2027-03-10', to: '2027-03-01' });
    expect(w.snapshot().context.errors).toEqual({ 'obtainingPeriod.to': MESSAGES.periodOrder });
    expect(selectCanReview(w.snapshot())).toBe(false);
    expectRefused(w, { type: 'order.review' }, 'guard', `obtainingPeriod.to: ${MESSAGES.periodOrder}`);
  });

  it('a dated period ending in the past: errors at obtainingPeriod.to, review refused', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    await w.send({ type: 'period.setUnlimited', unlimited: false });
    await w.send({ type: 'period.setDates', from: '2026-11-01', to: '2026-11-30' });
    expect(w.snapshot().context.errors).toEqual({ 'obtainingPeriod.to': MESSAGES.periodPast });
    expectRefused(w, { type: 'order.review' }, 'guard', MESSAGES.periodPast);
    // Switching Unlimited back on clears the period's errors.
    await w.send({ type: 'period.setUnlimited', unlimited: true });
    expect(w.snapshot().context.errors).toEqual({});
  });

  it('a date that does not exist is a malformed event', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    expectRefused(w, { type: 'period.setDates', from: '2027-02-30' }, 'malformed', /from/);
  });

  it('terms that fit no model are refused; valid-shaped terms breaking their rule are taken and block review', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    await w.send({ type: 'line.changeRestrictions', lineId: 'prd-cad-studio' });
    expectRefused(w, { type: 'feature.setTerms', featureId: 'fea-cad-render', terms: { model: 'subscription', days: 'forever' } }, 'guard', MESSAGES.termsShape);
    expectRefused(w, { type: 'feature.setTerms', featureId: 'fea-cad-render', terms: { model: 'subscription', days: 30, count: 2 } }, 'guard', MESSAGES.termsShape);

    await w.send({ type: 'feature.setTerms', featureId: 'fea-cad-render', terms: { model: 'subscription', days: 0 } });
    expect(w.snapshot().context.errors).toEqual({ 'lines.0.features.1.terms.days': 'Days must be a whole number above 0' });
    await w.send({ type: 'order.back' });
    expectRefused(w, { type: 'order.review' }, 'guard', 'lines.0.features.1.terms.days');
  });

  it('the terms of a fixed feature cannot be changed, nor a feature that cannot be excluded excluded', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    await w.send({ type: 'line.changeRestrictions', lineId: 'prd-cad-studio' });
    expectRefused(w, { type: 'feature.setTerms', featureId: 'fea-cad-core', terms: { model: 'launches', count: 10 } }, 'guard', MESSAGES.featureFixed);
    expectRefused(w, { type: 'feature.exclude', featureId: 'fea-cad-core', excluded: true }, 'guard', MESSAGES.featureNotExcludable);
    expectRefused(w, { type: 'feature.exclude', featureId: 'fea-an-export', excluded: true }, 'guard', 'This feature is not on the product line');
    // A line that was on the serial cannot be removed: only a product added in this order.
    expectRefused(w, { type: 'line.remove' }, 'guard', 'Only a product added in this order can be removed');
  });

  it('a product already on the order, or not on sale (archived, draft), cannot be picked', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    // The catalog answer comes from the dataset itself, archived and draft products included.
    w.holdNext('listProducts');
    await w.send({ type: 'product.add' });
    const pending = w.snapshot().context.pending!;
    expect(pending.kind).toBe('listProducts');
    w.actor.send({ type: 'products.loaded', id: pending.id, products: demoTenant().products });
    expect(w.state()).toBe('orderForm.productPicker.choosing');
    expect(selectPickableProducts(w.snapshot()).map((p) => p.id)).toEqual(['prd-cloud-sync']);

    expectRefused(w, { type: 'product.pick', productId: 'prd-cad-studio' }, 'guard', MESSAGES.productOnOrder);
    expectRefused(w, { type: 'product.pick', productId: 'prd-legacy-viewer' }, 'guard', MESSAGES.productNotOnSale);
    expectRefused(w, { type: 'product.pick', productId: 'prd-beta-toolkit' }, 'guard', MESSAGES.productNotOnSale);
    expectRefused(w, { type: 'product.pick', productId: 'prd-unknown' }, 'guard', MESSAGES.unknownProduct);
    await w.release();
  });

  it('a line the order does not have cannot be opened', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    expectRefused(w, { type: 'line.changeRestrictions', lineId: 'prd-cloud-sync' }, 'guard', 'This product line is not on the order');
  });

  it('events the screen does not have, and answers nobody asked for, are not accepted', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    expectRefused(w, { type: 'order.submit' }, 'notAccepted', '"order.submit" is not accepted in entrySelection');
    expectRefused(w, { type: 'nav.back' }, 'notAccepted', /nav.back/);
    expectRefused(w, { type: 'way.select', way: 'nowhere' } as never, 'malformed', /way/);
    await openForm(w);
    expectRefused(w, { type: 'effect.retry' }, 'guard', 'Nothing failed, nothing to retry');
    expectRefused(w, { type: 'serials.found', id: 'findSerials-1', serials: [] }, 'notAccepted', /serials.found/);
  });
});

describe('submit refusals', () => {
  it('a restored review whose today moved past the period end refuses submit', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    await w.send({ type: 'period.setUnlimited', unlimited: false });
    await w.send({ type: 'period.setDates', from: '2026-12-01', to: '2026-12-10' });
    await w.send({ type: 'order.review' });
    expect(selectCanSubmit(w.snapshot())).toBe(true);

    const persisted = JSON.parse(JSON.stringify(persistSnapshot(w.snapshot()))) as { machineVersion: string; snapshot: { context: { today: string } } };
    persisted.snapshot.context.today = '2026-12-11';
    // The input only counts for a fresh start; a restored actor takes its context from the snapshot.
    const restored = createActor(licenseUpdateOrderMachine, { snapshot: migrateSnapshot(persisted), input: {} }).start();
    const before = restored.getSnapshot();
    expect(before.value).toBe('review');
    expect(before.can({ type: 'order.submit' })).toBe(false);
    expect(explainRefusal(before, { type: 'order.submit' })).toEqual({
      kind: 'guard',
      message: `The order has errors (obtainingPeriod.to: ${MESSAGES.periodPast})`,
    });
    restored.send({ type: 'order.submit' });
    expect(restored.getSnapshot().value).toBe('review');
    expect(restored.getSnapshot().context).toBe(before.context);
    restored.stop();
  });

  it('the service’s own check at submit comes back as a failure on the review, with its field errors', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await openForm(w);
    await w.send({ type: 'order.review' });
    // Between review and submit the serial is blocked in the store: the in-memory service refuses it.
    w.store.data.serials.find((s) => s.id === 'ser-nw-1')!.status = 'blocked';
    await w.send({ type: 'order.submit' });
    expect(w.state()).toBe('review');
    expect(w.snapshot().context.failure).toMatchObject({ kind: 'submitOrder', code: 'validation', errors: { serial: MESSAGES.serialBlocked } });
    expect(w.store.data.orders).toHaveLength(8);
  });
});

describe('busy screens and lists keep to themselves', () => {
  it('switching tabs waits for the running search: tab.select is refused while busy, and the search still lands', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'customer' });
    await w.send({ type: 'customer.open', customerId: 'cus-northwind' });
    await w.send({ type: 'serial.input', text: NW1 });
    w.holdNext('findSerials');
    await w.send({ type: 'serial.search' });
    expect(w.state()).toBe('customerSelection.card.serialsTab.searching');
    expectRefused(w, { type: 'tab.select', tab: 'orders' }, 'guard', 'Wait until the pending request is answered');
    await w.release();
    expect(w.state()).toBe('customerSelection.card.serialsTab.idle');
    expect(w.snapshot().context.pending).toBeNull();
    await w.send({ type: 'tab.select', tab: 'orders' });
    expect(w.state()).toBe('customerSelection.card.ordersTab.idle');
  });

  it('the orders tab of a customer card opens that customer’s orders only, whatever another list showed before', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'order' });
    expect(w.snapshot().context.orders.map((o) => o.id)).toContain('ord-1002');
    await w.send({ type: 'nav.back' });
    await w.send({ type: 'way.select', way: 'customer' });
    await w.send({ type: 'customer.open', customerId: 'cus-lovelace' });
    await w.send({ type: 'tab.select', tab: 'orders' });
    expectRefused(w, { type: 'order.open', orderId: 'ord-1002' }, 'guard', 'This order is not in the list');
    await w.send({ type: 'order.open', orderId: 'ord-1003' });
    expect(w.state()).toBe('customerSelection.card.ordersTab.orderPage');
  });
});
