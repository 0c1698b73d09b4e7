import { createActor, type InspectionEvent } from 'xstate';
import type { createBrowserInspector } from '@statelyai/inspect';
import { describe, expect, test, vi } from 'vitest';
import {
  createInMemoryEffects,
  InMemoryLicenseStore,
  licenseUpdateOrderMachine,
  runEffects,
  selectStatePath,
  type OperatorEvent,
} from '../../machines/index.ts';
import { ServiceError, type RequestOptions, type ServiceClient, type WorkflowView } from '../client/serviceClient.ts';
import { replaceEqualDeep } from './replaceEqualDeep.ts';
import { createLicenseUpdateOrderStore, type LicenseUpdateOrderOptions } from './store.ts';

/**
 * The service's workflow rules in-process (same machine, same effects, optimistic version), with
 * scripted faults: what the sync engine must survive when the network or the service misbehaves.
 * The end-to-end behaviour against the real service is in ui-kit/test/remote.browser.test.tsx.
 */
class ScriptedService implements ServiceClient {
  readonly id = 'wf-scripted';
  version = 1;
  readonly actor = createActor(licenseUpdateOrderMachine, { input: { workflowId: this.id, today: '2026-12-04' } }).start();
  readonly runner = runEffects(this.actor, createInMemoryEffects(new InMemoryLicenseStore()));
  readonly requests: { expectedVersion: number; events: OperatorEvent[]; options: RequestOptions | undefined }[] = [];
  /** Faults for the next requests, in order: a status to answer with, or `refuseAt` to refuse one event (422). */
  readonly faults: ({ status: number } | { refuseAt: number })[] = [];

  view(): WorkflowView {
    const snapshot = this.actor.getSnapshot();
    return {
      id: this.id,
      version: this.version,
      machineVersion: '1',
      state: snapshot.value,
      tags: [...snapshot.tags],
      context: snapshot.context,
      pending: snapshot.context.pending,
      nextEvents: [],
      status: snapshot.status === 'done' ? 'submitted' : 'active',
    };
  }

  async createWorkflow() {
    return this.view();
  }

  async getWorkflow() {
    return this.view();
  }

  async sendEvents(_id: string, expectedVersion: number, events: OperatorEvent[], options?: RequestOptions) {
    this.requests.push({ expectedVersion, events, options });
    const fault = this.faults.shift();
    if (fault && 'status' in fault) throw new ServiceError(fault.status, { status: fault.status, detail: `Scripted ${fault.status}` });
    if (expectedVersion !== this.version) throw new ServiceError(409, { status: 409, view: this.view() });
    for (const [index, event] of events.entries()) {
      if ((fault && 'refuseAt' in fault && fault.refuseAt === index) || !this.actor.getSnapshot().can(event)) {
        if (index > 0) this.version += 1;
        throw new ServiceError(422, { status: 422, eventIndex: index, detail: `Event ${index} was refused`, view: this.view() });
      }
      this.actor.send(event);
      await this.runner.idle();
    }
    this.version += 1;
    return this.view();
  }

  async listWorkflows() {
    return { items: [], nextCursor: null };
  }

  async cancelWorkflow() {
    return this.view();
  }

  /** Another client's write: the version moves on. */
  async writeAsAnotherClient(events: OperatorEvent[]) {
    for (const event of events) {
      this.actor.send(event);
      await this.runner.idle();
    }
    this.version += 1;
  }
}

async function remoteStore(service: ScriptedService, extra: Partial<LicenseUpdateOrderOptions> = {}) {
  const store = createLicenseUpdateOrderStore({ mode: 'remote', baseUrl: '', apiKey: 'k', client: service, workflowId: service.id, retryDelayMs: 5, debounceMs: 20, ...extra } as LicenseUpdateOrderOptions);
  store.start();
  await store.settled();
  return store;
}

const TO_FORM: OperatorEvent[] = [
  { type: 'way.select', way: 'order' },
  { type: 'order.open', orderId: 'ord-1003' },
  { type: 'order.updateLicense' },
];

async function storeOnTheForm(service: ScriptedService, extra: Partial<LicenseUpdateOrderOptions> = {}) {
  const store = await remoteStore(service, extra);
  for (const event of TO_FORM) {
    expect(store.send(event)).toBe(true);
    await store.settled();
  }
  expect(selectStatePath(store.getSnapshot().snapshot)).toBe('orderForm.editing');
  service.requests.length = 0;
  return store;
}

