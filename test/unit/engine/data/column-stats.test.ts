import { describe, expect, it } from 'vitest'
import { columnStats, median } from '../../../../src-main/engine/data/column-stats'
import { seeded } from './helpers'
import { referenceStats } from './reference'

describe('columnStats', () => {
  it('matches the naive reference on random columns', () => {
    const rand = seeded(9)
    for (let trial = 0; trial < 300; trial++) {
      const n = Math.floor(rand() * 300)
      const pool = Math.floor(1 + rand() * 20)
      const values = Array.from({ length: n }, () => {
        const r = rand()
        if (r < 0.1) return NaN
        if (r < 0.15) return 0
        // Few distinct values sometimes, to exercise equal keys in quickselect.
        return trial % 2 === 0 ? Math.floor(rand() * pool) : (rand() - 0.5) * 1e6
      })
      const got = columnStats('c', Float64Array.from(values))
      const want = referenceStats('c', values)
      expect({ ...got, mean: null, std: null }).toEqual({ ...want, mean: null, std: null })
      if (want.mean === null) expect(got.mean).toBeNull()
      else expect(got.mean).toBeCloseTo(want.mean, 6)
      if (want.std === null) expect(got.std).toBeNull()
      else expect(got.std).toBeCloseTo(want.std, 6)
    }
  })

  it('handles an empty column and a single value', () => {
    expect(columnStats('e', Float64Array.from([NaN, NaN]))).toMatchObject({
      count: 0,
      missing: 2,
      min: null,
      median: null,
    })
    expect(columnStats('s', Float64Array.from([NaN, 4]))).toMatchObject({
      count: 1,
      min: 4,
      max: 4,
      mean: 4,
      std: null,
      median: 4,
    })
  })

  it('finds the median of sorted, reversed and constant input', () => {
    const n = 100_001
    expect(median(Float64Array.from({ length: n }, (_, i) => i))).toBe(50_000)
    expect(median(Float64Array.from({ length: n }, (_, i) => n - i))).toBe(50_001)
    expect(median(new Float64Array(n).fill(3))).toBe(3)
    expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5)
  })
})
