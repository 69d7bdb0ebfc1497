import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fillShortGaps } from '../../../../src-main/engine/data/gap-fill'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../../../src-main/engine/data/roles'
import { applyMinMaxColumns, fitMinMax } from '../../../../src-main/engine/data/scale'
import {
  DEFAULT_REQUIREMENTS,
  DEFAULT_SPLIT,
  resolveSplit,
} from '../../../../src-main/engine/data/split'
import { stackedColumns } from '../../../../src-main/engine/data/stacked-covariates'
import type { Roles, Series } from '../../../../src-main/engine/data/types'
import {
  BatchSampler,
  gatherBatch,
  inputWindow,
  interleaveChannels,
  stackInputs,
  trainingWindows,
  type WindowSource,
} from '../../../../src-main/engine/data/windows'
import { HOUR, dataError } from './helpers'

const L = 4
const H = 2
const shape = { inputLength: L, horizon: H }

/** target[i] = i, covariate c at row i = 1000·(c + 1) + i: every value names its row and column. */
function source(n: number, channels = 2): WindowSource {
  return {
    target: Float64Array.from({ length: n }, (_, i) => i),
    covariates: Array.from({ length: channels }, (_, c) =>
      Float64Array.from({ length: n }, (_, i) => 1000 * (c + 1) + i),
    ),
  }
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i)

describe('trainingWindows', () => {
  it('takes every window of L + H rows with stride 1 inside the range', () => {
    const w = trainingWindows(source(30), { start: 0, end: 20 }, shape)
    expect(w.candidates).toBe(20 - L - H + 1)
    expect(Array.from(w.starts)).toEqual(range(0, 15))
    expect(w.skipped).toBe(0)
    const offset = trainingWindows(source(30), { start: 10, end: 20 }, shape)
    expect(Array.from(offset.starts)).toEqual(range(10, 15))
  })

  it('skips windows that overlap an excluded row range and keeps the others', () => {
    const w = trainingWindows(
      source(30),
      { start: 0, end: 30 },
      {
        ...shape,
        excludedRows: [
          { from: 10, to: 13 },
          { from: 28, to: 40 },
        ],
      },
    )
    // A window [s, s + 6) overlaps [10, 13) ⇔ s ∈ [5, 12], and [28, 40) ⇔ s ≥ 23.
    const slow = range(0, 25).filter((s) => !(s + L + H > 10 && s < 13) && !(s + L + H > 28))
    expect(Array.from(w.starts)).toEqual(slow)
    expect(w.excluded).toBe(25 - slow.length)
    expect(w.skipped).toBe(0)
  })

  it('counts a window that touches a gap as skipped, not excluded, and explains when none is left', () => {
    const src = source(30)
    src.target[11] = NaN
    const w = trainingWindows(
      src,
      { start: 0, end: 20 },
      {
        ...shape,
        excludedRows: [{ from: 10, to: 11 }],
      },
    )
    // Gap at 11 → s ∈ [6, 11] skipped; exclusion at 10 → s ∈ [5, 10]: only 5 is excluded.
    expect(w.skipped).toBe(6)
    expect(w.excluded).toBe(1)
    const error = dataError(
      () =>
        trainingWindows(
          source(30),
          { start: 0, end: 20 },
          {
            ...shape,
            excludedRows: [{ from: 0, to: 20 }],
          },
        ),
      'SPLIT_TOO_SHORT',
    )
    expect(error.message).toContain('constant run')
  })

  it('skips windows whose target rows (input or horizon) touch a gap', () => {
    const src = source(30)
    src.target[10] = NaN
    const w = trainingWindows(src, { start: 0, end: 20 }, shape)
    // s ≤ 10 ≤ s + L + H − 1  ⇔  s ∈ [5, 10]
    expect(Array.from(w.starts)).toEqual([...range(0, 5), ...range(11, 15)])
    expect(w.skipped).toBe(6)
  })

  it('skips windows whose covariate INPUT rows touch a gap, not their horizon rows', () => {
    const src = source(30)
    src.covariates[1][10] = NaN
    const w = trainingWindows(src, { start: 0, end: 20 }, shape)
    // covariates are read over [s, s + L): s ∈ [7, 10] skipped, s = 5, 6 kept
    expect(Array.from(w.starts)).toEqual([...range(0, 7), ...range(11, 15)])
  })

  it('interpolates gaps up to maxGapFill steps inside the range, and only those', () => {
    const src = source(40)
    src.target[10] = src.target[11] = NaN // a 2-step gap
    src.covariates[0][20] = src.covariates[0][21] = src.covariates[0][22] = NaN // 3 steps
    src.target[29] = NaN // the range's last row: no right neighbour inside the range
    const w = trainingWindows(src, { start: 0, end: 30 }, { ...shape, maxGapFill: 2 })
    expect(w.filled).toBe(2)
    expect(w.source.target[10]).toBeCloseTo(10, 12)
    expect(w.source.target[11]).toBeCloseTo(11, 12)
    expect(w.source.covariates[0][21]).toBeNaN()
    expect(w.source.target[29]).toBeNaN()
    expect(src.target[10]).toBeNaN() // the input is not modified
    // covariate gap [20, 22] still skips s ∈ [17, 22]; target row 29 skips s ∈ [24, 24]
    expect(Array.from(w.starts)).toEqual([...range(0, 17), 23])
  })

  it('refuses a range too short for one window, or with no clean window', () => {
    dataError(
      () => trainingWindows(source(30), { start: 0, end: L + H - 1 }, shape),
      'SPLIT_TOO_SHORT',
    )
    const src = source(10)
    src.target[5] = NaN
    dataError(() => trainingWindows(src, { start: 0, end: 10 }, shape), 'SPLIT_TOO_SHORT')
  })
})

