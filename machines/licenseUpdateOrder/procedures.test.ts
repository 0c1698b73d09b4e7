import { afterEach, describe, expect, it } from 'vitest';
import { EffectError } from '../runtime/index.ts';
import { startWorkflow, type Workflow } from '../testing/workflow.ts';
import { selectCanSubmit, selectEditingLine, selectPickableProducts, selectResultingLicense, selectStep } from './selectors.ts';
import type { UpdateOrder } from '../domain/index.ts';
import type { LicenseUpdateOrderEvent } from './types.ts';

const TODAY = '2026-12-01';
const NW1 = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';

let workflow: Workflow;
afterEach(() => workflow?.stop());

/** The submitted order as the store holds it: done, numbered, the lines as entered, and a history entry on its serial. */
function expectSubmitted(w: Workflow, entered: UpdateOrder) {
  const snapshot = w.snapshot();
  expect(snapshot.status).toBe('done');
  const output = snapshot.output!;
  const stored = w.store.data.orders.find((o) => o.id === output.id)!;
  expect(stored).toMatchObject({
    type: 'update',
    status: 'done',
    number: output.number,
    serialId: entered.serialId,
    submittedAt: `${TODAY}T12:00:00.000Z`,
    obtainingPeriod: entered.obtainingPeriod,
    addOnMode: entered.addOnMode,
    crmId: entered.crmId,
    comment: entered.comment,
  });
  expect(stored.lines).toEqual(entered.lines);
  expect(output).toEqual({ id: stored.id, number: stored.number, submittedAt: stored.submittedAt, status: 'done', serialId: entered.serialId });
  expect(w.store.data.serialHistory[entered.serialId]!.at(-1)).toEqual({
    at: stored.submittedAt,
    kind: 'orderApplied',
    orderId: stored.id,
    note: `Update order ${stored.number} submitted`,
  });
  // One order per workflow, however the procedure went.
  expect(w.store.data.orders.filter((o) => o.serialId === entered.serialId && o.createdAt.startsWith(TODAY))).toHaveLength(1);
  return stored;
}

describe('procedure 1: by serial number', () => {
  it('goes from way.select to submitted through the whole form', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    expect(w.state()).toBe('serialDefinition.editing');
    await w.send({ type: 'serial.input', text: NW1 });
    await w.send({ type: 'serial.search' });
    expect(w.state()).toBe('serialDefinition.results');
    expect(w.snapshot().context.serialResults.map((s) => s.id)).toEqual(['ser-nw-1']);
    expect(w.snapshot().context.selectedSerialId).toBe('ser-nw-1');

    await w.send({ type: 'serial.update' });
    expect(w.state()).toBe('orderForm.editing');
    expect(selectStep(w.snapshot())).toBe('form');
    expect(w.snapshot().context.draft!.lines.map((l) => l.lineId)).toEqual(['prd-cad-studio', 'prd-analytics']);

    // Obtaining period: switched off, the dates are required; a valid window clears the errors.
    await w.send({ type: 'period.setUnlimited', unlimited: false });
    expect(Object.keys(w.snapshot().context.errors)).toEqual(['obtainingPeriod.from', 'obtainingPeriod.to']);
    await w.send({ type: 'period.setDates', from: '2026-12-02', to: '2027-06-30' });
    expect(w.snapshot().context.errors).toEqual({});

    await w.send({ type: 'crmId.change', value: 'CRM-DEAL-77' });
    await w.send({ type: 'comment.change', value: 'Render for two more years, no rendering on the second seat' });

    // Change license restrictions of CAD Studio: new terms for rendering and the network seats.
    await w.send({ type: 'line.changeRestrictions', lineId: 'prd-cad-studio' });
    expect(w.state()).toBe('orderForm.productEditor');
    expect(selectEditingLine(w.snapshot())!.features.map((f) => [f.featureId, f.definition!.canModify])).toEqual([
      ['fea-cad-core', false],
      ['fea-cad-render', true],
      ['fea-cad-network', true],
    ]);
    await w.send({ type: 'feature.setTerms', featureId: 'fea-cad-render', terms: { model: 'subscription', days: 730 } });
    await w.send({ type: 'feature.setTerms', featureId: 'fea-cad-network', terms: { model: 'perpetual', networkSeats: 10, consumption: 'login', vmForbidden: false } });
    await w.send({ type: 'order.back' });
    expect(w.state()).toBe('orderForm.editing');

    // Add-on Mode off: the serial will carry exactly the order; excluding Export shows as a removal before submit.
    await w.send({ type: 'addOn.set', enabled: false });
    await w.send({ type: 'line.changeRestrictions', lineId: 'prd-analytics' });
    await w.send({ type: 'feature.exclude', featureId: 'fea-an-export', excluded: true });
    await w.send({ type: 'order.back' });
    expect(selectResultingLicense(w.snapshot())!.removed).toEqual([{ productId: 'prd-analytics', featureId: 'fea-an-export' }]);

    // Add product: the catalog loads, a product on sale is picked, its terms set, back to the order.
    await w.send({ type: 'product.add' });
    expect(w.state()).toBe('orderForm.productPicker.choosing');
    expect(selectPickableProducts(w.snapshot()).map((p) => p.id)).toEqual(['prd-cloud-sync']);
    await w.send({ type: 'product.pick', productId: 'prd-cloud-sync' });
    expect(w.state()).toBe('orderForm.productEditor');
    await w.send({ type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 90, networkSeats: 0, consumption: 'login' } });
    await w.send({ type: 'order.back' });

    await w.send({ type: 'order.review' });
    expect(w.state()).toBe('review');
    expect(selectCanSubmit(w.snapshot())).toBe(true);
    const resulting = selectResultingLicense(w.snapshot())!;
    expect(resulting.license.lines.map((l) => [l.productId, l.features.map((f) => f.featureId)])).toEqual([
      ['prd-cad-studio', ['fea-cad-core', 'fea-cad-render', 'fea-cad-network']],
      ['prd-analytics', ['fea-an-reports']],
      ['prd-cloud-sync', ['fea-sync', 'fea-backup']],
    ]);
    const entered = w.snapshot().context.draft!;

    await w.send({ type: 'order.submit' });
    expect(w.state()).toBe('submitted');
    const stored = expectSubmitted(w, entered);
    expect(stored.number).toBe(1009);
    expect(stored.lines.find((l) => l.productId === 'prd-cad-studio')!.features[1]!.terms).toEqual({ model: 'subscription', days: 730 });
    expect(stored.lines.find((l) => l.productId === 'prd-cloud-sync')!.origin).toBe('added');
  });
});

