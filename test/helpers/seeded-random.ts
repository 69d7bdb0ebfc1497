// The one seeded random source of the tests and the generated fixtures, so that failures
// reproduce and fixture files come out byte for byte the same on every machine.

/** mulberry32: small, fast and seeded; uniform numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
