/** mulberry32: tiny, fast and the same on every platform, so a logged seed replays a walk exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed when none is given; it is logged, so the run can still be replayed. */
export function newSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
