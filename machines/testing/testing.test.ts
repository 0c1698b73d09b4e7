import { assign } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { licenseUpdateOrderMachine, selectStatePath } from '../licenseUpdateOrder/index.ts';
import { ROOT_LABEL } from './chart.ts';
import { formatReport } from './coverage.ts';
import { runPaths, type TestAdapter } from './adapter.ts';
import { createMachineAdapter } from './machineAdapter.ts';
import { createLicenseUpdateTestModel, type LicenseUpdateTestModel } from './model.ts';
import { observe, serializeState } from './observe.ts';
import { InvariantError, type ModelPath } from './paths.ts';
import { seededRandom } from './random.ts';

let model: LicenseUpdateTestModel;
let shortest: ModelPath[];
beforeAll(() => {
  model = createLicenseUpdateTestModel();
  shortest = model.shortestPaths();
});

describe('the chart read from the machine', () => {
  it('lists every state node and every transition, each edge named by source, event, guard and target', () => {
    expect(model.chart.stateNodes).toContain('customerSelection.card.serialsTab.licenseUpdatePage');
    expect(model.chart.stateNodes).toHaveLength(37);
    const ids = model.chart.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('review —order.submit [isOrderValid]→ submitting');
    expect(ids).toContain('orderForm.editing —nav.back [isFromOrigin(customerOrderPickingSerial)]→ customerSelection.card.ordersTab.pickingSerial');
    expect(ids).toContain(`${ROOT_LABEL} —wizard.cancel [isWellFormed]→ cancelled`);
  });
});

describe('coverage reports', () => {
  it('report 100% of the state nodes when the shortest paths run through the machine adapter', async () => {
    const logged: string[] = [];
    const report = await runPaths(shortest, createMachineAdapter(), { chart: model.chart, logger: (line) => logged.push(line) });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ paths: shortest.length, totalStateNodes: 37, visitedStateNodes: 37, stateNodeCoverage: 100, unvisitedStateNodes: [] });
    expect(report.steps).toBe(shortest.reduce((n, p) => n + p.steps.length, 0));
    expect(logged[0]).toContain('state nodes: 37/37 (100%)');
  });

  it('list the edges a run did not visit', async () => {
    const serialWayOnly = shortest.filter((p) => p.steps[0]?.event.type === 'way.select' && p.steps.every((s) => !s.statePath.startsWith('orderForm')));
    const report = await runPaths(serialWayOnly.slice(0, 5), createMachineAdapter(), { chart: model.chart });
    expect(report.failures).toEqual([]);
    expect(report.edgeCoverage).toBeLessThan(100);
    expect(report.visitedEdges + report.edgesNotVisited.length).toBe(report.totalEdges);
    expect(report.edgesNotVisited).toContain('review —order.submit [isOrderValid]→ submitting');
    expect(report.edgesNotVisited).toContain('orderForm.productEditor —line.remove [isAddedLine]→ orderForm.editing');
    expect(report.unvisitedStateNodes).toContain('orderForm.productPicker.choosing');
    const text = formatReport(report);
    expect(text).toContain('edgesNotVisited:');
    expect(text).toContain('    review —order.submit [isOrderValid]→ submitting');
  });

  it('count edges by the transition actually taken, not by the event', () => {
    const path = model.pathFromEvents([
      { type: 'way.select', way: 'serial' },
      { type: 'serial.search' },
      { type: 'nav.back' },
    ]);
    expect(path.steps.map((s) => s.edges.map((e) => e.id))).toEqual([
      ['entrySelection —way.select [isWay(serial)]→ serialDefinition'],
      [],
      ['serialDefinition.editing —nav.back [isWellFormed]→ entrySelection'],
    ]);
  });
});

