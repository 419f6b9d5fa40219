/**
 * mulberry32: a tiny, fast, seeded 32-bit PRNG returning floats in [0, 1). Shared by the fixture
 * model generator (its bytes must be the same on every machine and Node version) and the bench's
 * synthetic vectors; a library PRNG would change the committed fixture for no gain.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
