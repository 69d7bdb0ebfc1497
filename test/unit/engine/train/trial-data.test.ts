import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  excludedConstantRows,
  excludedRunSteps,
} from '../../../../src-main/engine/data/constant-exclusion'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../../../src-main/engine/data/roles'
import { DEFAULT_SPLIT } from '../../../../src-main/engine/data/split'
import type { SplitSpec } from '../../../../src-main/engine/data/types'
import { prepareTrialData } from '../../../../src-main/engine/train/trial-data'
import { FILLED_FROM, FILLED_HOURS } from '../../../fixtures/csv-real/make-meter-gap-filled'
import { SHIFT_AT, makeLevelShift } from '../../../fixtures/level-shift/make-level-shift'

const HOUR = 3_600_000
const shape = { inputLength: 168, horizon: 24, origins: 10 }
const meter = readDataset(
  new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/csv-real/meter-gap-filled.csv'))),
  {},
)
const data = (split?: SplitSpec) => ({
  series: meter.series,
  roles: defaultRoles(meter.profile),
  timezone: 'UTC',
  split,
})
const filledFrom = (FILLED_FROM - meter.profile.start) / HOUR
const filledTo = filledFrom + FILLED_HOURS

describe('prepareTrialData: constant runs', () => {
  it('skips the training windows that overlap the 744-hour filled stretch by default', () => {
    const p = prepareTrialData(data(), shape)
    const W = shape.inputLength + shape.horizon
    const overlaps = (s: number) => s + W > filledFrom && s < filledTo
    expect(Array.from(p.train.starts).some(overlaps)).toBe(false)
    // Every other candidate is kept (the fixture has no gaps).
    expect(p.train.excluded).toBe(FILLED_HOURS + W - 1)
    expect(p.train.starts.length + p.train.excluded).toBe(p.train.candidates)
  })

  it('keeps them with excludeConstantHours 0, and excludes only runs at least that long', () => {
    const kept = prepareTrialData(data({ ...DEFAULT_SPLIT, excludeConstantHours: 0 }), shape)
    expect(kept.train.excluded).toBe(0)
    expect(kept.train.starts.length).toBe(kept.train.candidates)
    const longer = prepareTrialData(data({ ...DEFAULT_SPLIT, excludeConstantHours: 745 }), shape)
    expect(longer.train.excluded).toBe(0)
  })

  it('finds the runs in the target only, hours rounded up to steps (at least 2)', () => {
    const roles = defaultRoles(meter.profile)
    expect(excludedConstantRows(meter.series, roles, 24)).toEqual([
      { from: filledFrom, to: filledTo },
    ])
    expect(excludedConstantRows(meter.series, { ...roles, target: 'nope' }, 24)).toEqual([])
    expect(excludedRunSteps(24, HOUR)).toBe(24)
    expect(excludedRunSteps(24, 15 * 60_000)).toBe(96)
    expect(excludedRunSteps(24, 24 * HOUR)).toBe(2)
    expect(excludedRunSteps(1.5, HOUR)).toBe(2)
  })
})

describe('prepareTrialData: training start', () => {
  it('fits the scaler on [trainStart, trainEnd) and starts the windows there', () => {
    const shifted = readDataset(new TextEncoder().encode(makeLevelShift()), {})
    const at = (split?: SplitSpec) => ({
      series: shifted.series,
      roles: defaultRoles(shifted.profile),
      timezone: 'UTC',
      split,
    })
    const p = prepareTrialData(at({ ...DEFAULT_SPLIT, trainStart: SHIFT_AT }), shape)
    const row = (SHIFT_AT - shifted.profile.start) / HOUR
    expect(p.split.trainStart).toBe(row)
    expect(p.train.starts[0]).toBe(row)
    const values = shifted.series.columns[0].values.subarray(row, p.split.trainEnd)
    let lo = Infinity
    let hi = -Infinity
    for (const v of values) {
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
    expect(p.scaler.min[0]).toBe(lo)
    expect(p.scaler.range[0]).toBeCloseTo(hi - lo, 12)
    // From the first row, the old regime (ten times higher) sets the scale.
    const plain = prepareTrialData(at(), shape)
    expect(plain.scaler.range[0]).toBeGreaterThan(5 * p.scaler.range[0])
    // The validation part and its walk-forward plan do not move.
    expect(p.split.trainEnd).toBe(plain.split.trainEnd)
    expect(p.plan).toEqual(plain.plan)
  })
})
