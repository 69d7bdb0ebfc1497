import { describe, expect, it } from 'vitest'
import {
  crps,
  crpsPinball,
  crpsPoint,
  pinball,
  pinballAt,
  quantileFunction,
} from '../../../../src-main/engine/metrics/quantile'
import {
  referenceCrps,
  referenceCrpsPoint,
  referencePinball,
} from '../../../../src-main/engine/metrics/reference'
import { seeded } from '../data/helpers'
import { close, randomPoints } from './random-points'

const one = (y: number, l: number, m: number, u: number) => ({
  actual: [y],
  p10: [l],
  p50: [m],
  p90: [u],
})

describe('pinball', () => {
  it('is ρ_τ(y − q) averaged over the three levels', () => {
    // e = 2 at τ 0.1 → 0.2; e = 0 at τ 0.5; e = −3 at τ 0.9 → 0.3.
    expect(pinball(one(10, 8, 10, 13))).toBeCloseTo(0.5 / 3, 14)
    expect(pinballAt([10, NaN], [8, 0], 0.1)).toBeCloseTo(0.2, 14)
    expect(crpsPinball(one(10, 8, 10, 13))).toBeCloseTo(1 / 3, 14)
  })

  it('matches the reference on random inputs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = randomPoints(seed)
      expect(close(pinball(p), referencePinball(p)), `seed ${seed}`).toBe(true)
    }
  })
})

describe('crps', () => {
  it('of a point mass is the absolute error', () => {
    expect(crpsPoint(7, 3, 3, 3)).toBeCloseTo(4, 12)
    expect(crpsPoint(-2, 3, 3, 3)).toBeCloseTo(5, 12)
    expect(crps({ actual: [7, NaN], p10: [3, 0], p50: [3, 0], p90: [3, 0] })).toBeCloseTo(4, 12)
  })

  it('agrees with the integral worked by hand for quantiles (0, 1, 2) and y = 1', () => {
    // 2∫ρ_u(1 − Q(u))du = 4·(∫₀^0.1 u du + ∫_0.1^0.5 u(1.25 − 2.5u) du) = 0.2066…; midpoint
    // quadrature on 1000 nodes is within 1e-6 of it.
    expect(Math.abs(crpsPoint(1, 0, 1, 2) - 0.62 / 3)).toBeLessThan(1e-6)
  })

  it('is the CRPS of the Darts sampling distribution (large ensemble)', () => {
    // Draw like Darts: u ~ U(0,1) through the piecewise-linear quantile function. The ensemble
    // CRPS of M samples exceeds the exact value by E|X − X′|/(2M) on average, negligible here.
    const rand = seeded(7)
    const [y, l, m, u] = [4, 1, 3, 8]
    const M = 40_000
    const x = Float64Array.from({ length: M }, () => quantileFunction(rand(), l, m, u)).sort()
    let absErr = 0
    let pairs = 0
    for (let k = 0; k < M; k++) {
      absErr += Math.abs(x[k] - y)
      pairs += x[k] * (2 * k - M + 1) // Σ_j Σ_k |x_j − x_k| / 2 for sorted samples
    }
    const ensemble = absErr / M - pairs / (M * M)
    expect(Math.abs(ensemble - crpsPoint(y, l, m, u))).toBeLessThan(0.02)
  })

  it('sits below the thesis 100-sample ensemble CRPS by E|X − X′|/200 on average', () => {
    const rand = seeded(11)
    const [y, l, m, u] = [4, 1, 3, 8]
    const M = 100
    const reps = 10_000
    let bias = 0
    let spread = 0
    for (let r = 0; r < reps; r++) {
      const x = Float64Array.from({ length: M }, () => quantileFunction(rand(), l, m, u)).sort()
      let absErr = 0
      let pairs = 0
      for (let k = 0; k < M; k++) {
        absErr += Math.abs(x[k] - y)
        pairs += x[k] * (2 * k - M + 1)
      }
      bias += absErr / M - pairs / (M * M) - crpsPoint(y, l, m, u)
      spread += (2 * pairs) / (M * (M - 1)) // unbiased E|X − X′|
    }
    expect(bias / reps).toBeCloseTo(spread / reps / (2 * M), 2)
    expect(bias / reps).toBeGreaterThan(0.01)
  })

  it('rearranges crossed quantiles into a monotone quantile function', () => {
    // Samples drawn through the crossed map (2, 1, 0) have the same distribution as through
    // (0, 1, 2) (the map is mirrored, U is symmetric), so the CRPS must agree.
    expect(crpsPoint(1, 2, 1, 0)).toBeCloseTo(crpsPoint(1, 0, 1, 2), 12)
    expect(crpsPoint(1, NaN, 1, 2)).toBeNaN()
  })

  it('matches the reference quadrature on random inputs, crossed quantiles included', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const p = randomPoints(seed)
      expect(close(crps(p), referenceCrps(p), 1e-9), `seed ${seed}`).toBe(true)
    }
    const rand = seeded(99)
    for (let i = 0; i < 2000; i++) {
      const q = [rand(), rand(), rand()].map((v) => (v - 0.5) * 10).sort((a, b) => a - b)
      const y = (rand() - 0.5) * 14
      const fast = crpsPoint(y, q[0], q[1], q[2])
      expect(close(fast, referenceCrpsPoint(y, q[0], q[1], q[2]), 1e-9), `${y} ${q}`).toBe(true)
    }
  })

  it('is zero for a perfect point mass only', () => {
    expect(crpsPoint(3, 3, 3, 3)).toBeCloseTo(0, 14)
    expect(crpsPoint(3, 2, 3, 4)).toBeGreaterThan(0)
  })
})
