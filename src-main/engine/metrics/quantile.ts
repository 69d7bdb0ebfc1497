// Scores of the whole quantile forecast: the pinball (quantile) loss and the CRPS.
//
// Pinball convention (MODELS.md §8, the benchmarker's): ρ_τ(e) = τ·e for e ≥ 0 and (τ − 1)·e
// otherwise, with e = y − q̂ (actual minus forecast); the mean over points is taken per level and
// then AVERAGED over the three levels (not summed as the Darts training loss does), in original
// units.
//
// CRPS: the thesis scores Darts models with the ensemble CRPS of 100 random samples drawn through
// the piecewise-linear quantile function Q with flat tails (knots (0,p10) (0.1,p10) (0.5,p50)
// (0.9,p90) (1,p90)). Frontier computes the CRPS of that same distribution exactly and without
// randomness, as MODELS.md §8 recommends: CRPS = 2·∫₀¹ ρ_u(y − Q(u)) du, evaluated by midpoint
// quadrature on u_k = (k + 0.5)/1000. The thesis's sampled estimate is unbiased for
// CRPS + E|X − X′|/(2·100), i.e. it reads on average 0.5 % of the distribution's mean absolute
// difference higher, plus Monte-Carlo noise. `crpsPinball` (= 2 × pinball) is the cruder
// three-level quantile-score approximation, kept for comparison.

import { assertAligned } from './point'
import type { ScoredPoints } from './types'

/** Midpoint-quadrature nodes for the CRPS integral. */
export const CRPS_NODES = 1000

/** Mean pinball loss at one level τ over the points that have an actual. */
export function pinballAt(actual: ArrayLike<number>, q: ArrayLike<number>, tau: number): number {
  assertAligned(actual, q)
  let sum = 0
  let n = 0
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]
    if (Number.isNaN(y)) continue
    const e = y - q[i]
    sum += e >= 0 ? tau * e : (tau - 1) * e
    n++
  }
  return n === 0 ? NaN : sum / n
}

/** Pinball loss averaged over the levels 0.1, 0.5 and 0.9. */
export function pinball(points: ScoredPoints): number {
  const { actual, p10, p50, p90 } = points
  return (
    (pinballAt(actual, p10, 0.1) + pinballAt(actual, p50, 0.5) + pinballAt(actual, p90, 0.9)) / 3
  )
}

/** The three-level quantile-score approximation of the CRPS: 2 × pinball. */
export function crpsPinball(points: ScoredPoints): number {
  return 2 * pinball(points)
}

/** Mean exact CRPS (midpoint quadrature) of the Darts sampling distribution over the points. */
export function crps(points: ScoredPoints): number {
  const { actual, p10, p50, p90 } = points
  assertAligned(actual, p10, p50, p90)
  let sum = 0
  let n = 0
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]
    if (Number.isNaN(y)) continue
    sum += crpsPoint(y, p10[i], p50[i], p90[i])
    n++
  }
  return n === 0 ? NaN : sum / n
}

// Segments of Q between consecutive knots, as [from level, to level, from knot, to knot].
const SEGMENTS: readonly (readonly [number, number, 0 | 1 | 2, 0 | 1 | 2])[] = [
  [0, 0.1, 0, 0],
  [0.1, 0.5, 0, 1],
  [0.5, 0.9, 1, 2],
  [0.9, 1, 2, 2],
]

/**
 * CRPS of one point. With ρ_u(e) = u·e + max(−e, 0), the quadrature sum splits into
 * Σ u_k·(y − Q_k) + Σ max(Q_k − y, 0). For ordered quantiles Q_k is linear in k on each segment,
 * so both sums are closed-form arithmetic series: O(4) per point instead of O(1000). Crossed
 * quantiles need the monotone rearrangement (a sort), so they take the explicit route.
 */
export function crpsPoint(y: number, q1: number, q2: number, q3: number): number {
  if (Number.isNaN(y) || Number.isNaN(q1) || Number.isNaN(q2) || Number.isNaN(q3)) return NaN
  if (!(q1 <= q2 && q2 <= q3)) return crpsPointSorted(y, q1, q2, q3)
  const M = CRPS_NODES
  const knots = [q1, q2, q3]
  let weighted = 0 // Σ u_k·Q_k
  let above = 0 // Σ max(Q_k − y, 0)
  for (const [a, b, ia, ib] of SEGMENTS) {
    const k0 = Math.ceil(a * M - 0.5)
    const k1 = Math.ceil(b * M - 0.5)
    const n = k1 - k0
    if (n <= 0) continue
    const qa = knots[ia]
    const qb = knots[ib]
    // Q_k = alpha + beta·k on this segment.
    const beta = (qb - qa) / ((b - a) * M)
    const alpha = qa + (0.5 / M - a) * ((qb - qa) / (b - a))
    const s1 = sumK(k0, k1)
    weighted += (alpha * s1 + beta * sumK2(k0, k1) + 0.5 * (alpha * n + beta * s1)) / M
    // Q_k > y from kStart on (Q is non-decreasing in k).
    let kStart: number
    if (beta > 0) kStart = Math.min(k1, Math.max(k0, Math.floor((y - alpha) / beta) + 1))
    else kStart = alpha > y ? k0 : k1
    if (kStart < k1) above += (alpha - y) * (k1 - kStart) + beta * sumK(kStart, k1)
  }
  // Σ u_k = M/2, so Σ u_k·(y − Q_k) = y·M/2 − weighted.
  return (2 / M) * (y * (M / 2) - weighted + above)
}

/** The explicit quadrature with sorted Q values; used when the quantiles cross. */
function crpsPointSorted(y: number, q1: number, q2: number, q3: number): number {
  const M = CRPS_NODES
  const values = new Float64Array(M)
  for (let k = 0; k < M; k++) values[k] = quantileFunction((k + 0.5) / M, q1, q2, q3)
  values.sort()
  let sum = 0
  for (let k = 0; k < M; k++) {
    const u = (k + 0.5) / M
    const e = y - values[k]
    sum += e >= 0 ? u * e : (u - 1) * e
  }
  return (2 / M) * sum
}

/** Darts' piecewise-linear quantile function with flat tails, at level u (MODELS.md §1.1). */
export function quantileFunction(u: number, q1: number, q2: number, q3: number): number {
  if (u <= 0.1) return q1
  if (u <= 0.5) return q1 + ((u - 0.1) / 0.4) * (q2 - q1)
  if (u <= 0.9) return q2 + ((u - 0.5) / 0.4) * (q3 - q2)
  return q3
}

/** Σ k for k in [k0, k1). */
function sumK(k0: number, k1: number): number {
  return ((k1 - k0) * (k0 + k1 - 1)) / 2
}

/** Σ k² for k in [k0, k1). */
function sumK2(k0: number, k1: number): number {
  const f = (m: number) => (m * (m + 1) * (2 * m + 1)) / 6
  return f(k1 - 1) - f(k0 - 1)
}
