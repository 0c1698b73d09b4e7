import { createActor, type Actor } from 'xstate';
import {
  licenseUpdateOrderMachine,
  type EffectKind,
  type LicenseUpdateOrderMachine,
} from '../licenseUpdateOrder/index.ts';
import {
  EffectError,
  InMemoryLicenseStore,
  createInMemoryEffects,
  demoTenant,
  runEffects,
  type EffectImplementations,
  type EffectRunner,
  type TenantDataset,
} from '../runtime/index.ts';
import { StepMismatchError, type Expectation, type TestAdapter } from './adapter.ts';
import { DEFAULT_TODAY } from './eventCases.ts';
import { diffObservations, observe } from './observe.ts';
import type { ModelPath, ModelStep } from './paths.ts';

export interface MachineAdapterOptions {
  machine?: LicenseUpdateOrderMachine;
  /** A fresh dataset for every path; `demoTenant` by default. */
  tenant?: () => TenantDataset;
  today?: string;
  workflowId?: string;
}

/** A request the effect runner started and the path has not finished yet. */
interface HeldEffect {
  id: string;
  kind: EffectKind;
  finish: () => Promise<unknown>;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}

export interface MachineAdapter extends TestAdapter {
  /** The actor of the current path (after `reset`). */
  readonly actor: Actor<LicenseUpdateOrderMachine>;
  /** The store the in-memory effects of the current path read and write. */
  readonly store: InMemoryLicenseStore;
  /** How many times each effect implementation ran in the current path. */
  readonly calls: Record<EffectKind, number>;
  dispose(): void;
}

/**
 * Drives a real actor hosted with `runEffects` and the in-memory effects, as an application would run it.
 * Each effect is held when requested and finished by the path's answer step: a current answer runs the in-memory
 * implementation, `effect.failed` makes it throw an EffectError, a stale answer is sent to the actor as it is.
 */
export function createMachineAdapter(options: MachineAdapterOptions = {}): MachineAdapter {
  const machine = options.machine ?? licenseUpdateOrderMachine;
  const tenant = options.tenant ?? demoTenant;
  const today = options.today ?? DEFAULT_TODAY;
  const now = new Date(`${today}T12:00:00.000Z`);

  let actor: Actor<LicenseUpdateOrderMachine> | null = null;
  let store: InMemoryLicenseStore | null = null;
  let runner: EffectRunner | null = null;
  let held: HeldEffect | null = null;
  let calls = {} as Record<EffectKind, number>;

  const holding = (real: EffectImplementations): EffectImplementations => {
    const wrapped = {} as Record<EffectKind, unknown>;
    for (const kind of Object.keys(real) as EffectKind[]) {
      wrapped[kind] = (input: unknown, request: { id: string; kind: EffectKind }) =>
        new Promise((resolve, reject) => {
          const implementation = real[kind] as (i: unknown, r: unknown) => unknown;
          held = {
            id: request.id,
            kind,
            finish: async () => {
              calls[kind] = (calls[kind] ?? 0) + 1;
              return implementation(input, request);
            },
            resolve,
            reject,
          };
        });
    }
    return wrapped as EffectImplementations;
  };

  const current = () => {
    if (!actor) throw new Error('reset() first');
    return actor;
  };

  const finishHeld = async (step: ModelStep) => {
    const effect = held;
    if (!effect) throw new Error(`step ${step.index}: "${step.event.type}" answers a request, but the actor asked for none`);
    held = null;
    if (step.event.type === 'effect.failed') {
      effect.reject(new EffectError(step.event.code, step.event.message, step.event.errors));
    } else {
      try {
        effect.resolve(await effect.finish());
      } catch (error) {
        effect.reject(error);
      }
    }
    await runner!.idle();
  };

  return {
    get actor() {
      return current();
    },
    get store() {
      if (!store) throw new Error('reset() first');
      return store;
    },
    get calls() {
      return calls;
    },
    reset() {
      store = new InMemoryLicenseStore(tenant(), { now: () => now });
      calls = {} as Record<EffectKind, number>;
      held = null;
      actor = createActor(machine, { input: { ...(options.workflowId ? { workflowId: options.workflowId } : { workflowId: 'model-workflow' }), today } }).start();
      runner = runEffects(actor, holding(createInMemoryEffects(store)));
    },
    async send(step: ModelStep) {
      if (step.answer === 'current') return finishHeld(step);
      current().send(step.event);
    },
    assert(expected: Expectation, path: ModelPath) {
      const differences = diffObservations(expected.observation, observe(current().getSnapshot()));
      if (differences.length > 0) throw new StepMismatchError(expected.step, differences, path);
    },
    dispose() {
      runner?.stop();
      actor?.stop();
      // A request still held when the path ends is dropped with the actor.
      held = null;
    },
  };
}