describe('procedure 2: by order number, an order with one serial', () => {
  it('saves a draft, comes back to the order, removes an added line and submits the draft', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'order' });
    expect(w.state()).toBe('orderSelection.list');
    expect(w.snapshot().context.orders).toHaveLength(8);
    await w.send({ type: 'orders.search', query: '1003' });
    expect(w.snapshot().context.orders.map((o) => o.id)).toEqual(['ord-1003']);
    await w.send({ type: 'order.open', orderId: 'ord-1003' });
    expect(w.state()).toBe('orderSelection.orderPage');
    await w.send({ type: 'order.updateLicense' });
    expect(w.state()).toBe('orderForm.editing');
    expect(w.snapshot().context.serial!.id).toBe('ser-al-1');

    // Add product, then remove the line again: only a line added in this order can go.
    await w.send({ type: 'product.add' });
    await w.send({ type: 'product.pick', productId: 'prd-analytics' });
    expect(w.snapshot().context.draft!.lines.map((l) => l.lineId)).toEqual(['prd-cloud-sync', 'prd-analytics']);
    await w.send({ type: 'line.remove' });
    expect(w.state()).toBe('orderForm.editing');
    expect(w.snapshot().context.draft!.lines.map((l) => l.lineId)).toEqual(['prd-cloud-sync']);

    // Back to order from the product picker.
    await w.send({ type: 'product.add' });
    await w.send({ type: 'order.back' });
    expect(w.state()).toBe('orderForm.editing');

    await w.send({ type: 'line.changeRestrictions', lineId: 'prd-cloud-sync' });
    await w.send({ type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 60, networkSeats: 0, consumption: 'login' } });
    await w.send({ type: 'order.back' });
    await w.send({ type: 'comment.change', value: 'Customer asked for two months' });

    // Save draft: the store holds a draft order, the form keeps its reference.
    await w.send({ type: 'draft.save' });
    expect(w.state()).toBe('orderForm.editing');
    const draftRef = w.snapshot().context.draftRef!;
    expect(w.store.data.orders.find((o) => o.id === draftRef)).toMatchObject({ status: 'draft', comment: 'Customer asked for two months' });

    // One screen back to the order page, and Update License again: what was typed is still there.
    await w.send({ type: 'nav.back' });
    expect(w.state()).toBe('orderSelection.orderPage');
    await w.send({ type: 'order.updateLicense' });
    expect(w.snapshot().context.draft!.comment).toBe('Customer asked for two months');
    expect(w.snapshot().context.draftRef).toBe(draftRef);

    await w.send({ type: 'order.review' });
    const entered = w.snapshot().context.draft!;
    await w.send({ type: 'order.submit' });
    const stored = expectSubmitted(w, entered);
    expect(stored.id).toBe(draftRef);
  });
});

