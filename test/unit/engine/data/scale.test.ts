import { describe, expect, it } from 'vitest'
import {
  applyMinMax,
  applyMinMaxColumns,
  fitMinMax,
  inverseMinMax,
  robustInverse,
  robustScaleWindow,
  robustStatistics,
} from '../../../../src-main/engine/data/scale'
import { dataError, seeded } from './helpers'

const col = (name: string, values: number[]) => ({ name, values: Float64Array.from(values) })

describe('MinMax scaler (Darts Scaler, fitted on training rows)', () => {
  it('fits per component on rows [start, end) only, ignoring missing values', () => {
    const s = fitMinMax([col('a', [2, NaN, 6, 4, 100]), col('b', [-1, 1, 0, 0, -50])], 4)
    expect(Array.from(s.min)).toEqual([2, -1])
    expect(Array.from(s.range)).toEqual([4, 2])
    expect(s.names).toEqual(['a', 'b'])
    // Later rows map outside [0, 1]; that is expected and not clipped.
    expect(Array.from(applyMinMax(s, 0, [2, 4, 6, 100, NaN]))).toEqual([0, 0.5, 1, 24.5, NaN])
  })

  it('replaces a constant range by 1, as sklearn does', () => {
    const s = fitMinMax([col('c', [3, 3, 3])], 3)
    expect(s.range[0]).toBe(1)
    expect(Array.from(applyMinMax(s, 0, [3, 4]))).toEqual([0, 1])
  })

  it('refuses a column with no training value', () => {
    dataError(() => fitMinMax([col('x', [NaN, NaN, 1])], 2), 'INVALID_ROLES')
  })

  it('maps the training rows onto [0, 1] and inverts back on random data', () => {
    const rand = seeded(3)
    for (let k = 0; k < 50; k++) {
      const n = 2 + Math.floor(rand() * 300)
      const offset = (rand() - 0.5) * 1e4
      const width = 10 ** (rand() * 6 - 3)
      const values = Array.from({ length: n }, () => offset + rand() * width)
      const s = fitMinMax([col('v', values)], n)
      const scaled = applyMinMax(s, 0, values)
      expect(Math.min(...scaled)).toBeCloseTo(0, 12)
      expect(Math.max(...scaled)).toBeCloseTo(1, 9)
      const back = inverseMinMax(s, 0, scaled)
      for (let i = 0; i < n; i++) expect(back[i]).toBeCloseTo(values[i], 9)
    }
  })

  it('scales whole columns in order', () => {
    const columns = [col('a', [0, 10]), col('b', [5, 7])]
    const scaled = applyMinMaxColumns(fitMinMax(columns, 2), columns)
    expect(scaled.map((c) => [c.name, ...c.values])).toEqual([
      ['a', 0, 1],
      ['b', 0, 1],
    ])
  })
})

describe('robust scaler (NeuralForecast, per window)', () => {
  it('uses lower medians of the values and of the absolute deviations', () => {
    // median 3; |x − 3| = 2 1 0 1 97 → median 1
    expect(robustStatistics([1, 2, 3, 4, 100])).toEqual({ median: 3, scale: 1 + 1e-6 })
    // even count: lower median 2; |x − 2| = 1 0 1 2 → lower median 1
    expect(robustStatistics([4, 1, 3, 2])).toEqual({ median: 2, scale: 1 + 1e-6 })
  })

  it('falls back to 0.6745·σ when the MAD is 0, then to 1', () => {
    // median 5, MAD 0; mean 6, population variance 3
    const s = robustStatistics([5, 5, 5, 9])
    expect(s.median).toBe(5)
    expect(s.scale).toBeCloseTo(0.6744897501960817 * Math.sqrt(3) + 1e-6, 14)
    expect(robustStatistics([2, 2, 2])).toEqual({ median: 2, scale: 1 + 1e-6 })
  })

  it('ignores masked and missing positions; NaN when nothing is left', () => {
    expect(robustStatistics([1, 50, 3, NaN, 2], [1, 0, 1, 1, 1]).median).toBe(2)
    expect(robustStatistics([1, 2], [0, 0]).median).toBeNaN()
  })

  it('normalises every row with statistics of the available insample rows', () => {
    // rows = 6 (L = 4, H = 2), channels = 2: target t, covariate 10·t.
    const window = [0, 0, 1, 10, 2, 20, 1000, 10000, 4, 40, 5, 50]
    const available = [1, 1, 1, 0] // row 3 (the outlier) is missing in the target
    const w = robustScaleWindow(window, 6, 2, 4, available)
    // target insample {0, 1, 2}: median 1, |dev| {1, 0, 1} → MAD 1
    expect(Array.from(w.median)).toEqual([1, 10])
    expect(w.scale[0]).toBeCloseTo(1 + 1e-6, 14)
    expect(w.scale[1]).toBeCloseTo(10 + 1e-6, 14)
    // horizon rows use the same statistics
    expect(w.normalized[10]).toBeCloseTo((5 - 1) / (1 + 1e-6), 12)
    expect(w.normalized[11]).toBeCloseTo((50 - 10) / (10 + 1e-6), 12)
    const back = robustInverse([w.normalized[10]], { median: w.median[0], scale: w.scale[0] })
    expect(back[0]).toBeCloseTo(5, 12)
    expect(() => robustScaleWindow([1, 2, 3], 2, 2, 1)).toThrow(RangeError)
  })
})
