import { createTestModel, type TestModel, type TestPath } from 'xstate/graph';
import {
  licenseUpdateOrderMachine,
  selectNextEvents,
  selectStatePath,
  type LicenseUpdateOrderEvent,
  type LicenseUpdateOrderInput,
  type LicenseUpdateOrderMachine,
  type LicenseUpdateOrderSnapshot,
} from '../licenseUpdateOrder/index.ts';
import { ROOT_LABEL, readChart, type Chart, type ChartEdge } from './chart.ts';
import { CoverageTracker, type CoverageReport } from './coverage.ts';
import { createDemoEventCases, isEffectAnswer, type DemoEventCasesOptions, type EventCases } from './eventCases.ts';
import { serializeState } from './observe.ts';
import { Stepper, replay, type ModelPath, type ModelStep, type Replayer } from './paths.ts';
import { newSeed, seededRandom } from './random.ts';

type Ev = LicenseUpdateOrderEvent;
type Snapshot = LicenseUpdateOrderSnapshot;

export interface LicenseUpdateTestModelOptions {
  /** The machine under test; the real one unless a tester checks a changed copy. */
  machine?: LicenseUpdateOrderMachine;
  /** Event cases; by default `createDemoEventCases(caseOptions)`. */
  cases?: EventCases;
  caseOptions?: DemoEventCasesOptions;
  workflowId?: string;
}

export interface RandomWalkOptions {
  /** Logged with the result: the same seed replays the same walk. A fresh one when absent. */
  seed?: number;
  /** Stop once both are reached (percent), or after `maxSteps` steps in all. */
  stop?: { edgeCoverage?: number; stateNodeCoverage?: number };
  maxSteps?: number;
  /** A path ends after this many steps even if the workflow has not finished. */
  maxPathLength?: number;
  /**
   * `random`: every accepted event alike, but cancelling, going back and failing effects less often (they end or
   * undo progress). `unvisitedFirst` (GraphWalker's quick_random in spirit): an event that takes an edge not
   * visited yet whenever there is one.
   */
  strategy?: 'random' | 'unvisitedFirst';
  logger?: (line: string) => void;
}

export interface RandomWalk {
  seed: number;
  paths: ModelPath[];
  report: CoverageReport;
}

export interface SimplePathOptions {
  /** Keep the paths that end in a snapshot passing this test. */
  toState?: (snapshot: Snapshot) => boolean;
  /** Leave out events (simple paths multiply fast: restrict them). */
  filterEvents?: (snapshot: Snapshot, event: Ev) => boolean;
  /** Do not explore past a snapshot passing this test. */
  stopWhen?: (snapshot: Snapshot) => boolean;
  fromState?: Snapshot;
}

export interface LicenseUpdateTestModel {
  machine: LicenseUpdateOrderMachine;
  /** The xstate/graph model itself, for testers who want its own API (`testPath`, `getAdjacencyMap`, …). */
  testModel: TestModel<Snapshot, Ev, unknown>;
  chart: Chart;
  cases: EventCases;
  input: LicenseUpdateOrderInput;
  /** One path to every state the bounded model reaches, shortest first, without paths another path extends. */
  shortestPaths(): ModelPath[];
  /** Like `shortestPaths`, plus one path for every chart edge the shortest paths miss and the cases can take. */
  edgeCoveringPaths(): ModelPath[];
  /**
   * Negative checks: for each atomic state and each kind of event the cases offer there and the machine refuses,
   * the shortest path to that state plus the refused event (nothing may change). Shortest and edge-covering paths
   * never contain a refusal, since a refusal leads nowhere new.
   */
  refusalPaths(): ModelPath[];
  /** Every path that visits no state twice, within the given bounds (xstate/graph `getSimplePaths`). */
  simplePaths(options: SimplePathOptions): ModelPath[];
  /** GraphWalker's `random(edge_coverage(n))`: picks accepted events at random, seeded; restarts at a final state. */
  randomWalk(options?: RandomWalkOptions): RandomWalk;
  /** A path from events written by hand (answers marked `current` are re-addressed to the pending request). */
  pathFromEvents(events: readonly (Ev | { event: Ev; answer: ModelStep['answer'] })[], id?: string): ModelPath;
  /** The model's own coverage by these paths, before any adapter runs. */
  coverage(paths: readonly ModelPath[], generator: string): CoverageReport;
}