describe('procedure 3: by order number, an order with several serials (ord-1002)', () => {
  it('picks one serial, survives a failed license load by retrying, and goes back to a line from review', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'order' });
    await w.send({ type: 'order.open', orderId: 'ord-1002' });
    expect(w.snapshot().context.order!.serials.map((s) => s.id)).toEqual(['ser-co-1', 'ser-co-2']);
    await w.send({ type: 'order.updateLicense' });
    expect(w.state()).toBe('orderSelection.pickingSerial');
    await w.send({ type: 'serial.select', serialId: 'ser-co-2' });

    // Effect failure: the license does not load; the operator stays on the picker, told why, and retries.
    w.failNext('loadLicense');
    await w.send({ type: 'serial.update' });
    expect(w.state()).toBe('orderSelection.pickingSerial');
    expect(w.snapshot().context.failure).toMatchObject({ kind: 'loadLicense', code: 'unavailable' });
    expect(w.snapshot().context.pending).toBeNull();
    await w.send({ type: 'effect.retry' });
    expect(w.state()).toBe('orderForm.editing');
    expect(w.snapshot().context.failure).toBeNull();
    expect(w.snapshot().context.serial!.id).toBe('ser-co-2');
    expect(w.calls.loadLicense).toBe(2);

    await w.send({ type: 'product.add' });
    await w.send({ type: 'product.pick', productId: 'prd-analytics' });
    await w.send({ type: 'feature.exclude', featureId: 'fea-an-api', excluded: true });
    await w.send({ type: 'order.back' });
    await w.send({ type: 'order.review' });
    expect(w.state()).toBe('review');

    // Back to order, in the line of a product: straight to that line's restrictions.
    await w.send({ type: 'order.back', lineId: 'prd-analytics' });
    expect(w.state()).toBe('orderForm.productEditor');
    expect(w.snapshot().context.editingLineId).toBe('prd-analytics');
    await w.send({ type: 'feature.setTerms', featureId: 'fea-an-reports', terms: { model: 'rental', from: '2026-12-01', to: '2027-12-01' } });
    // Back to order from the product editor.
    await w.send({ type: 'order.back' });
    expect(w.state()).toBe('orderForm.editing');
    await w.send({ type: 'order.review' });
    const entered = w.snapshot().context.draft!;
    await w.send({ type: 'order.submit' });
    const stored = expectSubmitted(w, entered);
    expect(stored.lines[1]!.features.map((f) => [f.featureId, f.excluded])).toEqual([
      ['fea-an-reports', false],
      ['fea-an-export', false],
      ['fea-an-api', true],
    ]);
  });
});

describe('procedure 4: by customer, serials tab', () => {
  it('types the serial, searches, Update in its row, then Update on the License Update page; ignores a stale answer', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'customer' });
    expect(w.state()).toBe('customerSelection.list');
    await w.send({ type: 'customer.open', customerId: 'cus-northwind' });
    expect(w.state()).toBe('customerSelection.card.serialsTab.idle');
    const loadCustomerId = `loadCustomer-${w.snapshot().context.effectCount}`;

    await w.send({ type: 'serial.input', text: NW1 });
    w.holdNext('findSerials');
    await w.send({ type: 'serial.search' });
    expect(w.state()).toBe('customerSelection.card.serialsTab.searching');
    expect(w.snapshot().context.pending).toMatchObject({ kind: 'findSerials', input: { query: NW1, customerId: 'cus-northwind' } });

    // A stale answer: the id of an earlier request. Nothing changes.
    const before = w.snapshot();
    const stale: LicenseUpdateOrderEvent = { type: 'serials.found', id: loadCustomerId, serials: [] };
    expect(before.can(stale)).toBe(false);
    w.actor.send(stale);
    expect(w.snapshot().value).toEqual(before.value);
    expect(w.snapshot().context).toBe(before.context);
    expect(w.explain(stale)).toEqual({ kind: 'guard', message: 'This answer is for a request that is no longer pending' });

    await w.release();
    expect(w.state()).toBe('customerSelection.card.serialsTab.idle');
    expect(w.snapshot().context.serialResults.map((s) => s.id)).toEqual(['ser-nw-1']);

    await w.send({ type: 'serial.update', serialId: 'ser-nw-1' });
    expect(w.state()).toBe('customerSelection.card.serialsTab.licenseUpdatePage');
    await w.send({ type: 'serial.update', serialId: 'ser-nw-1' });
    expect(w.state()).toBe('orderForm.editing');

    // Back to order from review, then review again and submit.
    await w.send({ type: 'order.review' });
    await w.send({ type: 'order.back' });
    expect(w.state()).toBe('orderForm.editing');
    await w.send({ type: 'order.review' });
    const entered = w.snapshot().context.draft!;
    await w.send({ type: 'order.submit' });
    expectSubmitted(w, entered);
    expect(w.calls.findSerials).toBe(1);
  });
});

