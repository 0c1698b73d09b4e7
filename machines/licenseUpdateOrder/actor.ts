import { createActor, transition, type Actor, type InspectionEvent, type Observer, type Snapshot, type StateValue } from 'xstate';
import { licenseUpdateOrderMachine, type LicenseUpdateOrderMachine } from './licenseUpdateOrder.machine.ts';
import type { LicenseUpdateOrderSnapshot } from './selectors.ts';
import type { LicenseUpdateOrderEvent, LicenseUpdateOrderInput } from './types.ts';

export type LicenseUpdateOrderActor = Actor<LicenseUpdateOrderMachine>;
export type { InspectionEvent, Observer, StateValue };

export interface LicenseUpdateOrderActorOptions {
  input?: LicenseUpdateOrderInput;
  /** A persisted (and migrated) snapshot to resume from. */
  snapshot?: Snapshot<unknown>;
  /** An inspector, e.g. `createBrowserInspector().inspect` from @statelyai/inspect. */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

/** Hosts create the actor here, so only machines/ depends on xstate itself (ARCHITECTURE.md import rules). Not started. */
export function createLicenseUpdateOrderActor(options: LicenseUpdateOrderActorOptions = {}): LicenseUpdateOrderActor {
  return createActor(licenseUpdateOrderMachine, {
    input: options.input,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
}

/** The snapshot after one event, computed without an actor (replaying edits on a fresh view). */
export function nextSnapshot(snapshot: LicenseUpdateOrderSnapshot, event: LicenseUpdateOrderEvent): LicenseUpdateOrderSnapshot {
  return transition(licenseUpdateOrderMachine, snapshot, event)[0];
}

/** A snapshot from a state value and context (the service's view), as if the actor had reached it. */
export function snapshotFromView(view: { state: StateValue; context: LicenseUpdateOrderSnapshot['context'] }): LicenseUpdateOrderSnapshot {
  return licenseUpdateOrderMachine.resolveState({ value: view.state, context: view.context });
}