export function createLicenseUpdateTestModel(options: LicenseUpdateTestModelOptions = {}): LicenseUpdateTestModel {
  const machine = options.machine ?? licenseUpdateOrderMachine;
  const cases = options.cases ?? createDemoEventCases(options.caseOptions);
  const input: LicenseUpdateOrderInput = { workflowId: options.workflowId ?? 'model-workflow', today: cases.fixtures.today };
  const chart = readChart(machine);
  const replayer: Replayer = { machine, chart, input };
  // createTestModel adds a bare `{ type }` for every event type a state has and the cases leave out: keep to the cases.
  const offered = new WeakMap<Snapshot, Set<Ev>>();
  const events = (snapshot: Snapshot) => {
    const list = cases.events(snapshot);
    offered.set(snapshot, new Set(list));
    return list;
  };
  const isOffered = (snapshot: Snapshot, event: Ev) => offered.get(snapshot)?.has(event) ?? false;
  // createTestModel throws on invoke, after and delayed actions: accepting the real machine proves it pure.
  const testModel = createTestModel(machine, { events, filterEvents: isOffered, serializeState: (s) => serializeState(s), input });

  const mark = (event: Ev): ModelStep['answer'] => (isEffectAnswer(event) ? (cases.isStale(event) ? 'stale' : 'current') : null);

  const fromTestPath = (testPath: TestPath<Snapshot, Ev>, id: string, generator: string): ModelPath => {
    // Step 0 of an xstate/graph path is the initial state ("xstate.init").
    const events = testPath.steps.slice(1).map((step) => ({ event: step.event, answer: mark(step.event) }));
    const path = replay(replayer, events, { id, generator });
    // The bounded key must be sound: replayed for real, every step lands in the state the model grouped it under.
    path.steps.forEach((step, i) => {
      if (serializeState(step.state) !== serializeState(testPath.steps[i + 1]!.state)) {
        throw new Error(`serializeState is too coarse: step ${step.index} of this path lands elsewhere than the model expects\n${path.description}`);
      }
    });
    return path;
  };

  let everyState: TestPath<Snapshot, Ev>[] | null = null;
  // One traversal serves both generators: a path to every state of the bounded model, shortest first.
  const pathsToEveryState = () => {
    everyState ??= testModel.getShortestPaths({ allowDuplicatePaths: true }).sort((a, b) => a.steps.length - b.steps.length);
    return everyState;
  };

  let shortest: ModelPath[] | null = null;
  const shortestPaths = () => {
    shortest ??= withoutPrefixes(pathsToEveryState()).map((testPath, i) => fromTestPath(testPath, `shortest-${i + 1}`, 'shortest paths'));
    return shortest;
  };

  const edgeCoveringPaths = () => {
    const tree = shortestPaths();
    const tracker = new CoverageTracker(chart).visitAll(tree);
    const extra: ModelPath[] = [];
    for (const edge of chart.edges) {
      if (tracker.edgeVisited(edge.id)) continue;
      const found = extendToEdge(edge, `edge-${extra.length + 1}`);
      if (found) {
        tracker.visitAll([found]);
        extra.push(found);
      }
    }
    return [...tree, ...extra];
  };

  /** The shortest path to a state where one of the cases takes `edge`, with that event added. */
  const extendToEdge = (edge: ChartEdge, id: string): ModelPath | null => {
    for (const testPath of pathsToEveryState()) {
      const end = testPath.state;
      if (edge.source !== ROOT_LABEL && !chart.nodesOf(end).includes(edge.source)) continue;
      for (const event of cases.events(end).filter((e) => e.type === edge.event)) {
        if (!chart.edgesTaken(end, event).some((e) => e.id === edge.id)) continue;
        const events = [...testPath.steps.slice(1).map((step) => ({ event: step.event, answer: mark(step.event) })), { event, answer: mark(event) }];
        const path = replay(replayer, events, { id, generator: 'edge coverage' });
        if (path.steps.at(-1)?.edges.some((e) => e.id === edge.id)) return path;
      }
    }
    return null;
  };

  const refusalPaths = () => {
    const probed = new Set<string>();
    const paths: ModelPath[] = [];
    for (const testPath of pathsToEveryState()) {
      const end = testPath.state;
      if (end.status !== 'active') continue;
      const own = new Set(selectNextEvents(end));
      for (const event of cases.events(end)) {
        if (!own.has(event.type) || chart.edgesTaken(end, event).length > 0) continue;
        const probe = `${selectStatePath(end)} ${event.type} ${mark(event) ?? ''}`;
        if (probed.has(probe)) continue;
        probed.add(probe);
        const events = [...testPath.steps.slice(1).map((step) => ({ event: step.event, answer: mark(step.event) })), { event, answer: mark(event) }];
        paths.push(replay(replayer, events, { id: `refusal-${paths.length + 1}`, generator: 'refusals' }));
      }
    }
    return paths;
  };

  const simplePaths = (bounds: SimplePathOptions) =>
    testModel
      .getSimplePaths({
        ...bounds,
        filterEvents: (snapshot, event) => isOffered(snapshot, event) && (bounds.filterEvents?.(snapshot, event) ?? true),
      }).map((testPath, i) => fromTestPath(testPath, `simple-${i + 1}`, 'simple paths'));

  const randomWalk = (walk: RandomWalkOptions = {}): RandomWalk => {
    const seed = walk.seed ?? newSeed();
    const random = seededRandom(seed);
    const maxSteps = walk.maxSteps ?? 2000;
    const maxPathLength = walk.maxPathLength ?? 200;
    const tracker = new CoverageTracker(chart);
    const done = () =>
      (walk.stop?.edgeCoverage === undefined || tracker.edgePercent >= walk.stop.edgeCoverage) &&
      (walk.stop?.stateNodeCoverage === undefined || tracker.stateNodePercent >= walk.stop.stateNodeCoverage) &&
      walk.stop !== undefined;
    const paths: ModelPath[] = [];
    let total = 0;
    while (total < maxSteps && !done()) {
      const stepper = new Stepper(replayer);
      tracker.visitPath(stepper);
      while (total < maxSteps && stepper.steps.length < maxPathLength && !done()) {
        const state = stepper.state;
        if (state.status !== 'active') break;
        const accepted = cases.events(state).filter((e) => state.can(e));
        if (accepted.length === 0) break;
        const fresh =
          walk.strategy === 'unvisitedFirst' ? accepted.filter((e) => chart.edgesTaken(state, e).some((edge) => !tracker.edgeVisited(edge.id))) : [];
        const event = pickWeighted(fresh.length > 0 ? fresh : accepted, random);
        tracker.visitStep(stepper.send(event, mark(event)));
        total += 1;
      }
      paths.push(stepper.toPath({ id: `walk-${paths.length + 1}`, generator: `random walk (seed ${seed})` }));
    }
    const report = tracker.report({ generator: 'random walk', seed });
    (walk.logger ?? console.log)(
      `random walk seed=${seed}: ${paths.length} paths, ${total} steps, edges ${report.edgeCoverage}%, state nodes ${report.stateNodeCoverage}% (replay with { seed: ${seed} })`,
    );
    return { seed, paths, report };
  };

  const pathFromEvents: LicenseUpdateTestModel['pathFromEvents'] = (events, id = 'events') =>
    replay(
      replayer,
      events.map((e) => ('event' in e ? e : { event: e, answer: null })),
      { id, generator: 'events' },
    );

  const coverage = (paths: readonly ModelPath[], generator: string) => new CoverageTracker(chart).visitAll(paths).report({ generator });

  return { machine, testModel, chart, cases, input, shortestPaths, edgeCoveringPaths, refusalPaths, simplePaths, randomWalk, pathFromEvents, coverage };
}