describe('gatherBatch', () => {
  it('lays out target [B, L], covariates [B, L, C] over the input steps and future [B, H]', () => {
    const b = gatherBatch(source(30), [3, 7], shape)
    expect(b.size).toBe(2)
    expect(Array.from(b.target)).toEqual([3, 4, 5, 6, 7, 8, 9, 10])
    expect(Array.from(b.future)).toEqual([7, 8, 11, 12])
    // window 1, step 2, covariates 0 and 1 → row 9
    const C = 2
    expect(b.covariates[(1 * L + 2) * C + 0]).toBe(1009)
    expect(b.covariates[(1 * L + 2) * C + 1]).toBe(2009)
    expect(b.covariates.length).toBe(2 * L * C)
    expect(b.covariates).toBeInstanceOf(Float32Array)
  })

  it('interleaves channels as NHiTS flattens them: z[t·D + j], channel 0 the target', () => {
    const b = gatherBatch(source(30), [3], shape)
    const z = interleaveChannels(b, L, 2)
    expect(Array.from(z.subarray(0, 6))).toEqual([3, 1003, 2003, 4, 1004, 2004])
    expect(z.length).toBe(L * 3)
  })
})

describe('BatchSampler', () => {
  const windows = trainingWindows(source(200), { start: 0, end: 150 }, shape)

  it('visits every kept window once per epoch, in batches of B with the remainder last', () => {
    const sampler = new BatchSampler(windows, 32, 42)
    const batches = [...sampler.epoch(0)]
    expect(batches.map((b) => b.size)).toEqual([32, 32, 32, 32, 17])
    expect(sampler.batchesPerEpoch).toBe(5)
    const seen = batches.flatMap((b) => Array.from(b.starts)).sort((a, b) => a - b)
    expect(seen).toEqual(Array.from(windows.starts))
    // each batch's rows are the windows it names
    const first = batches[0]
    expect(first.target[L]).toBe(first.starts[1])
  })

  it('is reproducible per (seed, epoch) and differs across epochs and seeds', () => {
    const a = new BatchSampler(windows, 8, 42)
    const b = new BatchSampler(windows, 8, 42)
    expect(Array.from(a.order(3))).toEqual(Array.from(b.order(3)))
    expect(Array.from(a.order(0))).not.toEqual(Array.from(a.order(1)))
    expect(Array.from(a.order(0))).not.toEqual(
      Array.from(new BatchSampler(windows, 8, 43).order(0)),
    )
    expect(Array.from(a.order(0))).not.toEqual(Array.from(windows.starts))
    expect(() => new BatchSampler(windows, 0, 1)).toThrow(RangeError)
  })
})

describe('inputWindow', () => {
  it('reads the L rows before the origin', () => {
    const x = inputWindow(source(30), 12, shape)
    expect(x && Array.from(x.target)).toEqual([8, 9, 10, 11])
    expect(x && Array.from(x.covariates.subarray(0, 2))).toEqual([1008, 2008])
    expect(inputWindow(source(30), L - 1, shape)).toBeNull()
  })

  it('declines a gap, or fills it from the history alone', () => {
    const src = source(30)
    src.target[9] = NaN
    expect(inputWindow(src, 12, shape)).toBeNull()
    expect(inputWindow(src, 12, { ...shape, maxGapFill: 1 })?.target[1]).toBeCloseTo(9, 5)
    // A gap at the last history row would need the value at the origin: never filled.
    src.target[11] = NaN
    expect(inputWindow(src, 12, { ...shape, maxGapFill: 3 })).toBeNull()
    // A gap starting before the window is filled from the neighbour before the window.
    const early = source(30)
    early.covariates[0][7] = early.covariates[0][8] = NaN
    const filled = inputWindow(early, 12, { ...shape, maxGapFill: 2 })
    expect(filled?.covariates[0]).toBeCloseTo(1008, 3)
  })

  it('stacks single inputs into one batch', () => {
    const a = inputWindow(source(30), 10, shape)!
    const b = inputWindow(source(30), 20, shape)!
    const batch = stackInputs([a, b], shape, 2)
    expect(batch.size).toBe(2)
    expect(Array.from(batch.target)).toEqual([6, 7, 8, 9, 16, 17, 18, 19])
    expect(batch.covariates[L * 2]).toBe(1016)
  })
})

