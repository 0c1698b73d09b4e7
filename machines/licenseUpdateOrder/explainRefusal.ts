import type { LicenseUpdateOrderEvent } from './types.ts';
import { malformed, parameterizedReasons, reasons } from './guards.ts';
import type { LicenseUpdateOrderSnapshot } from './selectors.ts';
import { selectStatePath } from './selectors.ts';

export interface Refusal {
  /** `malformed`: the payload is wrong; `notAccepted`: the state has no transition for it; `guard`: a rule said no. */
  kind: 'malformed' | 'notAccepted' | 'guard';
  message: string;
}

type GuardRef = string | { type: string; params?: unknown } | undefined;

function reasonOf(guard: GuardRef, snapshot: LicenseUpdateOrderSnapshot, event: LicenseUpdateOrderEvent): string | null {
  if (guard === undefined) return null;
  const ref = typeof guard === 'string' ? { type: guard, params: undefined } : guard;
  if (ref.type in reasons) return reasons[ref.type as keyof typeof reasons](snapshot.context, event);
  if (ref.type in parameterizedReasons) {
    const fn = parameterizedReasons[ref.type as keyof typeof parameterizedReasons] as (c: unknown, e: unknown, p: unknown) => string | null;
    return fn(snapshot.context, event, ref.params);
  }
  return `Refused by ${ref.type}`;
}

/**
 * Why the snapshot would not take this event, or null when it would.
 * The same guard functions decide and explain, so the message never drifts from the rule.
 */
export function explainRefusal(snapshot: LicenseUpdateOrderSnapshot, event: LicenseUpdateOrderEvent): Refusal | null {
  if (snapshot.status !== 'active') return { kind: 'notAccepted', message: `The workflow is ${snapshot.status === 'done' ? 'finished' : snapshot.status}` };
  const bad = malformed(event);
  if (bad) return { kind: 'malformed', message: bad };
  if (snapshot.can(event)) return null;
  const candidates = [...snapshot._nodes]
    .reverse()
    .flatMap((node) => node.transitions.get(event.type) ?? []);
  if (candidates.length === 0) {
    return { kind: 'notAccepted', message: `"${event.type}" is not accepted in ${selectStatePath(snapshot)}` };
  }
  for (const transition of candidates) {
    const reason = reasonOf(transition.guard as GuardRef, snapshot, event);
    if (reason) return { kind: 'guard', message: reason };
  }
  return { kind: 'guard', message: `"${event.type}" was refused in ${selectStatePath(snapshot)}` };
}