describe('remote sync engine', () => {
  test('a busy event is sent at once and the service answers it: local effects are not run', async () => {
    const service = new ScriptedService();
    const store = await remoteStore(service);
    store.send({ type: 'way.select', way: 'order' });
    // Locally the machine waits in the busy search: the service runs the effect.
    expect(selectStatePath(store.getSnapshot().snapshot)).toBe('orderSelection.searching');
    expect(store.getSnapshot().syncStatus).toBe('syncing');
    await store.settled();
    expect(selectStatePath(store.getSnapshot().snapshot)).toBe('orderSelection.list');
    expect(store.getSnapshot().snapshot.context.orders.length).toBeGreaterThan(0);
    expect(store.getSnapshot()).toMatchObject({ syncStatus: 'idle', version: 2, unsentCount: 0 });
  });

  test('422: the events before the refused one stay, the refused one is dropped and explained, the rest is resent', async () => {
    const service = new ScriptedService();
    const store = await storeOnTheForm(service, { debounceMs: 60_000 });
    service.faults.push({ refuseAt: 1 });
    store.send({ type: 'crmId.change', value: 'KEPT' });
    store.send({ type: 'comment.change', value: 'REFUSED' });
    store.send({ type: 'addOn.set', enabled: false });
    await store.settled();

    expect(service.requests.map((r) => r.events.map((e) => e.type))).toEqual([['crmId.change', 'comment.change', 'addOn.set'], ['addOn.set']]);
    expect(service.requests[1]!.expectedVersion).toBe(service.requests[0]!.expectedVersion + 1);
    expect(service.view().context.draft).toMatchObject({ crmId: 'KEPT', comment: '', addOnMode: false });
    expect(store.getSnapshot().snapshot.context.draft).toMatchObject({ crmId: 'KEPT', comment: '', addOnMode: false });
    expect(store.getSnapshot().lastRefusal).toMatchObject({ source: 'service', kind: 'guard', message: 'Event 1 was refused', event: { type: 'comment.change' } });
  });

  test('400: the unreadable batch is dropped, the local state is the service\'s again, and the error is shown', async () => {
    const service = new ScriptedService();
    const store = await storeOnTheForm(service);
    service.faults.push({ status: 400 });
    store.send({ type: 'addOn.set', enabled: false });
    await expect.poll(() => store.getSnapshot().lastSyncError?.status).toBe(400);
    await expect.poll(() => store.getSnapshot().snapshot.context.draft?.addOnMode).toBe(true);
    expect(store.getSnapshot().syncStatus).toBe('error');
  });

  test('a 503 is retried with backoff, with the same idempotency key, until it lands', async () => {
    const service = new ScriptedService();
    const store = await storeOnTheForm(service);
    service.faults.push({ status: 503 }, { status: 503 });
    const statuses: string[] = [];
    store.subscribe((state) => statuses.push(state.syncStatus));
    store.send({ type: 'addOn.set', enabled: false });
    await store.settled();

    expect(service.requests).toHaveLength(3);
    const keys = new Set(service.requests.map((r) => r.options?.idempotencyKey));
    expect(keys.size).toBe(1);
    expect(statuses).toContain('error');
    expect(store.getSnapshot()).toMatchObject({ syncStatus: 'idle', lastSyncError: null });
    expect(service.view().context.draft?.addOnMode).toBe(false);
  });

  test('a 401 is not retried by itself; retrySync sends it once the host fixed things', async () => {
    const service = new ScriptedService();
    const store = await storeOnTheForm(service, { retryDelayMs: 1 });
    service.faults.push({ status: 401 });
    store.send({ type: 'crmId.change', value: 'AFTER-LOGIN' });
    await expect.poll(() => store.getSnapshot().lastSyncError).toMatchObject({ status: 401, willRetry: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.requests).toHaveLength(1);
    store.retrySync();
    await store.settled();
    expect(service.view().context.draft?.crmId).toBe('AFTER-LOGIN');
    expect(store.getSnapshot().syncStatus).toBe('idle');
  });

  test('typed events wait for the pause and fold into one; pagehide sends them at once with keepalive', async () => {
    const service = new ScriptedService();
    const store = await storeOnTheForm(service, { debounceMs: 60_000 });
    for (const value of ['C', 'CR', 'CRM']) store.send({ type: 'crmId.change', value });
    store.send({ type: 'period.setDates', from: '2027-01-01' });
    store.send({ type: 'period.setDates', to: '2027-02-01' });
    expect(store.getSnapshot()).toMatchObject({ syncStatus: 'pending', unsentCount: 2 });
    expect(service.requests).toHaveLength(0);
    window.dispatchEvent(new Event('pagehide'));
    await store.settled();
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]!.options?.keepalive).toBe(true);
    expect(service.requests[0]!.events).toEqual([
      { type: 'crmId.change', value: 'CRM' },
      { type: 'period.setDates', from: '2027-01-01', to: '2027-02-01' },
    ]);
    store.stop();
  });

  test('a 409 replays the unacknowledged edits on the service state and resends them with the new version', async () => {
    const service = new ScriptedService();
    const store = await storeOnTheForm(service, { debounceMs: 60_000 });
    store.send({ type: 'crmId.change', value: 'MINE' });
    await service.writeAsAnotherClient([{ type: 'comment.change', value: 'THEIRS' }]);
    store.flush();
    await store.settled();
    expect(service.requests.map((r) => r.expectedVersion)).toEqual([service.version - 2, service.version - 1]);
    expect(store.getSnapshot().snapshot.context.draft).toMatchObject({ crmId: 'MINE', comment: 'THEIRS' });
  });
});

