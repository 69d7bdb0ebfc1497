// Metrics of the 10–90 % interval [p10, p90]: coverage (PICP), width (MIW) and the Winkler
// interval score, as MODELS.md §8 defines them. The bounds are used as given: if a model's
// quantiles cross (p10 > p90), PICP counts no point as covered and MIW goes negative, which is
// what the thesis's numpy code would report too; nothing is sorted behind the caller's back.

import { assertAligned } from './point'
import { WINKLER_ALPHA } from './types'

/** Prediction-interval coverage probability in percent: share of y with l ≤ y ≤ u (inclusive). */
export function picp(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  assertAligned(actual, lower, upper)
  let inside = 0
  let n = 0
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]
    if (Number.isNaN(y)) continue
    const l = lower[i]
    const u = upper[i]
    // A NaN bound must poison the result rather than count as "not covered".
    if (Number.isNaN(l) || Number.isNaN(u)) return NaN
    if (l <= y && y <= u) inside++
    n++
  }
  return n === 0 ? NaN : (100 * inside) / n
}

/** Mean interval width mean(u − l), over the points that have an actual. */
export function miw(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  assertAligned(actual, lower, upper)
  let sum = 0
  let n = 0
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(actual[i])) continue
    sum += upper[i] - lower[i]
    n++
  }
  return n === 0 ? NaN : sum / n
}

/**
 * Winkler (interval) score: mean of (u − l) + (2/α)·max(0, l − y) + (2/α)·max(0, y − u).
 * α = 0.2 for the 10–90 % interval.
 */
export function winkler(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  alpha: number = WINKLER_ALPHA,
): number {
  assertAligned(actual, lower, upper)
  const penalty = 2 / alpha
  let sum = 0
  let n = 0
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]
    if (Number.isNaN(y)) continue
    const l = lower[i]
    const u = upper[i]
    sum += u - l + penalty * Math.max(0, l - y) + penalty * Math.max(0, y - u)
    n++
  }
  return n === 0 ? NaN : sum / n
}
