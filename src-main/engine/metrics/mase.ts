// Mean absolute scaled error: the MAE of the median divided by the in-sample MAE of a seasonal-
// naive forecast, s_m = mean_t |x_t − x_{t−m}| (MODELS.md §8; m = 24 is the thesis's MASE, Frontier
// also reports m = 168). The scale comes from the raw target *before* the scored part: the
// training split when scoring validation forecasts, training + validation when scoring the test
// split (as the benchmarker does with everything before test_start). Pairs with a missing value
// at either end are skipped (the thesis's series had no gaps; skipping is the pairwise-complete
// reading, and it keeps the lag aligned to the time grid, unlike dropping rows first).

import { mae } from './point'

/** Seasonal periods Frontier scales by, in time steps (hourly data: a day and a week). */
export const MASE_PERIODS = [24, 168] as const

/**
 * Mean |x_t − x_{t−period}| for t in [from + period, to), skipping pairs with a NaN. NaN when no
 * pair is complete or the mean is 0 (a scale of 0 makes MASE undefined, as in the thesis).
 */
export function seasonalScale(
  values: ArrayLike<number>,
  period: number,
  from = 0,
  to: number = values.length,
): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`The seasonal period must be a positive integer; got ${period}.`)
  }
  let sum = 0
  let n = 0
  for (let t = from + period; t < to; t++) {
    const d = values[t] - values[t - period]
    if (Number.isNaN(d)) continue
    sum += Math.abs(d)
    n++
  }
  return n === 0 || sum === 0 ? NaN : sum / n
}

/** MAE of the median over `scale`; NaN when the scale is undefined. */
export function mase(actual: ArrayLike<number>, median: ArrayLike<number>, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(scale)) return NaN
  return mae(actual, median) / scale
}
