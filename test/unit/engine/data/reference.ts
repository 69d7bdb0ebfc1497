// Slow, obvious versions of the profile's computations: the oracles the fast ones are tested
// against. Clarity over speed; nothing here is used by the app.

import type { ColumnStats, ConstantRun, TimeRun } from '../../../../src-main/engine/data/types'

/** Rows keyed by instant, then read back for every grid instant from start to end. */
export function referenceGrid(
  times: number[],
  values: number[],
  step: number,
): { grid: number[]; values: number[]; present: boolean[] } {
  const byTime = new Map<number, number>()
  times.forEach((t, i) => byTime.set(t, values[i]))
  const grid: number[] = []
  const out: number[] = []
  const present: boolean[] = []
  for (let t = Math.min(...times); t <= Math.max(...times); t += step) {
    grid.push(t)
    present.push(byTime.has(t))
    out.push(byTime.has(t) ? (byTime.get(t) as number) : NaN)
  }
  return { grid, values: out, present }
}

/** Maximal runs of indices where `inside(i)` holds, as time runs on the grid. */
export function referenceRuns(grid: number[], inside: (i: number) => boolean): TimeRun[] {
  const runs: TimeRun[] = []
  for (let i = 0; i < grid.length; i++) {
    if (!inside(i) || (i > 0 && inside(i - 1))) continue
    let j = i
    while (j + 1 < grid.length && inside(j + 1)) j++
    runs.push({ start: grid[i], end: grid[j], steps: j - i + 1 })
  }
  return runs
}

/**
 * Maximal runs of one repeated non-missing value at least `min` long, "repeated" meaning within
 * 1e-9 of the run's first value (relative) or 1e-12 (absolute), whichever is larger.
 */
export function referenceConstantRuns(
  grid: number[],
  values: number[],
  column: string,
  min: number,
): ConstantRun[] {
  const runs: ConstantRun[] = []
  let i = 0
  while (i < values.length) {
    let j = i
    const same = (v: number) =>
      Math.abs(v - values[i]) <= Math.max(1e-9 * Math.abs(values[i]), 1e-12)
    while (j + 1 < values.length && !Number.isNaN(values[i]) && same(values[j + 1])) j++
    if (!Number.isNaN(values[i]) && j - i + 1 >= min) {
      runs.push({ column, value: values[i], start: grid[i], end: grid[j], steps: j - i + 1 })
    }
    i = j + 1
  }
  return runs
}

export function referenceStats(name: string, values: number[]): ColumnStats {
  const present = values.filter((v) => !Number.isNaN(v))
  const n = present.length
  if (n === 0) {
    return {
      name,
      count: 0,
      missing: values.length,
      min: null,
      max: null,
      mean: null,
      std: null,
      median: null,
      zeros: 0,
    }
  }
  const sorted = [...present].sort((a, b) => a - b)
  const mean = present.reduce((a, b) => a + b, 0) / n
  const variance = n > 1 ? present.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : NaN
  return {
    name,
    count: n,
    missing: values.length - n,
    min: sorted[0],
    max: sorted[n - 1],
    mean,
    std: n > 1 ? Math.sqrt(variance) : null,
    median: n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    zeros: present.filter((v) => v === 0).length,
  }
}
