import { createMachine } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTenant } from '../runtime/index.ts';
import { createDemoEventCases, isEffectAnswer } from '../testing/eventCases.ts';
import { createMachineAdapter } from '../testing/machineAdapter.ts';
import { createLicenseUpdateTestModel, type LicenseUpdateTestModel } from '../testing/model.ts';
import { runPaths } from '../testing/adapter.ts';
import { serializeState } from '../testing/observe.ts';
import type { ModelPath } from '../testing/paths.ts';
import { licenseUpdateOrderMachine } from './licenseUpdateOrder.machine.ts';

describe('the machine is pure', () => {
  it('is accepted by createTestModel from xstate/graph', () => {
    const cases = createDemoEventCases();
    expect(() => createTestModel(licenseUpdateOrderMachine, { events: cases.events, serializeState: (s) => serializeState(s) })).not.toThrow();
  });

  it('would be refused with an invoke or a delayed transition (the check is real)', () => {
    const invoking = createMachine({ initial: 'a', states: { a: { invoke: { src: 'load' } } } });
    const delayed = createMachine({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } });
    expect(() => createTestModel(invoking)).toThrow(/Invocations/);
    expect(() => createTestModel(delayed)).toThrow(/After events/);
  });
});

describe('paths generated from the real machine', () => {
  let model: LicenseUpdateTestModel;
  let shortest: ModelPath[];
  beforeAll(() => {
    model = createLicenseUpdateTestModel();
    shortest = model.shortestPaths();
  });

  it('reach every state node of the chart with the shortest paths of a bounded model', () => {
    const report = model.coverage(shortest, 'shortest paths');
    expect(report.totalStateNodes).toBe(model.chart.stateNodes.length);
    expect(report.unvisitedStateNodes).toEqual([]);
    expect(report.stateNodeCoverage).toBe(100);
    // Bounded: the key leaves out request counters, so the model has hundreds of paths, not an explosion.
    expect(shortest.length).toBeGreaterThan(100);
    expect(shortest.length).toBeLessThan(2000);
  });

  it('take every transition of the chart once the edge-covering paths are added', () => {
    const report = model.coverage(model.edgeCoveringPaths(), 'edge coverage');
    expect(report.edgesNotVisited).toEqual([]);
    expect(report.edgeCoverage).toBe(100);
  });

  it('use events from the real dataset: ids the tenant has, answers the in-memory effects give', () => {
    const tenant = demoTenant();
    const ids = new Set([...tenant.orders, ...tenant.customers, ...tenant.serials, ...tenant.products].map((row) => row.id));
    for (const path of shortest) {
      for (const { event } of path.steps) {
        for (const key of ['orderId', 'customerId', 'serialId', 'productId'] as const) {
          const id = (event as Record<string, unknown>)[key];
          if (typeof id === 'string') expect(ids.has(id), `${event.type} ${id}`).toBe(true);
        }
      }
    }
    const answers = model.edgeCoveringPaths().flatMap((p) => p.steps.filter((s) => isEffectAnswer(s.event) && s.answer === 'current'));
    expect(new Set(answers.map((s) => s.event.type))).toEqual(
      new Set(['serials.found', 'serials.notFound', 'orders.found', 'order.loaded', 'customers.found', 'customer.loaded', 'license.loaded', 'products.loaded', 'draft.saved', 'order.submitted', 'effect.failed']),
    );
  });

  it('run on a real actor with runEffects and the in-memory effects exactly as the model says', async () => {
    const report = await runPaths(model.edgeCoveringPaths(), createMachineAdapter(), { chart: model.chart });
    expect(report.failures).toEqual([]);
    expect(report.stateNodeCoverage).toBe(100);
    expect(report.edgeCoverage).toBe(100);
  });
});