describe('paths read like bug reports', () => {
  it('describe each path by its states and events', () => {
    const toReview = shortest.find((p) => p.steps.some((s) => s.statePath === 'review'))!;
    const lines = toReview.description.split('\n');
    expect(lines[0]).toMatch(/^shortest-\d+ \(shortest paths\): reaches \S+ in \d+ steps$/);
    expect(lines[1]).toBe('   0. start → entrySelection');
    expect(toReview.description).toMatch(/\d\. answer license\.loaded \(ser-[\w-]+\) → orderForm\.editing/);
    expect(toReview.description).toMatch(/\d\. order\.review → review/);
  });

  it('probe refusals: every refused kind of event once per state, each path ending in a refusal that changes nothing', async () => {
    const probes = model.refusalPaths();
    expect(probes.length).toBeGreaterThan(20);
    for (const probe of probes) {
      const last = probe.steps.at(-1)!;
      expect(last.edges).toEqual([]);
      expect(last.state.context).toBe((probe.steps.at(-2)?.state ?? probe.initial).context);
    }
    const refused = probes.map((p) => `${p.steps.at(-2)?.statePath} ${p.steps.at(-1)!.event.type}`);
    expect(refused).toContain('orderForm.editing order.review');
    expect(refused).toContain('orderForm.productEditor line.remove');
    expect(refused).toContain('customerSelection.card.serialsTab.searching tab.select');
    const report = await runPaths(probes, createMachineAdapter(), { chart: model.chart });
    expect(report.failures).toEqual([]);
  });

  it('show where a system under test departs from the model', async () => {
    // A system with a bug: review lets any order through.
    const buggy = licenseUpdateOrderMachine.provide({ guards: { isOrderValid: () => true } });
    const report = await runPaths(model.refusalPaths(), createMachineAdapter({ machine: buggy }), { chart: model.chart });
    expect(report.failures.length).toBeGreaterThan(0);
    const failure = report.failures[0]!;
    expect(failure.message).toMatch(/^step \d+ of refusal-\d+: the system does not show what the model expects/);
    expect(failure.message).toContain('state: expected "orderForm.editing", got "review"');
    expect(failure.description.split('\n')[failure.step + 1]).toContain('order.review (refused, nothing changes) → orderForm.editing [errors:');
  });

  it('stop a model whose chart breaks an invariant, with the path that breaks it', () => {
    // A chart with a bug: the search results are stored but the request stays pending.
    const broken = licenseUpdateOrderMachine.provide({
      actions: { storeSerialResults: assign(({ context }) => ({ serialResults: context.serialResults })) },
    });
    const brokenModel = createLicenseUpdateTestModel({ machine: broken });
    const fixtures = brokenModel.cases.fixtures;
    const run = () =>
      brokenModel.pathFromEvents([
        { type: 'way.select', way: 'serial' },
        { type: 'serial.input', text: fixtures.richSerial.serial },
        { type: 'serial.search' },
        { event: { type: 'serials.found', id: '', serials: [] }, answer: 'current' },
      ]);
    expect(run).toThrowError(InvariantError);
    expect(run).toThrowError(/after step 4: serialDefinition.results is not busy but findSerials is pending/);
  });
});

describe('random walks', () => {
  it('replay identically from a logged seed', () => {
    const logs: string[] = [];
    const first = model.randomWalk({ seed: 20_261_201, maxSteps: 400, logger: (l) => logs.push(l) });
    const again = model.randomWalk({ seed: 20_261_201, maxSteps: 400, logger: () => {} });
    const other = model.randomWalk({ seed: 7, maxSteps: 400, logger: () => {} });
    const events = (walk: typeof first) => walk.paths.map((p) => p.steps.map((s) => JSON.stringify(s.event)));
    expect(events(again)).toEqual(events(first));
    expect(events(other)).not.toEqual(events(first));
    expect(first.report.seed).toBe(20_261_201);
    expect(logs[0]).toMatch(/^random walk seed=20261201: \d+ paths, 400 steps/);
    expect(logs[0]).toContain('replay with { seed: 20261201 }');
  });

  it('pick a fresh seed and log it when none is given', () => {
    const logs: string[] = [];
    const walk = model.randomWalk({ maxSteps: 20, logger: (l) => logs.push(l) });
    expect(logs[0]).toContain(`seed=${walk.seed}`);
    const replayed = model.randomWalk({ seed: walk.seed, maxSteps: 20, logger: () => {} });
    expect(replayed.paths.map((p) => p.description)).toEqual(walk.paths.map((p) => p.description));
  });

  it('reach every edge when heading for unvisited ones, and the walk runs green on the machine adapter', async () => {
    const walk = model.randomWalk({ seed: 42, stop: { edgeCoverage: 100 }, maxSteps: 20_000, strategy: 'unvisitedFirst', logger: () => {} });
    expect(walk.report.edgeCoverage).toBe(100);
    expect(walk.report.steps).toBeLessThan(20_000);
    const report = await runPaths(walk.paths, createMachineAdapter(), { chart: model.chart, seed: walk.seed });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ seed: 42, edgeCoverage: 100, stateNodeCoverage: 100 });
  });

  it('use a deterministic generator', () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    const draws = Array.from({ length: 5 }, () => [a(), b()]);
    expect(draws.every(([x, y]) => x === y && x! >= 0 && x! < 1)).toBe(true);
  });
});