describe('both modes', () => {
  test('a refused or malformed event returns false, never throws, and is explained in lastRefusal', () => {
    const store = createLicenseUpdateOrderStore({ effects: createInMemoryEffects() });
    store.start();
    expect(store.send({ type: 'order.submit' })).toBe(false);
    expect(store.getSnapshot().lastRefusal).toMatchObject({ kind: 'notAccepted', source: 'local', event: { type: 'order.submit' } });
    // A host in plain JavaScript may send anything.
    expect(store.send({ type: 'way.select', way: 'nowhere' } as unknown as OperatorEvent)).toBe(false);
    expect(store.getSnapshot().lastRefusal?.kind).toBe('malformed');
    expect(store.send({ type: 'way.select', way: 'serial' })).toBe(true);
    expect(store.getSnapshot().lastRefusal).toBeNull();
  });

  test('the inspect option receives the actor\'s inspection events (an @statelyai/inspect inspector fits it)', async () => {
    const events: InspectionEvent[] = [];
    // Only the type: the browser inspector opens a window, the hook needs nothing but its `inspect`.
    const inspector: Pick<ReturnType<typeof createBrowserInspector>, 'inspect'> = { inspect: { next: (event) => events.push(event) } };
    const local = createLicenseUpdateOrderStore({ effects: createInMemoryEffects(), inspect: inspector.inspect });
    local.start();
    local.send({ type: 'way.select', way: 'serial' });
    expect(events.some((e) => e.type === '@xstate.event' && (e.event as { type: string }).type === 'way.select')).toBe(true);

    const service = new ScriptedService();
    const seen = vi.fn();
    const remote = await remoteStore(service, { inspect: seen });
    remote.send({ type: 'way.select', way: 'order' });
    await remote.settled();
    // The actor rebuilt from the service's view is inspected too.
    expect(seen.mock.calls.some(([e]) => e.type === '@xstate.snapshot' && selectStatePath(e.snapshot) === 'orderSelection.list')).toBe(true);
  });
});

describe('replaceEqualDeep', () => {
  test('keeps the previous object when equal in any key order, and shares the unchanged parts otherwise', () => {
    const prev = { draft: { crmId: 'A', lines: [{ id: 1, terms: { model: 'perpetual' } }] }, products: [{ id: 'p' }], gone: undefined };
    expect(replaceEqualDeep(prev, { products: [{ id: 'p' }], draft: { lines: [{ terms: { model: 'perpetual' }, id: 1 }], crmId: 'A' } })).toBe(prev);
    const next = replaceEqualDeep(prev, { draft: { crmId: 'B', lines: [{ id: 1, terms: { model: 'perpetual' } }] }, products: [{ id: 'p' }] });
    expect(next).not.toBe(prev);
    expect(next.draft.crmId).toBe('B');
    expect(next.draft.lines).toBe(prev.draft.lines);
    expect(next.products).toBe(prev.products);
    expect(replaceEqualDeep([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
  });
});
