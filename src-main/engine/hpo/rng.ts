// A small seeded generator (sfc32, seeded through a 32-bit integer hash). Samplers derive one
// stream per (seed, trial number), so a suggestion depends only on the seed, the trial number and
// the trials told before it — never on timing or on how many asks ran in parallel.

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Hash any number of integers (seed, stream ids) into one 32-bit value. */
export function hashInts(...keys: number[]): number {
  let h = 0x9e3779b9
  for (const key of keys) {
    // Fold both halves of values beyond 32 bits, so large seeds still differ.
    const low = key >>> 0
    const high = Math.floor(key / 2 ** 32) >>> 0
    h = mix32(h ^ mix32(low + 0x632be59b))
    h = mix32(h ^ mix32(high + 0x85157af5))
  }
  return h
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareNormal: number | null = null

  constructor(...keys: number[]) {
    const s = hashInts(...keys)
    this.a = mix32(s ^ 0x243f6a88)
    this.b = mix32(s ^ 0x85a308d3)
    this.c = mix32(s ^ 0x13198a2e)
    this.d = 1
    for (let i = 0; i < 12; i++) this.uint32()
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.uint32() >>> 5
    const low = this.uint32() >>> 6
    return (high * 67108864 + low) / 9007199254740992
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.next() * n))
  }

  /** Standard normal (Marsaglia's polar method). */
  normal(): number {
    if (this.spareNormal !== null) {
      const value = this.spareNormal
      this.spareNormal = null
      return value
    }
    for (;;) {
      const u = 2 * this.next() - 1
      const v = 2 * this.next() - 1
      const s = u * u + v * v
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s)
        this.spareNormal = v * f
        return u * f
      }
    }
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const t = items[i]
      items[i] = items[j]
      items[j] = t
    }
    return items
  }

  /** An index drawn with probability proportional to weights (non-negative, not all zero). */
  weighted(weights: ArrayLike<number>): number {
    let total = 0
    for (let i = 0; i < weights.length; i++) total += weights[i]
    let r = this.next() * total
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]
      if (r < 0) return i
    }
    return weights.length - 1
  }
}
