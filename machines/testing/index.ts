/**
 * Model-based testing of the license update order procedure (package export `license-update-kit/testing`):
 * paths generated from the real machine with xstate/graph, event cases from the demo dataset, a bounded state key,
 * coverage accounting and GraphWalker-like reports, seeded random walks, and adapters that let the same paths drive
 * the machine, the hooks, the HTTP API or a browser.
 *
 * ```ts
 * const model = createLicenseUpdateTestModel();            // createTestModel(licenseUpdateOrderMachine, …)
 * const paths = model.edgeCoveringPaths();                  // or shortestPaths(), refusalPaths(), randomWalk({ seed })
 * const report = await runPaths(paths, createMachineAdapter(), { chart: model.chart, logger: console.log });
 * // report: totals, visited/unvisited, stateNodeCoverage, edgeCoverage, edgesNotVisited, failures (as bug reports)
 * ```
 * Another system under test implements `TestAdapter` (`reset`, `send(step)`, `assert(expected)`) and runs the same paths.
 */
export { readChart, ROOT_LABEL, type Chart, type ChartEdge } from './chart.ts';
export {
  DEFAULT_TODAY,
  SHAPELESS_TERMS,
  alternativeTerms,
  changedParts,
  createDemoEventCases,
  demoFixtures,
  isEffectAnswer,
  ruleBreakingTerms,
  staleIdOf,
  type DemoEventCasesOptions,
  type DemoFixtures,
  type EventCases,
} from './eventCases.ts';
export { diffObservations, isLeaving, observe, serializeState, type Observation } from './observe.ts';
export { InvariantError, Stepper, brokenInvariants, describeEvent, describePath, replay, type ModelPath, type ModelStep, type Replayer } from './paths.ts';
export { CoverageTracker, formatReport, type CoverageReport, type PathFailure } from './coverage.ts';
export {
  createLicenseUpdateTestModel,
  type LicenseUpdateTestModel,
  type LicenseUpdateTestModelOptions,
  type RandomWalk,
  type RandomWalkOptions,
  type SimplePathOptions,
} from './model.ts';
export { StepMismatchError, runPaths, type Expectation, type RunOptions, type TestAdapter } from './adapter.ts';
export { createMachineAdapter, type MachineAdapter, type MachineAdapterOptions } from './machineAdapter.ts';
export { newSeed, seededRandom } from './random.ts';
export { startWorkflow, type Workflow, type WorkflowOptions } from './workflow.ts';
