import { describe, expect, it } from 'vitest'
import { assertAligned, countMissing, mae } from '../../../../src-main/engine/metrics/point'
import { referenceMae } from '../../../../src-main/engine/metrics/reference'
import { close, randomPoints } from './random-points'

describe('mae', () => {
  it('averages |y − p50| over the points that have an actual', () => {
    expect(mae([1, 2, 3, NaN], [2, 2, 5, 100])).toBe(1)
    expect(countMissing([1, NaN, NaN, 4])).toBe(2)
  })

  it('is NaN with no actual at all, and when a median is NaN where an actual exists', () => {
    expect(mae([NaN, NaN], [1, 2])).toBeNaN()
    expect(mae([], [])).toBeNaN()
    expect(mae([1, 2], [1, NaN])).toBeNaN()
    // A NaN forecast where the actual is missing does not matter.
    expect(mae([1, NaN], [1, NaN])).toBe(0)
  })

  it('refuses misaligned inputs', () => {
    expect(() => mae([1, 2], [1])).toThrow(RangeError)
    expect(() => assertAligned([1], [2], [3, 4])).toThrow(/equal lengths/)
  })

  it('matches the reference on random inputs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = randomPoints(seed)
      expect(close(mae(p.actual, p.p50), referenceMae(p)), `seed ${seed}`).toBe(true)
    }
  })
})