/** How often the random walk picks an event, relative to 1: the events that end the walk or undo progress less. */
function weightOf(event: Ev): number {
  if (event.type === 'wizard.cancel') return 0.05;
  if (event.type === 'effect.failed') return 0.25;
  if (event.type === 'nav.back') return 0.3;
  return 1;
}

function pickWeighted(events: readonly Ev[], random: () => number): Ev {
  const total = events.reduce((sum, e) => sum + weightOf(e), 0);
  let point = random() * total;
  for (const event of events) {
    point -= weightOf(event);
    if (point < 0) return event;
  }
  return events[events.length - 1]!;
}

/** Drops every path whose events begin another path's (A → B is run as part of A → B → C). */
function withoutPrefixes(paths: readonly TestPath<Snapshot, Ev>[]): TestPath<Snapshot, Ev>[] {
  // Paths share the traversal's event objects, so identity names an event.
  const ids = new WeakMap<object, number>();
  let next = 0;
  const idOf = (event: object) => {
    let n = ids.get(event);
    if (n === undefined) ids.set(event, (n = next++));
    return n;
  };
  const keyed = paths.map((path) => ({ path, keys: path.steps.slice(1).map((s) => idOf(s.event)) })).sort((a, b) => b.keys.length - a.keys.length);
  const prefixes = new Set<string>();
  const kept: TestPath<Snapshot, Ev>[] = [];
  for (const { path, keys } of keyed) {
    if (prefixes.has(keys.join(','))) continue;
    kept.push(path);
    for (let i = 0; i <= keys.length; i += 1) prefixes.add(keys.slice(0, i).join(','));
  }
  return kept.reverse();
}
