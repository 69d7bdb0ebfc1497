// Runs of consecutive grid steps: instants with no row, missing values per column, and the same
// value repeated for a long stretch (a sensor that froze, or data forward-filled over a gap).
// "The same value" allows float noise: averaged or gap-filled meter data repeats a value with
// noise in the 12th digit (1.1922043010781636, 1.1922043010745256, …), which exact comparison
// would miss.
// Lists are capped so a profile stays small enough to store and send; totals are kept.

import type { ConstantRun, TimeRun } from './types'
import { MS_PER_DAY } from './civil'

export interface RunList<T> {
  runs: T[]
  /** All runs, including those past the cap. */
  total: number
  /** Grid steps covered by all runs. */
  steps: number
}

/**
 * Two values count as the same when they differ by at most 1e-9 of the run's first value's
 * magnitude, or by 1e-12 absolute for values near 0 (where a relative bound shrinks to nothing).
 * Comparing against the run's first value, not the previous one, keeps a slow drift from being
 * chained into one run.
 */
export const CONSTANT_RELATIVE_TOLERANCE = 1e-9
export const CONSTANT_ABSOLUTE_TOLERANCE = 1e-12

export function sameValue(anchor: number, v: number): boolean {
  const bound = Math.max(
    CONSTANT_RELATIVE_TOLERANCE * Math.abs(anchor),
    CONSTANT_ABSOLUTE_TOLERANCE,
  )
  return Math.abs(v - anchor) <= bound
}

/** Shortest constant run worth a warning: a day's worth of steps, and never fewer than 6. */
export function constantRunThreshold(stepMs: number): number {
  return Math.max(6, Math.round(MS_PER_DAY / stepMs))
}

/** Runs of grid steps where `present` is 0. */
export function absentRuns(
  present: Uint8Array,
  start: number,
  stepMs: number,
  cap: number,
): RunList<TimeRun> {
  const result: RunList<TimeRun> = { runs: [], total: 0, steps: 0 }
  const n = present.length
  let i = 0
  while (i < n) {
    if (present[i] === 1) {
      i++
      continue
    }
    const from = i
    while (i < n && present[i] === 0) i++
    addRun(result, cap, {
      start: start + from * stepMs,
      end: start + (i - 1) * stepMs,
      steps: i - from,
    })
  }
  return result
}

/** Runs of NaN in a column on the grid. */
export function missingRuns(
  values: Float64Array,
  start: number,
  stepMs: number,
  column: string,
  cap: number,
): RunList<TimeRun & { column: string }> {
  const result: RunList<TimeRun & { column: string }> = { runs: [], total: 0, steps: 0 }
  const n = values.length
  let i = 0
  while (i < n) {
    const v = values[i]
    if (v === v) {
      i++
      continue
    }
    const from = i
    while (i < n && Number.isNaN(values[i])) i++
    addRun(result, cap, {
      column,
      start: start + from * stepMs,
      end: start + (i - 1) * stepMs,
      steps: i - from,
    })
  }
  return result
}

/**
 * Runs of at least `minSteps` non-missing values on consecutive grid steps that all equal the
 * run's first value within the tolerance above; a run reports that first value.
 */
export function constantRuns(
  values: Float64Array,
  start: number,
  stepMs: number,
  column: string,
  minSteps: number,
  cap: number,
): RunList<ConstantRun> {
  const result: RunList<ConstantRun> = { runs: [], total: 0, steps: 0 }
  const n = values.length
  let i = 0
  while (i < n) {
    const v = values[i]
    const from = i
    i++
    if (v !== v) continue
    while (i < n && sameValue(v, values[i])) i++
    const steps = i - from
    if (steps >= minSteps) {
      addRun(result, cap, {
        column,
        value: v,
        start: start + from * stepMs,
        end: start + (i - 1) * stepMs,
        steps,
      })
    }
  }
  return result
}

function addRun<T extends TimeRun>(list: RunList<T>, cap: number, run: T): void {
  list.total++
  list.steps += run.steps
  if (list.runs.length < cap) list.runs.push(run)
}
