// Machine throughput: events/s through one actor, and the service's per-request shape (restore → event → persist → stringify).
import { createActor } from 'xstate';
import {
  InMemoryLicenseStore,
  createInMemoryEffects,
  licenseUpdateOrderMachine,
  migrateSnapshot,
  persistSnapshot,
  runEffects,
} from '../machines/index.ts';

const TODAY = '2026-12-04';

async function formSnapshot() {
  const actor = createActor(licenseUpdateOrderMachine, { input: { workflowId: 'bench', today: TODAY } }).start();
  const runner = runEffects(actor, createInMemoryEffects(new InMemoryLicenseStore()));
  actor.send({ type: 'way.select', way: 'serial' });
  actor.send({ type: 'serial.input', text: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP' });
  actor.send({ type: 'serial.search' });
  await runner.idle();
  actor.send({ type: 'serial.update' });
  await runner.idle();
  runner.stop();
  return actor;
}

function rate(count: number, ms: number) {
  return Math.round((count / ms) * 1000);
}

export async function benchMachine(): Promise<Record<string, number>> {
  const actor = await formSnapshot();
  const events = 20_000;
  let start = performance.now();
  for (let i = 0; i < events; i++) actor.send({ type: 'crmId.change', value: `CRM-${i % 100}` });
  const eventsPerSecond = rate(events, performance.now() - start);

  const persisted = JSON.stringify(persistSnapshot(actor.getSnapshot()));
  const rounds = 2_000;
  start = performance.now();
  for (let i = 0; i < rounds; i++) {
    const restored = createActor(licenseUpdateOrderMachine, { snapshot: migrateSnapshot(JSON.parse(persisted)), input: {} }).start();
    restored.send({ type: 'comment.change', value: `note ${i}` });
    JSON.stringify(persistSnapshot(restored.getSnapshot()));
    restored.stop();
  }
  const restoreCyclesPerSecond = rate(rounds, performance.now() - start);
  return { eventsPerSecond, restoreCyclesPerSecond, snapshotBytes: persisted.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchMachine());
}