describe('procedure 5: by customer, orders tab', () => {
  it('opens the order, Update License, and submits after a failed submit is retried', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'customer' });
    await w.send({ type: 'customers.search', query: 'lovelace' });
    expect(w.snapshot().context.customers.map((c) => c.id)).toEqual(['cus-lovelace']);
    await w.send({ type: 'customer.open', customerId: 'cus-lovelace' });
    await w.send({ type: 'tab.select', tab: 'orders' });
    expect(w.state()).toBe('customerSelection.card.ordersTab.idle');
    expect(w.snapshot().context.card!.orders.map((o) => o.id)).toEqual(['ord-1006', 'ord-1003']);
    await w.send({ type: 'order.open', orderId: 'ord-1003' });
    expect(w.state()).toBe('customerSelection.card.ordersTab.orderPage');
    await w.send({ type: 'order.updateLicense' });
    expect(w.state()).toBe('orderForm.editing');

    await w.send({ type: 'crmId.change', value: 'CRM-O-2001' });
    await w.send({ type: 'order.review' });

    w.failNext('submitOrder', new EffectError('unavailable', 'The order service is down'));
    await w.send({ type: 'order.submit' });
    expect(w.state()).toBe('review');
    expect(w.snapshot().context.failure).toMatchObject({ kind: 'submitOrder', code: 'unavailable', message: 'The order service is down' });
    expect(w.store.data.orders).toHaveLength(8);

    const entered = w.snapshot().context.draft!;
    await w.send({ type: 'effect.retry' });
    expectSubmitted(w, entered);
    expect(w.calls.submitOrder).toBe(2);
  });
});

describe('wizard.cancel', () => {
  it('ends the procedure from a busy state without an order, even if the answer arrives later', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    await w.send({ type: 'serial.input', text: NW1 });
    await w.send({ type: 'serial.search' });
    await w.send({ type: 'serial.update' });
    await w.send({ type: 'order.review' });
    w.holdNext('submitOrder');
    await w.send({ type: 'order.submit' });
    expect(w.state()).toBe('submitting');
    await w.send({ type: 'wizard.cancel' });
    expect(w.state()).toBe('cancelled');
    expect(w.snapshot().status).toBe('done');
    expect(w.snapshot().output).toBeNull();
    expect(w.snapshot().context.pending).toBeNull();
  });

  it('ends the procedure from the form', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'order' });
    await w.send({ type: 'order.open', orderId: 'ord-1004' });
    await w.send({ type: 'order.updateLicense' });
    await w.send({ type: 'wizard.cancel' });
    expect(w.state()).toBe('cancelled');
    expect(selectStep(w.snapshot())).toBe('cancelled');
    expect(w.store.data.orders).toHaveLength(8);
  });
});

describe('one screen back (nav.back)', () => {
  it('walks back from the form to the start, one screen at a time, on the serial way', async () => {
    workflow = startWorkflow({ today: TODAY });
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    await w.send({ type: 'serial.input', text: NW1 });
    await w.send({ type: 'serial.search' });
    await w.send({ type: 'serial.update' });
    await w.send({ type: 'line.changeRestrictions', lineId: 'prd-analytics' });
    const trail: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await w.send({ type: 'nav.back' });
      trail.push(w.state());
    }
    expect(trail).toEqual(['orderForm.editing', 'serialDefinition.results', 'serialDefinition.editing', 'entrySelection']);
    expect(w.snapshot().can({ type: 'nav.back' })).toBe(false);
  });
});
