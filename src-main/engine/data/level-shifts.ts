// Regime changes in level: a water meter replaced, a district boundary moved, and the series
// drops tenfold from one day to the next. Training across such a change mixes two series, so the
// profile flags it and the user can start training after it.
//
// The rule, on one column of non-negative values (a demand, a flow — a quantity whose ratios mean
// something; a temperature in °C is not one and goes below 0) that is 0 in at most a quarter of
// its values (rain or sunshine is intermittent: its level is mostly 0 and jumps with the weather):
//  1. Daily means (a bucket of a day's steps, at least one step), so the daily cycle drops out; a
//     day with fewer than half its values present has none.
//  2. At each day boundary, the level before is the median of the daily means of the 28 days
//     before it, the level after that of the 28 days from it (each side needs 14 days present and
//     a level above 0); medians, so a few odd days do not move a level.
//  3. A shift is a change of the level by a factor of at least 3 (either way) that is abrupt and
//     lasting: the medians of the 7 days either side differ by that factor too (in the same
//     direction), and each 28-day side is itself steady — the medians of its two 14-day halves
//     differ by a factor of at most 1.5. A seasonal swing spreads over weeks, so across one week
//     it changes far less (at most 2.5× in a 7-day and 28-day test on the demo heat series, whose
//     spring drop reaches 3.1× across 28 days); a step changes fully.
//  4. Of boundaries closer than 28 days, the one with the largest factor is kept, and its instant
//     is refined to the grid step within 7 days either side that best separates values nearer
//     the level before from values nearer the level after (the 28-day medians barely move over a
//     few days around a step, so the boundary itself is only known to within days).

import type { LevelShift } from './types'
import { MS_PER_DAY } from './civil'

export const SHIFT_WINDOW_DAYS = 28
export const SHIFT_ABRUPT_DAYS = 7
export const SHIFT_MIN_FACTOR = 3
export const SHIFT_MAX_SIDE_DRIFT = 1.5
/** More zeros than this share of the values: an intermittent quantity (rain, sun), no level. */
export const SHIFT_MAX_ZERO_SHARE = 0.25

export function levelShifts(
  values: Float64Array,
  start: number,
  stepMs: number,
  column: string,
): LevelShift[] {
  let zeros = 0
  let present = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v < 0) return []
    if (v === 0) zeros++
    if (v === v) present++
  }
  if (zeros > present * SHIFT_MAX_ZERO_SHARE) return []
  const bucket = Math.max(1, Math.round(MS_PER_DAY / stepMs))
  const daily = dailyMeans(values, bucket)
  const W = SHIFT_WINDOW_DAYS
  const A = SHIFT_ABRUPT_DAYS
  const half = W / 2
  // level[d]: the median of the daily levels of [d − W, d), so the level before boundary d is
  // level[d] and the level from it level[d + W]. The other tests run only where that one passes.
  const level = trailingMedians(daily, W, half)
  const scratch = new Float64Array(W)
  const medianOf = (from: number, to: number, least: number) => {
    let n = 0
    for (let i = from; i < to; i++) if (!Number.isNaN(daily[i])) scratch[n++] = daily[i]
    return n >= least ? sortedMedian(scratch.subarray(0, n)) : NaN
  }
  const minJump = Math.log(SHIFT_MIN_FACTOR)
  const maxDrift = Math.log(SHIFT_MAX_SIDE_DRIFT)
  // A side [from, from + W) is steady when its two halves' medians lie within maxDrift.
  const steady = (from: number) => {
    const a = medianOf(from, from + half, half / 2)
    const b = medianOf(from + half, from + W, half / 2)
    return a > 0 && b > 0 && Math.abs(Math.log(a / b)) <= maxDrift
  }
  const candidates: { day: number; before: number; after: number; jump: number }[] = []
  for (let d = W; d + W <= daily.length; d++) {
    const before = level[d]
    const after = level[d + W]
    if (!(before > 0 && after > 0)) continue
    const jump = Math.abs(Math.log(after / before))
    if (jump < minJump) continue
    const before7 = medianOf(d - A, d, A / 2)
    const after7 = medianOf(d, d + A, A / 2)
    if (!(before7 > 0 && after7 > 0)) continue
    const abrupt = Math.log(after7 / before7)
    if (Math.sign(abrupt) !== Math.sign(after - before)) continue
    if (Math.abs(abrupt) < minJump) continue
    if (!steady(d - W) || !steady(d)) continue
    candidates.push({ day: d, before, after, jump })
  }
  candidates.sort((a, b) => b.jump - a.jump || a.day - b.day)
  const kept: typeof candidates = []
  for (const c of candidates) {
    if (kept.every((k) => Math.abs(k.day - c.day) >= W)) kept.push(c)
  }
  kept.sort((a, b) => a.day - b.day)
  return kept.map((c) => {
    const row = refine(values, c.day * bucket, A * bucket, c.before, c.after)
    return {
      column,
      at: start + row * stepMs,
      before: c.before,
      after: c.after,
      factor: c.after / c.before,
    }
  })
}

/**
 * Mean of each bucket of `size` steps; NaN where fewer than half its values are present. A mean,
 * not a median, because it is one pass over the column; the 28-day medians above it are what
 * keeps single odd days from counting.
 */
function dailyMeans(values: Float64Array, size: number): Float64Array {
  const count = Math.floor(values.length / size)
  const out = new Float64Array(count)
  for (let b = 0; b < count; b++) {
    let n = 0
    let sum = 0
    for (let i = b * size; i < (b + 1) * size; i++) {
      const v = values[i]
      if (v === v) {
        sum += v
        n++
      }
    }
    out[b] = n * 2 >= size ? sum / n : NaN
  }
  return out
}

/**
 * out[d] = the median of the present values in [d − w, d), for d in [w, n]; NaN where fewer than
 * `least` are present or d < w. The window's present values are kept sorted as it slides (one
 * removal and one insertion per step), so a column costs O(n·w) moves, not n sorts.
 */
function trailingMedians(values: Float64Array, w: number, least: number): Float64Array {
  const out = new Float64Array(values.length + 1).fill(NaN)
  const window = new Float64Array(w)
  let size = 0
  const insert = (v: number) => {
    let i = size++
    while (i > 0 && window[i - 1] > v) {
      window[i] = window[i - 1]
      i--
    }
    window[i] = v
  }
  const remove = (v: number) => {
    let i = 0
    while (window[i] !== v) i++
    size--
    for (; i < size; i++) window[i] = window[i + 1]
  }
  for (let d = 0; d < values.length; d++) {
    if (d >= w && !Number.isNaN(values[d - w])) remove(values[d - w])
    if (!Number.isNaN(values[d])) insert(values[d])
    if (d + 1 >= w && size >= least) {
      const mid = size >> 1
      out[d + 1] = size % 2 === 1 ? window[mid] : (window[mid - 1] + window[mid]) / 2
    }
  }
  return out
}

/** Sorts `xs` in place (a typed array sorts numerically) and returns its median. */
function sortedMedian(xs: Float64Array): number {
  xs.sort()
  const mid = xs.length >> 1
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2
}

/**
 * The grid row in [boundary − reach, boundary + reach) where the step is: the split with the
 * fewest values on the wrong side (nearer, in log, to the other level). The first best wins.
 */
function refine(
  values: Float64Array,
  boundary: number,
  reach: number,
  before: number,
  after: number,
): number {
  const from = Math.max(0, boundary - reach)
  const to = Math.min(values.length, boundary + reach)
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
