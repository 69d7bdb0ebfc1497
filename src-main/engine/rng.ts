// The engine's one seeded generator: sfc32, seeded through a hash of the stream's keys. Every
// random draw of the engine comes from it — weight initialisation, dropout masks, the order of
// training windows, the samplers, the study and the pruners.
//
// Why these choices:
// - Only 32-bit integer math (Math.imul, shifts, `| 0`), so a seed gives the same numbers on
//   every platform and in every JavaScript engine.
// - sfc32 carries a counter in its state, so no seed can land on a short cycle (the period is at
//   least 2^32 from any state); it passes PractRand and BigCrush and costs a handful of ops.
// - A stream is named by its keys, integers or strings: `new Rng(seed, trialNumber)` for a
//   sampler's trial, `new Rng(seed, 'stack0.fc1.weight')` for a parameter. A draw then depends
//   only on what its keys say — never on how many draws other streams made before it — so adding
//   a parameter does not shift the others' initial weights, and a suggestion does not depend on
//   timing or on how many asks ran in parallel.

/** One key of a stream: an integer (seed, trial number, stream id) or a name. */
export type StreamKey = number | string

// Tags that keep a number key, a string's length and its characters apart, so 5, '5' and
// '\u0005' name different streams, and ('ab') differs from ('a', 'b').
const LOW_HALF = 0x632be59b
const HIGH_HALF = 0x85157af5
const TEXT_LENGTH = 0x3c6ef372
const TEXT_UNIT = 0xa54ff53a

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function absorb(h: number, value: number, tag: number): number {
  return mix32(h ^ mix32(value + tag))
}

/** Hash any number of keys into one 32-bit value. Integer keys are safe integers. */
export function hashKeys(...keys: StreamKey[]): number {
  let h = 0x9e3779b9
  for (const key of keys) {
    if (typeof key === 'string') {
      h = absorb(h, key.length, TEXT_LENGTH)
      for (let i = 0; i < key.length; i++) h = absorb(h, key.charCodeAt(i), TEXT_UNIT)
      continue
    }
    // A fraction or a number past 2^53 would be folded onto a neighbour's stream without notice.
    if (!Number.isSafeInteger(key))
      throw new RangeError(`random stream key ${key} is not a safe integer`)
    // Fold both halves of values beyond 32 bits, so large seeds still differ.
    h = absorb(h, key >>> 0, LOW_HALF)
    h = absorb(h, Math.floor(key / 2 ** 32) >>> 0, HIGH_HALF)
  }
  return h
}

/** Something indexable whose elements can be swapped: an array or a typed array. */
interface Swappable<T> {
  length: number
  [index: number]: T
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareNormal: number | null = null

  constructor(...keys: StreamKey[]) {
    const s = hashKeys(...keys)
    this.a = mix32(s ^ 0x243f6a88)
    this.b = mix32(s ^ 0x85a308d3)
    this.c = mix32(s ^ 0x13198a2e)
    this.d = 1
    // The first outputs after seeding are still close to the seed's hash; let them go.
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /** Uniform integer in [0, 2^32). */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1) with 53 random bits (every double of the form k / 2^53). */
  uniform(): number {
    const high = this.uint32() >>> 5
    const low = this.uint32() >>> 6
    return (high * 67108864 + low) / 9007199254740992
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n))
  }

  /** Standard normal (Marsaglia's polar method; both values of a pair are used). */
  normal(): number {
    if (this.spareNormal !== null) {
      const value = this.spareNormal
      this.spareNormal = null
      return value
    }
    for (;;) {
      const u = 2 * this.uniform() - 1
      const v = 2 * this.uniform() - 1
      const s = u * u + v * v
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s)
        this.spareNormal = v * f
        return u * f
      }
    }
  }

  /** Fisher–Yates, in place; returns `items`. */
  shuffle<A extends Swappable<unknown>>(items: A): A {
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
    let r = this.uniform() * total
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]
      if (r < 0) return i
    }
    return weights.length - 1
  }
}
