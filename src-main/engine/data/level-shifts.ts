// Regime changes in level: a water meter replaced, a district boundary moved, and the series
// drops tenfold from one day to the next. Training across such a change mixes two series, so the
// profile flags it and the user can start training after it.
//
// The rule, on one column of non-negative values (a demand, a flow — a quantity whose ratios mean
// something; a temperature in °C is not one and goes below 0):
//  1. Daily medians (a bucket of a day's steps, at least one step), so the daily cycle and single
//     spikes drop out; a day with fewer than half its values present has no median.
//  2. At each day boundary, the level before is the median of the daily medians of the 28 days
//     before it, the level after that of the 28 days from it (each side needs 14 days present and
//     a level above 0).
//  3. A shift is a change of the level by a factor of at least 3 (either way) that is abrupt and
//     lasting: the medians of the 7 days either side differ by that factor too (in the same
//     direction), and each 28-day side is itself steady — the medians of its two 14-day halves
//     differ by a factor of at most 1.5. A seasonal swing spreads over weeks, so across one week
//     it changes far less (at most 2.3× in a 7-day and 28-day test on the demo heat series, whose
//     spring drop reaches 3× across 28 days); a step changes fully.
//  4. Of boundaries closer than 28 days, the one with the largest factor is kept, and its instant
//     is refined to the grid step within the day either side that best separates values nearer
//     the level before from values nearer the level after.

import type { LevelShift } from './types'
import { MS_PER_DAY } from './civil'

export const SHIFT_WINDOW_DAYS = 28
export const SHIFT_ABRUPT_DAYS = 7
export const SHIFT_MIN_FACTOR = 3
export const SHIFT_MAX_SIDE_DRIFT = 1.5

export function levelShifts(
  values: Float64Array,
  start: number,
  stepMs: number,
  column: string,
): LevelShift[] {
  for (const v of values) if (v < 0) return []
  const bucket = Math.max(1, Math.round(MS_PER_DAY / stepMs))
  const daily = dailyMedians(values, bucket)
  const W = SHIFT_WINDOW_DAYS
  const half = W / 2
  const candidates: { day: number; before: number; after: number; jump: number }[] = []
  for (let d = W; d + W <= daily.length; d++) {
    const before = medianOf(daily, d - W, d, half)
    const after = medianOf(daily, d, d + W, half)
    if (!(before > 0 && after > 0)) continue
    const jump = Math.abs(Math.log(after / before))
    if (jump < Math.log(SHIFT_MIN_FACTOR)) continue
    const A = SHIFT_ABRUPT_DAYS
    const before7 = medianOf(daily, d - A, d, A / 2)
    const after7 = medianOf(daily, d, d + A, A / 2)
    if (!(before7 > 0 && after7 > 0)) continue
    const abrupt = Math.log(after7 / before7)
    if (Math.sign(abrupt) !== Math.sign(after - before)) continue
    if (Math.abs(abrupt) < Math.log(SHIFT_MIN_FACTOR)) continue
    if (!steady(daily, d - W, d) || !steady(daily, d, d + W)) continue
    candidates.push({ day: d, before, after, jump })
  }
  candidates.sort((a, b) => b.jump - a.jump || a.day - b.day)
  const kept: typeof candidates = []
  for (const c of candidates) {
    if (kept.every((k) => Math.abs(k.day - c.day) >= W)) kept.push(c)
  }
  kept.sort((a, b) => a.day - b.day)
  return kept.map((c) => {
    const row = refine(values, c.day * bucket, bucket, c.before, c.after)
    return {
      column,
      at: start + row * stepMs,
      before: c.before,
      after: c.after,
      factor: c.after / c.before,
    }
  })
}

/** Median of each bucket of `size` steps; NaN where fewer than half its values are present. */
function dailyMedians(values: Float64Array, size: number): Float64Array {
  const count = Math.floor(values.length / size)
  const out = new Float64Array(count)
  const buffer: number[] = []
  for (let b = 0; b < count; b++) {
    buffer.length = 0
    for (let i = b * size; i < (b + 1) * size; i++)
      if (!Number.isNaN(values[i])) buffer.push(values[i])
    out[b] = buffer.length * 2 >= size ? median(buffer) : NaN
  }
  return out
}

/** Median of the present values in [from, to), or NaN when fewer than `least` are present. */
function medianOf(values: Float64Array, from: number, to: number, least: number): number {
  const present: number[] = []
  for (let i = from; i < to; i++) if (!Number.isNaN(values[i])) present.push(values[i])
  return present.length >= least ? median(present) : NaN
}

/** The two halves of [from, to) lie within SHIFT_MAX_SIDE_DRIFT of each other. */
function steady(daily: Float64Array, from: number, to: number): boolean {
  const mid = (from + to) / 2
  const quarter = (to - from) / 4
  const a = medianOf(daily, from, mid, quarter)
  const b = medianOf(daily, mid, to, quarter)
  if (!(a > 0 && b > 0)) return false
  return Math.abs(Math.log(a / b)) <= Math.log(SHIFT_MAX_SIDE_DRIFT)
}

/**
 * The grid row in [boundary − bucket, boundary + bucket) where the step is: the split with the
 * fewest values on the wrong side (nearer, in log, to the other level). The first best wins.
 */
function refine(
  values: Float64Array,
  boundary: number,
  bucket: number,
  before: number,
  after: number,
): number {
  const from = Math.max(0, boundary - bucket)
  const to = Math.min(values.length, boundary + bucket)
  const lb = Math.log(before)
  const la = Math.log(after)
  // side[i]: +1 nearer the level after, −1 nearer the level before, 0 missing or not above 0.
  const side = new Int8Array(to - from)
  for (let i = from; i < to; i++) {
    const v = values[i]
    if (!(v > 0)) continue
    side[i - from] = Math.abs(Math.log(v) - la) < Math.abs(Math.log(v) - lb) ? 1 : -1
  }
  // Wrong before the split: values nearer "after"; wrong from the split on: nearer "before".
  let wrong = 0
  for (const s of side) if (s === -1) wrong++
  let best = wrong
  let bestRow = from
  for (let i = from; i < to; i++) {
    const s = side[i - from]
    if (s === 1) wrong++
    else if (s === -1) wrong--
    if (wrong < best) {
      best = wrong
      bestRow = i + 1
    }
  }
  return Math.min(bestRow, values.length - 1)
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
