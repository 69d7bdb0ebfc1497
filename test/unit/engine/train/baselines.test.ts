import { describe, expect, it } from 'vitest'
import { seasonalNaive, seasonalNaiveForecaster } from '../../../../src-main/engine/train/baselines'

const series = Float64Array.from({ length: 400 }, (_, i) => i)

describe('seasonalNaive', () => {
  it('repeats yesterday (m = 24) and last week (m = 168) at the same hour', () => {
    const day = seasonalNaive(series, 200, 24, 24)!
    expect(Array.from(day.p50)).toEqual(Array.from({ length: 24 }, (_, h) => 176 + h))
    const week = seasonalNaive(series, 200, 24, 168)!
    expect(Array.from(week.p50)).toEqual(Array.from({ length: 24 }, (_, h) => 32 + h))
  })

  it('uses history only when the horizon is longer than the season', () => {
    const f = seasonalNaive(series, 200, 30, 24)!
    // h = 24…29 repeat h = 0…5: rows 176…181, all before the origin
    expect(Array.from(f.p50).slice(24)).toEqual([176, 177, 178, 179, 180, 181])
  })

  it('returns p10 = p50 = p90 so every metric applies', () => {
    const f = seasonalNaive(series, 200, 24, 24)!
    expect(f.p10).toBe(f.p50)
    expect(f.p90).toBe(f.p50)
  })

  it('declines an origin with too little history or a missing value to repeat', () => {
    expect(seasonalNaive(series, 100, 24, 168)).toBeNull()
    const gappy = Float64Array.from(series)
    gappy[180] = NaN
    expect(seasonalNaiveForecaster(gappy, 24, 24)(200)).toBeNull()
    expect(seasonalNaiveForecaster(gappy, 24, 24)(224)).not.toBeNull()
  })
})
