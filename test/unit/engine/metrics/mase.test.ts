import { describe, expect, it } from 'vitest'
import { mase, seasonalScale } from '../../../../src-main/engine/metrics/mase'
import {
  referenceMase,
  referenceSeasonalScale,
} from '../../../../src-main/engine/metrics/reference'
import { seeded } from '../data/helpers'
import { close, randomPoints } from './random-points'

describe('seasonalScale', () => {
  it('is the mean |x_t − x_{t−m}| within [from, to)', () => {
    const x = Float64Array.from({ length: 60 }, (_, t) => t) // every lag-24 difference is 24
    expect(seasonalScale(x, 24)).toBe(24)
    expect(seasonalScale(x, 168)).toBeNaN() // no pair
    const y = Float64Array.from([1, 5, 2, 9, 4])
    // lag 2 over [0, 5): |2−1|, |9−5|, |4−2| → 7/3
    expect(seasonalScale(y, 2)).toBeCloseTo(7 / 3, 14)
    // over [1, 5): |9−5|, |4−2| → 3
    expect(seasonalScale(y, 2, 1)).toBe(3)
    // over [0, 4): |2−1|, |9−5| → 2.5
    expect(seasonalScale(y, 2, 0, 4)).toBe(2.5)
  })

  it('skips pairs with a missing end and is NaN for a constant series', () => {
    expect(seasonalScale([1, 2, NaN, 6, 5], 2)).toBe(4) // only |6 − 2| is a complete pair
    expect(seasonalScale([3, 3, 3, 3], 1)).toBeNaN()
    expect(() => seasonalScale([1, 2], 0)).toThrow(RangeError)
  })

  it('matches the reference on random series with gaps', () => {
    const rand = seeded(5)
    for (let i = 0; i < 200; i++) {
      const n = 1 + Math.floor(rand() * 400)
      const x = Float64Array.from({ length: n }, () => (rand() < 0.05 ? NaN : rand() * 100))
      const period = [1, 24, 168][i % 3]
      const from = Math.floor(rand() * n * 0.3)
      const to = from + Math.floor(rand() * (n - from + 1))
      const fast = seasonalScale(x, period, from, to)
      expect(close(fast, referenceSeasonalScale(x, period, from, to)), `case ${i}`).toBe(true)
    }
  })
})

describe('mase', () => {
  it('divides the MAE of the median by the scale', () => {
    expect(mase([1, 2, NaN], [2, 4, 0], 3)).toBe(0.5)
    expect(mase([1], [2], NaN)).toBeNaN()
    expect(mase([1], [2], 0)).toBeNaN()
  })

  it('matches the reference on random inputs', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const p = randomPoints(seed)
      expect(close(mase(p.actual, p.p50, 2.5), referenceMase(p, 2.5))).toBe(true)
    }
  })
})
