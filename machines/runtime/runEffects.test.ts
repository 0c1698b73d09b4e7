import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { licenseUpdateOrderMachine } from '../licenseUpdateOrder/index.ts';
import { createInMemoryEffects, InMemoryLicenseStore } from './inMemoryEffects.ts';
import { EffectError, runEffects, type EffectImplementations } from './runEffects.ts';

const TODAY = '2026-12-01';
const NW1 = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';

function host(override: Partial<EffectImplementations> = {}) {
  const store = new InMemoryLicenseStore(undefined, { now: () => new Date(`${TODAY}T12:00:00Z`) });
  const effects = { ...createInMemoryEffects(store), ...override };
  const actor = createActor(licenseUpdateOrderMachine, { input: { today: TODAY, workflowId: 'w-1' } }).start();
  const runner = runEffects(actor, effects);
  return { store, actor, runner };
}

describe('runEffects', () => {
  it('runs the request a busy state makes and sends its answer with the request’s id', async () => {
    const seen: { id: string; kind: string; input: unknown }[] = [];
    const { actor, runner, store } = host({
      searchOrders: async (input, request) => {
        seen.push({ ...request, input });
        return { type: 'orders.found', orders: store.searchOrders(input.query) };
      },
    });
    actor.send({ type: 'way.select', way: 'order' });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await runner.idle();
    expect(seen).toEqual([{ id: 'searchOrders-1', kind: 'searchOrders', input: { query: '' } }]);
    expect(actor.getSnapshot().value).toEqual({ orderSelection: 'list' });
    expect(actor.getSnapshot().context.orders).toHaveLength(8);
    runner.stop();
  });

  it('answers effect.failed with the EffectError’s code, message and field errors', async () => {
    const { actor, runner } = host({
      searchOrders: () => {
        throw new EffectError('forbidden', 'Viewers cannot search', { query: 'Not allowed' });
      },
    });
    actor.send({ type: 'way.select', way: 'order' });
    await runner.idle();
    expect(actor.getSnapshot().context.failure).toEqual({ id: 'searchOrders-1', kind: 'searchOrders', code: 'forbidden', message: 'Viewers cannot search', errors: { query: 'Not allowed' } });
    runner.stop();
  });

  it('turns any other thrown error into effect.failed "unexpected"', async () => {
    const { actor, runner } = host({
      searchCustomers: async () => {
        throw new TypeError('socket hang up');
      },
    });
    actor.send({ type: 'way.select', way: 'customer' });
    await runner.idle();
    expect(actor.getSnapshot().context.failure).toMatchObject({ code: 'unexpected', message: 'socket hang up' });
    expect(actor.getSnapshot().value).toEqual({ customerSelection: 'list' });
    runner.stop();
  });

  it('does not leave the machine waiting when an answer is refused as malformed', async () => {
    const { actor, runner } = host({
      searchOrders: () => ({ type: 'orders.found', orders: [{ id: 'not an order summary' }] }) as never,
    });
    actor.send({ type: 'way.select', way: 'order' });
    await runner.idle();
    expect(actor.getSnapshot().context.failure).toMatchObject({ code: 'invalidAnswer', message: 'The searchOrders answer was not accepted' });
    expect(actor.getSnapshot().context.pending).toBeNull();
    runner.stop();
  });

  it('runs each request once however many snapshots show it, and a later request again', async () => {
    let calls = 0;
    const { actor, runner, store } = host({
      findSerials: ({ query }) => {
        calls += 1;
        const serials = store.findSerials(query);
        return serials.length > 0 ? { type: 'serials.found', serials } : { type: 'serials.notFound' };
      },
    });
    actor.send({ type: 'way.select', way: 'serial' });
    actor.send({ type: 'serial.input', text: NW1 });
    actor.send({ type: 'serial.search' });
    await runner.idle();
    expect(calls).toBe(1);
    actor.send({ type: 'serial.search' });
    await runner.idle();
    expect(calls).toBe(2);
    runner.stop();
  });

  it('stops answering once stopped: the actor keeps waiting, idle() resolves', async () => {
    let finish!: () => void;
    const { actor, runner, store } = host({
      searchOrders: () => new Promise((resolve) => (finish = () => resolve({ type: 'orders.found', orders: store.searchOrders('') }))),
    });
    actor.send({ type: 'way.select', way: 'order' });
    const idle = runner.idle();
    runner.stop();
    await idle;
    finish();
    await Promise.resolve();
    expect(actor.getSnapshot().value).toEqual({ orderSelection: 'searching' });
  });
});
