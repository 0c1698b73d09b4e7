// `npm run bench`: throughput figures of the machine and the service; figures, not pass/fail.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchMachine } from './machine.bench.ts';

console.log('Machine (one actor, in process)');
console.table(await benchMachine());

console.log('\nService (POST /api/update-orders/:id/events)');
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const server = spawnSync(process.execPath, [tsx, fileURLToPath(new URL('./server.bench.ts', import.meta.url))], { stdio: 'inherit' });
process.exitCode = server.status ?? 1;
