import { createActor } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseUpdateTestModel } from '../testing/model.ts';
import { startWorkflow, type Workflow } from '../testing/workflow.ts';
import { licenseUpdateOrderMachine, MACHINE_VERSION } from './licenseUpdateOrder.machine.ts';
import { migrateSnapshot, persistSnapshot, UnknownMachineVersionError, type PersistedWorkflow, type SnapshotMigration } from './persistence.ts';
import { selectStatePath, type LicenseUpdateOrderSnapshot } from './selectors.ts';
import type { EffectKind, LicenseUpdateOrderEvent } from './types.ts';

const NW1 = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';

/** A snapshot as a host stores and reads it back: through JSON text. */
function throughJson(snapshot: LicenseUpdateOrderSnapshot): PersistedWorkflow {
  return JSON.parse(JSON.stringify(persistSnapshot(snapshot))) as PersistedWorkflow;
}

/** The next operator event on the way to Submit Order from wherever a restored workflow stands. */
function towardsSubmit(s: LicenseUpdateOrderSnapshot): LicenseUpdateOrderEvent {
  const c = s.context;
  const first = <T extends LicenseUpdateOrderEvent>(...events: T[]) => events.find((e) => s.can(e)) ?? events[events.length - 1]!;
  const activeIn = (rows: readonly { id: string; status: string }[]) => rows.find((r) => r.status === 'active')?.id;
  if (c.failure && s.can({ type: 'effect.retry' })) return { type: 'effect.retry' };
  switch (selectStatePath(s)) {
    case 'entrySelection':
      return { type: 'way.select', way: 'serial' };
    case 'serialDefinition.editing':
      return c.serialText === NW1 ? { type: 'serial.search' } : { type: 'serial.input', text: NW1 };
    case 'serialDefinition.results': {
      const serialId = activeIn(c.serialResults);
      return serialId ? { type: 'serial.update', serialId } : { type: 'serial.input', text: NW1 };
    }
    case 'customerSelection.card.serialsTab.idle': {
      const serialId = activeIn(c.serialResults);
      if (serialId) return { type: 'serial.update', serialId };
      // Nothing to update in the table: look the customer's own active serial up.
      const own = c.card?.serials.find((row) => row.status === 'active');
      if (!own) return { type: 'nav.back' };
      return c.serialText === own.serial ? { type: 'serial.search' } : { type: 'serial.input', text: own.serial };
    }
    case 'customerSelection.card.serialsTab.licenseUpdatePage':
      return { type: 'serial.update' };
    case 'orderSelection.list':
      return first({ type: 'order.open', orderId: 'ord-1003' }, { type: 'orders.search', query: '' });
    case 'orderSelection.orderPage':
    case 'customerSelection.card.ordersTab.orderPage':
      return first({ type: 'order.updateLicense' }, { type: 'nav.back' });
    case 'orderSelection.pickingSerial':
    case 'customerSelection.card.ordersTab.pickingSerial':
      return { type: 'serial.update', serialId: activeIn(c.order?.serials ?? []) ?? '' };
    case 'customerSelection.list':
      return first({ type: 'customer.open', customerId: 'cus-northwind' }, { type: 'customers.search', query: '' });
    case 'customerSelection.card.ordersTab.idle':
      return { type: 'tab.select', tab: 'serials' };
    case 'orderForm.editing': {
      if (s.can({ type: 'order.review' })) return { type: 'order.review' };
      const errors = Object.keys(c.errors);
      if (errors.some((e) => e.startsWith('obtainingPeriod'))) return { type: 'period.setUnlimited', unlimited: true };
      if (errors.includes('crmId')) return { type: 'crmId.change', value: '' };
      if (errors.includes('comment')) return { type: 'comment.change', value: '' };
      return { type: 'nav.back' };
    }
    case 'orderForm.productEditor':
    case 'orderForm.productPicker.choosing':
      return { type: 'order.back' };
    case 'review':
      return { type: 'order.submit' };
    default:
      return { type: 'nav.back' };
  }
}

async function finish(w: Workflow): Promise<string[]> {
  const trail: string[] = [w.state()];
  await w.idle();
  for (let i = 0; i < 30 && w.snapshot().status === 'active'; i += 1) {
    const event = towardsSubmit(w.snapshot());
    await w.send(event);
    trail.push(`${event.type} → ${w.state()}`);
  }
  return trail;
}

let workflow: Workflow | undefined;
afterEach(() => workflow?.stop());