describe('fillShortGaps', () => {
  it('fills interior runs linearly and leaves edges and long runs alone', () => {
    const r = fillShortGaps([NaN, 1, NaN, NaN, 4, NaN, NaN, NaN, 8, NaN], 2)
    expect(Array.from(r.values)).toEqual([NaN, 1, 2, 3, 4, NaN, NaN, NaN, 8, NaN])
    expect(r.filled).toBe(2)
    expect(fillShortGaps([1, NaN, 3], 0).filled).toBe(0)
  })
})

describe('stackedColumns', () => {
  const T0 = Date.UTC(2024, 0, 5) // a Friday
  const series: Series = {
    timestampColumn: 'time',
    timestamps: Float64Array.from({ length: 48 }, (_, i) => T0 + i * HOUR),
    columns: ['load', 'a', 'b', 'c'].map((name, k) => ({
      name,
      values: Float64Array.from({ length: 48 }, (_, i) => k * 100 + i),
    })),
  }
  const roles: Roles = {
    target: 'load',
    pastCovariates: ['b', 'a'],
    futureCovariates: ['c'],
    calendar: { hour: true, weekday: false, month: false, weekend: true, holidays: null },
  }

  it('orders past covariates, then future ones, then the calendar columns', () => {
    const s = stackedColumns(series, roles, 'UTC')
    expect(s.target.name).toBe('load')
    expect(s.covariates.map((c) => c.name)).toEqual(['b', 'a', 'c', 'hour', 'weekend'])
    expect(s.pastCount).toBe(2)
    expect(s.covariates[3].values[25]).toBe(1) // 01:00 on Saturday
    expect(s.covariates[4].values[25]).toBe(1)
  })

  it('refuses unknown, duplicated or target columns among the roles', () => {
    dataError(
      () => stackedColumns(series, { ...roles, pastCovariates: ['zz'] }, 'UTC'),
      'UNKNOWN_COLUMN',
    )
    dataError(
      () => stackedColumns(series, { ...roles, futureCovariates: ['load'] }, 'UTC'),
      'INVALID_ROLES',
    )
    dataError(
      () => stackedColumns(series, { ...roles, futureCovariates: ['a'] }, 'UTC'),
      'INVALID_ROLES',
    )
  })
})

describe('the heat demo, end to end', () => {
  it('scales on the training split and skips only the windows that touch its gaps', () => {
    const bytes = readFileSync(new URL('../../../../resources/datasets/heat.csv', import.meta.url))
    const { series, profile } = readDataset(new Uint8Array(bytes), {})
    const split = resolveSplit(series.timestamps, DEFAULT_SPLIT, DEFAULT_REQUIREMENTS)
    // every covariate the demo offers: its temperature and the calendar
    const roles = {
      ...defaultRoles(profile),
      pastCovariates: ['outdoor_temp_c'],
      calendar: { hour: true, weekday: true, month: true, weekend: true, holidays: null },
    }
    const stacked = stackedColumns(series, roles, profile.timezone)
    expect(stacked.covariates.map((c) => c.name)).toEqual([
      'outdoor_temp_c',
      'hour',
      'weekday',
      'month',
      'weekend',
    ])
    const columns = [stacked.target, ...stacked.covariates]
    const scaled = applyMinMaxColumns(fitMinMax(columns, split.trainEnd), columns)
    const src = { target: scaled[0].values, covariates: scaled.slice(1).map((c) => c.values) }
    const train = { start: 0, end: split.trainEnd }
    const w = trainingWindows(src, train, { inputLength: 168, horizon: 24 })
    expect(w.candidates).toBe(split.trainEnd - 168 - 24 + 1)
    expect(w.skipped).toBeGreaterThan(0)
    let missingRead = 0
    for (const s of w.starts)
      for (let i = s; i < s + 192; i++) if (Number.isNaN(src.target[i])) missingRead++
    expect(missingRead).toBe(0)
    const filled = trainingWindows(src, train, { inputLength: 168, horizon: 24, maxGapFill: 6 })
    expect(filled.skipped).toBeLessThan(w.skipped)
    const batch = new BatchSampler(w, 32, 42).epoch(0).next().value!
    expect(batch.covariates.length).toBe(32 * 168 * 5)
    expect(Math.min(...batch.target)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...batch.target)).toBeLessThanOrEqual(1)
  })
})
