import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { constantRuns, sameValue } from '../../../../src-main/engine/data/runs'
import {
  FILLED_FROM,
  FILLED_HOURS,
  FILLED_VALUE,
} from '../../../fixtures/csv-real/make-meter-gap-filled'
import { HOUR, seeded } from './helpers'
import { referenceConstantRuns } from './reference'

const T0 = Date.UTC(2024, 0, 1)

describe('constantRuns', () => {
  it('treats values within 1e-9 of the run’s first value as one run, and reports that value', () => {
    const v = 1.1922043010781636
    const values = Float64Array.from([0.5, v, v - 3.6e-12, v + 2e-12, v + 1e-10, 0.7])
    const runs = constantRuns(values, T0, HOUR, 'y', 3, 10)
    expect(runs.runs).toEqual([
      { column: 'y', value: v, start: T0 + HOUR, end: T0 + 4 * HOUR, steps: 4 },
    ])
  })

  it('ends a run at a value 2e-9 (relative) away and at a missing value', () => {
    const values = Float64Array.from([100, 100, 100 + 2e-7, 100 + 2e-7, NaN, 100 + 2e-7])
    expect(constantRuns(values, T0, HOUR, 'y', 2, 10).runs.map((r) => r.steps)).toEqual([2, 2])
  })

  it('compares with the run’s first value, so a slow drift does not chain into one run', () => {
    // Each step is within the tolerance of the previous one, but not of the first.
    const values = Float64Array.from({ length: 40 }, (_, i) => 1 + i * 5e-10)
    const runs = constantRuns(values, T0, HOUR, 'y', 2, 100).runs
    expect(runs.every((r) => r.steps <= 3)).toBe(true)
  })

  it('uses an absolute floor of 1e-12 near 0', () => {
    expect(sameValue(0, 5e-13)).toBe(true)
    expect(sameValue(0, 2e-12)).toBe(false)
    expect(sameValue(-0, 0)).toBe(true)
    expect(sameValue(1e6, 1e6 + 5e-4)).toBe(true)
    expect(sameValue(1e6, 1e6 + 2e-3)).toBe(false)
  })

  it('matches the slow reference on noisy series with flat stretches', () => {
    const rand = seeded(7)
    for (let trial = 0; trial < 30; trial++) {
      const n = 400
      const values: number[] = []
      while (values.length < n) {
        const kind = rand()
        const length = 1 + Math.floor(rand() * 60)
        const level = (rand() - 0.5) * 10 ** Math.floor(rand() * 8 - 3)
        for (let k = 0; k < length; k++) {
          if (kind < 0.4) values.push(level * (1 + (rand() - 0.5) * 1e-12))
          else if (kind < 0.5) values.push(NaN)
          else if (kind < 0.6) values.push(0)
          else values.push(rand())
        }
      }
      values.length = n
      const grid = values.map((_, i) => T0 + i * HOUR)
      const fast = constantRuns(Float64Array.from(values), T0, HOUR, 'y', 24, Infinity).runs
      expect(fast).toEqual(referenceConstantRuns(grid, values, 'y', 24))
    }
  })
})

describe('the gap-filled meter fixture', () => {
  it('reports exactly its 744-hour filled stretch, with length and value', () => {
    const bytes = readFileSync(join(__dirname, '../../../fixtures/csv-real/meter-gap-filled.csv'))
    const { profile } = readDataset(new Uint8Array(bytes), {})
    expect(profile.constantRuns).toHaveLength(1)
    const run = profile.constantRuns[0]
    expect(run).toMatchObject({
      column: 'flow_m3h',
      start: FILLED_FROM,
      end: FILLED_FROM + (FILLED_HOURS - 1) * HOUR,
      steps: FILLED_HOURS,
    })
    // The first filled value, which equals the average to 11 digits (noise in the 12th).
    expect(run.value).toBeCloseTo(FILLED_VALUE, 11)
    expect(run.value).not.toBe(FILLED_VALUE)
    const warning = profile.warnings.find((w) => w.code === 'CONSTANT_RUNS')
    expect(warning?.message).toContain('744 steps')
  })
})