describe('persisted snapshots', () => {
  // One snapshot per state node of the chart, from the model's shortest paths (preferring ones without a failure).
  const byState = new Map<string, LicenseUpdateOrderSnapshot>();
  beforeAll(() => {
    const model = createLicenseUpdateTestModel();
    const candidates = model.shortestPaths().flatMap((p) => [p.initial, ...p.steps.map((s) => s.state)]);
    for (const snapshot of candidates.sort((a, b) => Number(a.context.failure !== null) - Number(b.context.failure !== null))) {
      const key = selectStatePath(snapshot);
      if (!byState.has(key)) byState.set(key, snapshot);
    }
  });

  // The chart's leaves, read from the machine itself: 29, 11 of them busy.
  const leaves = getStateNodes(licenseUpdateOrderMachine.root).filter((n) => n.type === 'atomic' || n.type === 'final');

  it('are found for every atomic state of the chart, busy or not', () => {
    expect([...byState.keys()].sort()).toEqual(leaves.map((n) => n.path.join('.')).sort());
    expect(leaves.filter((n) => n.tags.includes('busy')).map((n) => byState.get(n.path.join('.'))!.hasTag('busy'))).toEqual(Array(11).fill(true));
  });

  it('survive JSON in every state, and the restored actor finishes the procedure', async () => {
    const finished: string[] = [];
    for (const [state, snapshot] of byState) {
      const persisted = throughJson(snapshot);
      expect(persisted.machineVersion).toBe(MACHINE_VERSION);
      workflow = startWorkflow({ snapshot: migrateSnapshot(persisted) });
      const restored = workflow.snapshot();
      expect(selectStatePath(restored), state).toBe(state);
      expect(restored.context).toEqual(JSON.parse(JSON.stringify(snapshot.context)));
      if (restored.status === 'done') {
        expect(restored.output).toEqual(snapshot.output);
      } else {
        const trail = await finish(workflow);
        expect(workflow.state(), `${state}:\n  ${trail.join('\n  ')}`).toBe('submitted');
        const output = workflow.snapshot().output!;
        expect(workflow.store.data.orders.find((o) => o.id === output.id)).toMatchObject({ status: 'done', number: output.number });
        finished.push(state);
      }
      workflow.stop();
      workflow = undefined;
    }
    expect(finished).toHaveLength(leaves.length - 2);
  });

  it('run a pending effect exactly once when restored', async () => {
    const busy = [...byState.entries()].filter(([, s]) => s.hasTag('busy'));
    for (const [state, snapshot] of busy) {
      const kind = snapshot.context.pending!.kind as EffectKind;
      workflow = startWorkflow({ snapshot: migrateSnapshot(throughJson(snapshot)) });
      await workflow.idle();
      expect(workflow.calls, state).toEqual({ [kind]: 1 });
      expect(workflow.snapshot().hasTag('busy'), state).toBe(false);
      // Persisted again once answered, it restores with nothing to run.
      const again = startWorkflow({ snapshot: migrateSnapshot(throughJson(workflow.snapshot())), store: workflow.store });
      await again.idle();
      expect(again.calls, state).toEqual({});
      again.stop();
      workflow.stop();
      workflow = undefined;
    }
  });

  it('keep a held request pending through a restore in the middle of it', async () => {
    workflow = startWorkflow();
    const w = workflow;
    await w.send({ type: 'way.select', way: 'serial' });
    await w.send({ type: 'serial.input', text: NW1 });
    w.holdNext('findSerials');
    await w.send({ type: 'serial.search' });
    const persisted = throughJson(w.snapshot());
    w.stop();

    const restored = startWorkflow({ snapshot: migrateSnapshot(persisted), store: w.store });
    workflow = restored;
    await restored.idle();
    expect(restored.calls.findSerials).toBe(1);
    expect(restored.state()).toBe('serialDefinition.results');
    const trail = await finish(restored);
    expect(restored.state(), trail.join('\n')).toBe('submitted');
  });
});

describe('migrateSnapshot', () => {
  const current = () => {
    const actor = createActor(licenseUpdateOrderMachine, { input: { today: '2026-12-01' } }).start();
    actor.send({ type: 'way.select', way: 'serial' });
    const persisted = throughJson(actor.getSnapshot());
    actor.stop();
    return persisted;
  };

  it('returns a snapshot of this version as it is', () => {
    const persisted = current();
    expect(migrateSnapshot(persisted)).toEqual(persisted.snapshot);
  });

  it('refuses an unknown machine version with UnknownMachineVersionError', () => {
    const persisted = { ...current(), machineVersion: '0-unknown' };
    expect(() => migrateSnapshot(persisted)).toThrowError(UnknownMachineVersionError);
    try {
      migrateSnapshot(persisted);
    } catch (error) {
      expect(error).toMatchObject({ name: 'UnknownMachineVersionError', machineVersion: '0-unknown' });
      expect((error as Error).message).toContain(`version ${MACHINE_VERSION}`);
    }
  });

  it('runs a migration chain in order up to the current version, without touching the stored snapshot', () => {
    const ran: string[] = [];
    // A made-up history: version "a" called the serial field `serialQuery`, version "b" had no `effectCount`.
    const migrations: SnapshotMigration[] = [
      {
        from: 'b',
        to: MACHINE_VERSION,
        migrate: (s) => {
          ran.push('b→current');
          const context = s.context as Record<string, unknown>;
          return { ...s, context: { ...context, effectCount: 0 } };
        },
      },
      {
        from: 'a',
        to: 'b',
        migrate: (s) => {
          ran.push('a→b');
          const { serialQuery, ...context } = s.context as Record<string, unknown>;
          return { ...s, context: { ...context, serialText: serialQuery } };
        },
      },
    ];
    const modern = current().snapshot as { context: Record<string, unknown> };
    const { serialText, effectCount: _dropped, ...rest } = modern.context;
    const old: PersistedWorkflow = { machineVersion: 'a', snapshot: { ...modern, context: { ...rest, serialQuery: `${serialText as string}${NW1}` } } };
    const frozen = JSON.stringify(old);

    const migrated = migrateSnapshot(old, migrations);
    expect(ran).toEqual(['a→b', 'b→current']);
    expect(JSON.stringify(old)).toBe(frozen);
    const actor = createActor(licenseUpdateOrderMachine, { snapshot: migrated, input: {} }).start();
    expect(actor.getSnapshot().value).toEqual({ serialDefinition: 'editing' });
    expect(actor.getSnapshot().context.serialText).toBe(NW1);
    expect(actor.getSnapshot().can({ type: 'serial.search' })).toBe(true);
    actor.stop();
  });

  it('refuses a chain that goes round in circles', () => {
    const loop: SnapshotMigration[] = [
      { from: 'x', to: 'y', migrate: (s) => s },
      { from: 'y', to: 'x', migrate: (s) => s },
    ];
    expect(() => migrateSnapshot({ ...current(), machineVersion: 'x' }, loop)).toThrowError(UnknownMachineVersionError);
  });
});
