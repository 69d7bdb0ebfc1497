// The engine's one generator: reproducible streams named by keys, and draws with the right
// distributions. Every statistical check runs on a fixed seed, with bounds of about four standard
// errors (or a chi-square quantile of 0.999), so it is deterministic and still fails on a biased
// generator.

import { describe, expect, it } from 'vitest'
import { hashKeys, Rng, type StreamKey } from '../../../src-main/engine/rng'

const draws = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.uint32())
const first = (...keys: StreamKey[]): number[] => draws(new Rng(...keys), 4)

/** Pearson's statistic of observed counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0)
  const expected = total / counts.length
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0)
}

describe('streams', () => {
  it('repeat for the same keys', () => {
    expect(first(1, 2)).toEqual(first(1, 2))
    expect(first(7, 'stack0.fc1.weight')).toEqual(first(7, 'stack0.fc1.weight'))
  })

  it('give the numbers pinned here on every platform (32-bit integer math only)', () => {
    // Integer keys give the streams the samplers, studies and pruners drew before the engine's
    // two generators became one, so studies and the HPO benchmarks reproduce. A change here
    // moves every seeded result of the engine and must be deliberate.
    expect(draws(new Rng(1, 2), 3)).toEqual([4272579684, 1773016265, 3358253137])
    expect(draws(new Rng(2 ** 40 + 3, 7), 2)).toEqual([386111555, 2607909606])
    expect(hashKeys(42)).toBe(918803697)
    expect(draws(new Rng(42, 'stack0.block0.fc1.weight'), 2)).toEqual([788219828, 1709355475])
  })

  it('differ for different integer keys, names and key kinds', () => {
    const streams = [
      first(1, 2),
      first(1, 3),
      first(2, 1),
      first(1),
      first(1, 2, 0),
      first(1, 'a'),
      first(1, 'b'),
      first(1, 'ab'),
      first(1, 'a', 'b'),
      first(1, '5'),
      first(1, 5),
      first(1, '\u0005'),
      first(1, ''),
      first(2, 'a'),
    ]
    expect(new Set(streams.map((s) => s.join())).size).toBe(streams.length)
  })

  it('hash many parameter names and trial numbers without a collision', () => {
    const hashes = new Set<number>()
    for (let stack = 0; stack < 10; stack++)
      for (let layer = 0; layer < 100; layer++)
        for (const part of ['weight', 'bias'])
          hashes.add(hashKeys(3, `s${stack}.fc${layer}.${part}`))
    for (let trial = 0; trial < 2000; trial++) hashes.add(hashKeys(3, 1, trial))
    expect(hashes.size).toBe(10 * 100 * 2 + 2000)
  })

  it('tell large seeds apart (both 32-bit halves are folded in)', () => {
    expect(hashKeys(2 ** 40)).not.toBe(hashKeys(0))
    expect(first(2 ** 32 + 5)).not.toEqual(first(5))
    expect(first(-1)).not.toEqual(first(2 ** 32 - 1))
    expect(first(Number.MAX_SAFE_INTEGER)).not.toEqual(first(Number.MAX_SAFE_INTEGER - 1))
  })

  it('refuse keys that are not safe integers instead of folding them onto a neighbour', () => {
    expect(() => new Rng(1.5)).toThrow(RangeError)
    expect(() => new Rng(2 ** 53)).toThrow(RangeError)
    expect(() => hashKeys(Number.NaN)).toThrow(RangeError)
  })
})

describe('uniform', () => {
  it('is on [0, 1) with 53 random bits', () => {
    const rng = new Rng(9)
    let outside = 0
    let belowThirtyTwoBits = 0
    for (let i = 0; i < 10000; i++) {
      const u = rng.uniform()
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) outside++
      if (!Number.isInteger(u * 2 ** 32)) belowThirtyTwoBits++
    }
    expect(outside).toBe(0)
    // A 32-bit uniform would leave every draw a multiple of 2^-32.
    expect(belowThirtyTwoBits).toBeGreaterThan(9990)
  })

  it('fills equal bins equally, with the right mean and variance', () => {
    const rng = new Rng(9)
    const n = 100000
    const bins = new Array<number>(10).fill(0)
    let sum = 0
    let sq = 0
    for (let i = 0; i < n; i++) {
      const u = rng.uniform()
      bins[Math.floor(u * 10)]++
      sum += u
      sq += u * u
    }
    expect(chiSquare(bins)).toBeLessThan(27.88) // 9 degrees of freedom, 0.999
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n))
    expect(Math.abs(sq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002)
  })

  it('int(n) stays in [0, n) and hits every value equally', () => {
    const rng = new Rng(4, 'int')
    const counts = new Array<number>(7).fill(0)
    let outside = 0
    for (let i = 0; i < 70000; i++) {
      const k = rng.int(7)
      if (Number.isInteger(k) && k >= 0 && k < 7) counts[k]++
      else outside++
    }
    expect(outside).toBe(0)
    expect(chiSquare(counts)).toBeLessThan(22.46) // 6 degrees of freedom, 0.999
  })
})

describe('normal', () => {
  it('has mean 0, sd 1 and the standard normal mass within one and two sd', () => {
    const rng = new Rng(2024, 'normal')
    const n = 100000
    let sum = 0
    let sq = 0
    let withinOne = 0
    let withinTwo = 0
    for (let i = 0; i < n; i++) {
      const z = rng.normal()
      sum += z
      sq += z * z
      if (Math.abs(z) < 1) withinOne++
      if (Math.abs(z) < 2) withinTwo++
    }
    const mean = sum / n
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n))
    expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n))
    const mass = (p: number): number => 4 * Math.sqrt((p * (1 - p)) / n)
    expect(Math.abs(withinOne / n - 0.682689)).toBeLessThan(mass(0.682689))
    expect(Math.abs(withinTwo / n - 0.9545)).toBeLessThan(mass(0.9545))
  })

  it('uses both values of a pair, so consecutive draws are uncorrelated', () => {
    const rng = new Rng(5)
    const n = 50000
    let cross = 0
    let previous = rng.normal()
    for (let i = 0; i < n; i++) {
      const z = rng.normal()
      cross += previous * z
      previous = z
    }
    expect(Math.abs(cross / n)).toBeLessThan(4 / Math.sqrt(n))
  })
})

describe('shuffle and weighted', () => {
  it('shuffle permutes arrays and typed arrays in place', () => {
    const rng = new Rng(8)
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = rng.shuffle(items)
    expect(shuffled).toBe(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(shuffled).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
    const typed = rng.shuffle(Int32Array.from({ length: 50 }, (_, i) => i))
    expect(Array.from(typed).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })

  it('shuffle draws every order of four items equally often', () => {
    const rng = new Rng(8, 'orders')
    const counts = new Map<string, number>()
    for (let i = 0; i < 24000; i++) {
      const key = rng.shuffle(['a', 'b', 'c', 'd']).join('')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    expect(counts.size).toBe(24)
    expect(chiSquare([...counts.values()])).toBeLessThan(49.73) // 23 degrees of freedom, 0.999
  })

  it('weighted draws in proportion to the weights and never a zero weight', () => {
    const rng = new Rng(9)
    const n = 40000
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < n; i++) counts[rng.weighted([1, 0, 2, 1])]++
    expect(counts[1]).toBe(0)
    const bound = 4 * Math.sqrt((0.25 * 0.75) / n)
    expect(Math.abs(counts[0] / n - 0.25)).toBeLessThan(bound)
    expect(Math.abs(counts[2] / n - 0.5)).toBeLessThan(4 * Math.sqrt((0.5 * 0.5) / n))
    expect(Math.abs(counts[3] / n - 0.25)).toBeLessThan(bound)
  })
})
