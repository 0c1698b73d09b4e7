// `npm run bench`: throughput figures of the machine and the service; figures, not pass/fail.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchMachine } from './machine.bench.ts';

console.log('Machine (one actor, in process)');
const machine = await benchMachine();
console.table(machine);
console.log(`ratio: form events per restore cycle ${(machine.eventsPerSecond! / machine.restoreCyclesPerSecond!).toFixed(1)}× (restore + persist dominate a stateless request)`);

console.log('\nService (POST /api/update-orders/:id/events)');
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const server = spawnSync(process.execPath, [tsx, fileURLToPath(new URL('./server.bench.ts', import.meta.url))], { stdio: 'inherit' });
process.exitCode = server.status ?? 1;
