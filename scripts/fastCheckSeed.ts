// Property tests replay: one seed per run, printed, fixed unless FC_SEED says otherwise (FC_SEED=random explores).
import fc from 'fast-check';

const fromEnv = process.env.FC_SEED;
const seed = fromEnv === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(fromEnv ?? 20261204);
fc.configureGlobal({ seed });
if (fromEnv) console.log(`fast-check seed ${seed}`);
