import { createActor, type Actor, type Snapshot } from 'xstate';
import {
  explainRefusal,
  licenseUpdateOrderMachine,
  selectStatePath,
  type EffectKind,
  type LicenseUpdateOrderEvent,
  type LicenseUpdateOrderMachine,
  type LicenseUpdateOrderSnapshot,
  type Refusal,
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
import { DEFAULT_TODAY } from './eventCases.ts';

export interface WorkflowOptions {
  tenant?: TenantDataset;
  /** Share a store between workflows (a restored workflow continues on the data it started on). */
  store?: InMemoryLicenseStore;
  today?: string;
  workflowId?: string;
  /** Restore this persisted snapshot instead of starting fresh. */
  snapshot?: Snapshot<unknown>;
}

/** One run of the procedure as a host runs it: an actor, `runEffects` and the in-memory effects, with a few test levers. */
export interface Workflow {
  actor: Actor<LicenseUpdateOrderMachine>;
  store: InMemoryLicenseStore;
  /** How many times each effect implementation was called. */
  calls: Record<EffectKind, number>;
  /** Sends an event and waits until no effect is running; returns the snapshot after it. */
  send(event: LicenseUpdateOrderEvent): Promise<LicenseUpdateOrderSnapshot>;
  snapshot(): LicenseUpdateOrderSnapshot;
  /** The deepest active state, dotted: `orderForm.productEditor`. */
  state(): string;
  /** Why the current snapshot would refuse the event (null: it would take it). */
  explain(event: LicenseUpdateOrderEvent): Refusal | null;
  /** The next call of this effect throws (EffectError: answered as `effect.failed` with its code). */
  failNext(kind: EffectKind, error?: Error): void;
  /** The next call of this effect waits until `release()`: the actor stays busy meanwhile. */
  holdNext(kind: EffectKind): void;
  release(): Promise<LicenseUpdateOrderSnapshot>;
  /** Resolves when nothing is pending and nothing runs. */
  idle(): Promise<void>;
  stop(): void;
}

export function startWorkflow(options: WorkflowOptions = {}): Workflow {
  const today = options.today ?? DEFAULT_TODAY;
  const store = options.store ?? new InMemoryLicenseStore(options.tenant ?? demoTenant(), { now: () => new Date(`${today}T12:00:00.000Z`) });
  const real = createInMemoryEffects(store);
  const calls = {} as Record<EffectKind, number>;
  const failures = new Map<EffectKind, Error>();
  const holds = new Set<EffectKind>();
  let held: (() => void) | null = null;

  const effects = {} as Record<EffectKind, unknown>;
  for (const kind of Object.keys(real) as EffectKind[]) {
    effects[kind] = async (input: unknown, request: { id: string; kind: EffectKind }) => {
      calls[kind] = (calls[kind] ?? 0) + 1;
      if (holds.delete(kind)) await new Promise<void>((resolve) => (held = resolve));
      const failure = failures.get(kind);
      if (failure) {
        failures.delete(kind);
        throw failure;
      }
      return (real[kind] as (i: unknown, r: unknown) => unknown)(input, request);
    };
  }

  const actor = createActor(licenseUpdateOrderMachine, {
    input: { workflowId: options.workflowId ?? 'workflow-1', today },
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
  });
  actor.start();
  const runner: EffectRunner = runEffects(actor, effects as EffectImplementations);

  return {
    actor,
    store,
    calls,
    async send(event) {
      actor.send(event);
      if (!held) await runner.idle();
      return actor.getSnapshot();
    },
    snapshot: () => actor.getSnapshot(),
    state: () => selectStatePath(actor.getSnapshot()),
    explain: (event) => explainRefusal(actor.getSnapshot(), event),
    failNext(kind, error = new EffectError('unavailable', `The ${kind} service is unavailable`)) {
      failures.set(kind, error);
    },
    holdNext(kind) {
      holds.add(kind);
    },
    async release() {
      const resume = held;
      held = null;
      resume?.();
      await runner.idle();
      return actor.getSnapshot();
    },
    idle: () => runner.idle(),
    stop() {
      runner.stop();
      actor.stop();
    },
  };
}