describe('simple paths', () => {
  it('enumerate, within bounds, every path into the results table that visits no state twice', () => {
    const { richSerial, malformedSerialText, unknownSerial } = model.cases.fixtures;
    const texts = new Set([richSerial.serial, malformedSerialText, unknownSerial]);
    const answers = new Set(['serial.search', 'serials.found', 'serials.notFound', 'effect.failed', 'effect.retry']);
    // Simple paths multiply fast: keep to the serial field, two texts, the search and its answers.
    const paths = model.simplePaths({
      toState: (s) => selectStatePath(s) === 'serialDefinition.results',
      filterEvents: (s, e) => {
        if (e.type === 'way.select') return e.way === 'serial';
        if (!s.matches('serialDefinition')) return false;
        return e.type === 'serial.input' ? texts.has(e.text) : answers.has(e.type);
      },
      stopWhen: (s) => !s.matches('serialDefinition') && !s.matches('entrySelection'),
    });
    expect(paths.length).toBeGreaterThanOrEqual(4);
    expect(paths.some((p) => p.steps.some((s) => s.event.type === 'serials.notFound'))).toBe(true);
    for (const path of paths) {
      expect(path.target).toBe('serialDefinition.results');
      const keys = [path.initial, ...path.steps.map((s) => s.state)].map((s) => serializeState(s));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('adapters', () => {
  it('let the same paths drive any system: a recording adapter sees every step in order', async () => {
    const seen: string[] = [];
    const recording: TestAdapter = {
      reset: () => void seen.push('reset'),
      send: (step) => void seen.push(`send ${step.event.type}`),
      assert: (expected) => void seen.push(`assert ${expected.step} ${expected.statePath}`),
    };
    const path = shortest.find((p) => p.steps.length === 2)!;
    const report = await runPaths([path], recording, { chart: model.chart });
    expect(report.failures).toEqual([]);
    expect(seen).toEqual([
      'reset',
      'assert 0 start',
      `send ${path.steps[0]!.event.type}`,
      `assert 1 ${path.steps[0]!.statePath}`,
      `send ${path.steps[1]!.event.type}`,
      `assert 2 ${path.steps[1]!.statePath}`,
    ]);
  });

  it('hold each effect of the machine adapter until the path answers it, and count the calls', async () => {
    const path = shortest.find((p) => p.steps.some((s) => s.event.type === 'effect.failed') && p.steps.some((s) => s.statePath === 'orderForm.editing'))!;
    const adapter = createMachineAdapter();
    adapter.reset();
    for (const step of path.steps) {
      await adapter.send(step, path);
      await adapter.assert({ step: step.index, statePath: step.statePath, snapshot: step.state, observation: observe(step.state) }, path);
    }
    const answered = path.steps.filter((s) => s.answer === 'current' && s.event.type !== 'effect.failed').length;
    expect(Object.values(adapter.calls).reduce((n, c) => n + c, 0)).toBe(answered);
    adapter.dispose();
  });
});
