import type { Snapshot } from 'xstate';
import { licenseUpdateOrderMachine, MACHINE_VERSION } from './licenseUpdateOrder.machine.ts';
import type { LicenseUpdateOrderSnapshot } from './selectors.ts';

/** A snapshot as hosts store it (JSON, jsonb): the machine version travels with it. */
export interface PersistedWorkflow {
  machineVersion: string;
  snapshot: unknown;
}

/** One step from `from` to `to`; restore runs them in order until the current version. */
export interface SnapshotMigration {
  from: string;
  to: string;
  migrate: (snapshot: Record<string, unknown>) => Record<string, unknown>;
}

/** The real list: empty while version 1 is the only one ever persisted. */
export const SNAPSHOT_MIGRATIONS: readonly SnapshotMigration[] = [];

export class UnknownMachineVersionError extends Error {
  override name = 'UnknownMachineVersionError';
  constructor(readonly machineVersion: string) {
    super(`Cannot restore a workflow of machine version "${machineVersion}": this build knows version ${MACHINE_VERSION} and no migration leads there`);
  }
}

export function persistSnapshot(snapshot: LicenseUpdateOrderSnapshot): PersistedWorkflow {
  return { machineVersion: MACHINE_VERSION, snapshot: licenseUpdateOrderMachine.getPersistedSnapshot(snapshot) };
}

/** The persisted snapshot, migrated to this build's version; throws UnknownMachineVersionError when it cannot be. */
export function migrateSnapshot(
  persisted: PersistedWorkflow,
  migrations: readonly SnapshotMigration[] = SNAPSHOT_MIGRATIONS,
  targetVersion: string = MACHINE_VERSION,
): Snapshot<unknown> {
  let version = persisted.machineVersion;
  let snapshot = persisted.snapshot as Record<string, unknown>;
  const seen = new Set<string>();
  while (version !== targetVersion) {
    const step = migrations.find((m) => m.from === version);
    if (!step || seen.has(version)) throw new UnknownMachineVersionError(persisted.machineVersion);
    seen.add(version);
    snapshot = step.migrate(structuredClone(snapshot));
    version = step.to;
  }
  return snapshot as unknown as Snapshot<unknown>;
}
