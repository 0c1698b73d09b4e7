import type { Chart } from './chart.ts';
import { CoverageTracker, formatReport, type CoverageReport, type PathFailure } from './coverage.ts';
import { observe, type Observation } from './observe.ts';
import type { ModelPath, ModelStep } from './paths.ts';
import type { LicenseUpdateOrderSnapshot } from '../licenseUpdateOrder/index.ts';

/** What the system under test should show after a step (or at the start, step 0). */
export interface Expectation {
  /** 0 for the initial state, else the step's index. */
  step: number;
  statePath: string;
  /** The model's snapshot: adapters that can read a snapshot compare it; others use `observation`. */
  snapshot: LicenseUpdateOrderSnapshot;
  observation: Observation;
}

/**
 * Lets one generated path drive any system that runs the procedure: the machine, the React hooks, the HTTP API,
 * a browser. `send` performs a step; for an effect answer (`step.answer`), the system's own effect runs and
 * finishes as the step says (`current`: it succeeds; `effect.failed`: it fails) or, for a `stale` answer, an
 * old answer arrives and must be ignored. `assert` throws when the system does not show what the model expects.
 */
export interface TestAdapter {
  /** Starts a fresh system in the machine's initial state. */
  reset(): Promise<void> | void;
  send(step: ModelStep, path: ModelPath): Promise<void> | void;
  assert(expected: Expectation, path: ModelPath): Promise<void> | void;
  /** Releases what `reset` started (actors, pages, connections). */
  dispose?(): Promise<void> | void;
}

export interface RunOptions {
  chart: Chart;
  generator?: string;
  seed?: number | null;
  /** Stop at the first failing path instead of running them all. */
  bail?: boolean;
  logger?: (line: string) => void;
}

const expectationOf = (step: number, snapshot: LicenseUpdateOrderSnapshot, statePath: string): Expectation => ({
  step,
  statePath,
  snapshot,
  observation: observe(snapshot),
});

/** Runs paths through an adapter, step by step, and reports coverage and failures like GraphWalker. */
export async function runPaths(paths: readonly ModelPath[], adapter: TestAdapter, options: RunOptions): Promise<CoverageReport> {
  const tracker = new CoverageTracker(options.chart);
  const failures: PathFailure[] = [];
  for (const path of paths) {
    let at = 0;
    try {
      await adapter.reset();
      await adapter.assert(expectationOf(0, path.initial, 'start'), path);
      tracker.visitPath(path);
      for (const step of path.steps) {
        at = step.index;
        await adapter.send(step, path);
        await adapter.assert(expectationOf(step.index, step.state, step.statePath), path);
        tracker.visitStep(step);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ pathId: path.id, step: at, message, description: path.description });
      if (options.bail) break;
    } finally {
      await adapter.dispose?.();
    }
  }
  const report = tracker.report({ generator: options.generator ?? paths[0]?.generator ?? 'paths', seed: options.seed ?? null, failures });
  options.logger?.(formatReport(report));
  return report;
}

/** Thrown by adapters: the step, what was expected and what the system showed, field by field. */
export class StepMismatchError extends Error {
  override name = 'StepMismatchError';
  constructor(
    readonly step: number,
    readonly differences: string[],
    path: ModelPath,
  ) {
    super(`step ${step} of ${path.id}: the system does not show what the model expects\n  ${differences.join('\n  ')}\n${path.description}`);
  }
}
