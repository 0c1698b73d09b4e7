import type { Actor } from 'xstate';
import type { FieldErrors } from '../domain/index.ts';
import type { LicenseUpdateOrderMachine } from '../licenseUpdateOrder/licenseUpdateOrder.machine.ts';
import type { EffectAnswers, EffectInputs, EffectKind, LicenseUpdateOrderEvent, PendingEffect } from '../licenseUpdateOrder/types.ts';

/** A host's implementation of every effect: given the request's input, the answer (without its id). */
export type EffectImplementations = {
  [K in EffectKind]: (input: EffectInputs[K], request: { id: string; kind: K }) => Promise<EffectAnswers[K]> | EffectAnswers[K];
};

/** Thrown by an implementation to answer `effect.failed` with a code the UI can act on. */
export class EffectError extends Error {
  override name = 'EffectError';
  constructor(
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
  }
}

export interface EffectRunner {
  /** Resolves once nothing is pending and nothing is in flight (the machine waits for the operator). */
  idle(): Promise<void>;
  stop(): void;
}

type LicenseUpdateOrderActor = Actor<LicenseUpdateOrderMachine>;

/**
 * Watches `context.pending` and runs each request once, by id, with the host's implementation,
 * then sends the answer. A restored snapshot with a request pending is run straight away.
 */
export function runEffects(actor: LicenseUpdateOrderActor, effects: EffectImplementations): EffectRunner {
  const started = new Set<string>();
  let inFlight = 0;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const isIdle = () => inFlight === 0 && (actor.getSnapshot().status !== 'active' || actor.getSnapshot().context.pending === null);
  const settle = (force = false) => {
    if (!force && !isIdle()) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const answer = (event: LicenseUpdateOrderEvent) => {
    if (!stopped && actor.getSnapshot().status === 'active') actor.send(event);
  };

  const run = async (pending: PendingEffect) => {
    inFlight += 1;
    try {
      const implementation = effects[pending.kind] as (input: unknown, request: { id: string; kind: EffectKind }) => Promise<EffectAnswers[EffectKind]> | EffectAnswers[EffectKind];
      const result = await implementation(pending.input, { id: pending.id, kind: pending.kind });
      answer({ ...result, id: pending.id } as LicenseUpdateOrderEvent);
      // An answer the machine refused (a malformed payload) must not leave it waiting forever.
      if (actor.getSnapshot().context.pending?.id === pending.id) {
        answer({ type: 'effect.failed', id: pending.id, code: 'invalidAnswer', message: `The ${pending.kind} answer was not accepted` });
      }
    } catch (error) {
      const failure = error instanceof EffectError ? error : null;
      answer({
        type: 'effect.failed',
        id: pending.id,
        code: failure?.code ?? 'unexpected',
        message: failure?.message ?? (error instanceof Error ? error.message : String(error)),
        ...(failure?.errors ? { errors: failure.errors } : {}),
      });
    } finally {
      inFlight -= 1;
      settle();
    }
  };

  const check = () => {
    const snapshot = actor.getSnapshot();
    const pending = snapshot.status === 'active' ? snapshot.context.pending : null;
    if (pending && !started.has(pending.id)) {
      started.add(pending.id);
      void run(pending);
    }
    settle();
  };

  const subscription = actor.subscribe({ next: check, error: () => settle(), complete: () => settle() });
  check();

  return {
    idle: () => (isIdle() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    stop: () => {
      stopped = true;
      subscription.unsubscribe();
      settle(true);
    },
  };
}
