import { describe, expect, it } from 'vitest'
import { bucketMinMax } from '../../../../src-main/engine/data/downsample'
import { defaultRoles } from '../../../../src-main/engine/data/roles'
import type { Profile } from '../../../../src-main/engine/data/types'
import { HOUR, seeded } from './helpers'

/** Naive oracle: for each bucket, scan every point and keep those inside it. */
function reference(
  times: Float64Array,
  values: Float64Array,
  from: number,
  to: number,
  buckets: number,
) {
  const inside = Array.from(times.keys()).filter((i) => times[i] >= from && times[i] <= to)
  if (inside.length === 0) return { t: [], min: [], max: [], stepMs: 0 }
  const gridStep = inside.length > 1 ? times[inside[1]] - times[inside[0]] : 1
  const stepMs = Math.max(1, Math.ceil(inside.length / buckets)) * gridStep
  const origin = times[inside[0]]
  const count = Math.floor((times[inside[inside.length - 1]] - origin) / stepMs) + 1
  const t: number[] = []
  const min: (number | null)[] = []
  const max: (number | null)[] = []
  for (let b = 0; b < count; b++) {
    const lo = origin + b * stepMs
    const vs = inside
      .filter((i) => times[i] >= lo && times[i] < lo + stepMs)
      .map((i) => values[i])
      .filter((v) => !Number.isNaN(v))
    t.push(lo)
    min.push(vs.length ? Math.min(...vs) : null)
    max.push(vs.length ? Math.max(...vs) : null)
  }
  return { t, min, max, stepMs }
}

describe('bucketMinMax', () => {
  it('matches the naive reference on random series and windows', () => {
    const rand = seeded(31)
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 3000)
      const times = Float64Array.from({ length: n }, (_, i) => 1e12 + i * HOUR)
      const values = Float64Array.from({ length: n }, () =>
        rand() < 0.1 ? NaN : Math.round(rand() * 1000),
      )
      // Long stretches of missing values, to get whole buckets of them.
      if (rand() < 0.5) values.fill(NaN, Math.floor(rand() * n), Math.floor(rand() * n))
      const from = times[0] + Math.floor(rand() * n * 0.3) * HOUR - (rand() < 0.2 ? 0.5 * HOUR : 0)
      const to = times[n - 1] - Math.floor(rand() * n * 0.3) * HOUR
      const buckets = 1 + Math.floor(rand() * 600)
      const got = bucketMinMax(times, values, from, to, buckets)
      expect(got).toEqual(reference(times, values, from, to, buckets))
      expect(got.t.length).toBeLessThanOrEqual(buckets)
    }
  })

  it('gives null for a bucket of missing values and one bucket per point when points are few', () => {
    const times = Float64Array.from({ length: 6 }, (_, i) => i * HOUR)
    const values = Float64Array.from([1, 5, NaN, NaN, 2, 8])
    expect(bucketMinMax(times, values, 0, 5 * HOUR, 3)).toEqual({
      t: [0, 2 * HOUR, 4 * HOUR],
      min: [1, null, 2],
      max: [5, null, 8],
      stepMs: 2 * HOUR,
    })
    expect(bucketMinMax(times, values, 0, 5 * HOUR, 100).t.length).toBe(6)
    expect(bucketMinMax(times, values, 10 * HOUR, 20 * HOUR, 10)).toEqual({
      t: [],
      min: [],
      max: [],
      stepMs: 0,
    })
  })
})

describe('defaultRoles', () => {
  const profile = (numericColumns: string[]) => ({ numericColumns }) as Profile

  it('picks a target by name and starts with the target alone: no covariates, calendar off', () => {
    expect(defaultRoles(profile(['temp', 'Heat_MW', 'wind']))).toEqual({
      target: 'Heat_MW',
      pastCovariates: [],
      futureCovariates: [],
      calendar: { hour: false, weekday: false, month: false, weekend: false, holidays: null },
    })
    expect(defaultRoles(profile(['x', 'y'])).target).toBe('y')
    expect(defaultRoles(profile(['temp', 'water_demand'])).target).toBe('water_demand')
  })

  it('falls back to the first numeric column', () => {
    expect(defaultRoles(profile(['a', 'b'])).target).toBe('a')
    expect(defaultRoles(profile(['only'])).pastCovariates).toEqual([])
  })
})
