import { describe, expect, it } from 'vitest'
import { reindex, uniqueRows } from '../../../../src-main/engine/data/reindex'
import { HOUR, dataError } from './helpers'

const col = (name: string, values: number[]) => ({ name, values: Float64Array.from(values) })
const lines = (n: number) => Int32Array.from({ length: n }, (_, i) => i + 2)

describe('uniqueRows', () => {
  it('drops exact repeats, missing values included, and warns', () => {
    const times = Float64Array.from([0, HOUR, HOUR, HOUR, 2 * HOUR])
    const result = uniqueRows(
      times,
      lines(5),
      [col('a', [1, NaN, NaN, NaN, 3]), col('b', [1, 2, 2, 2, 3])],
      false,
    )
    expect(Array.from(result.keep)).toEqual([0, 1, 4])
    expect(result.duplicates).toBe(2)
    expect(result.warnings[0].code).toBe('DUPLICATE_TIMESTAMPS')
  })

  it('refuses repeats with different values, naming both lines', () => {
    const times = Float64Array.from([0, HOUR, HOUR, 2 * HOUR, 2 * HOUR])
    const error = dataError(
      () => uniqueRows(times, lines(5), [col('a', [1, 2, 5, 3, 4])], false),
      'DUPLICATE_TIMESTAMPS',
    )
    expect(error.message).toMatch(/^2 timestamps appear more than once/)
    expect(error.message).toContain('lines 3 and 4')
    expect(error.line).toBe(4)
  })

  it('refuses rows out of order, saying to sort the file', () => {
    const times = Float64Array.from([0, 2 * HOUR, HOUR, 3 * HOUR, 0])
    const error = dataError(
      () => uniqueRows(times, lines(5), [col('a', [1, 2, 3, 4, 5])], false),
      'UNSORTED_TIMESTAMPS',
    )
    expect(error.message).toContain('2 rows come earlier')
    expect(error.message).toContain('line 4')
    expect(error.message).toContain('Sort the file by time')
  })
})

describe('reindex', () => {
  it('puts rows on the grid with NaN where rows are absent', () => {
    const times = Float64Array.from([10 * HOUR, 11 * HOUR, 14 * HOUR])
    const grid = reindex(times, lines(3), [col('a', [1, 2, 3])], Int32Array.from([0, 1, 2]), HOUR)
    expect(Array.from(grid.timestamps)).toEqual([10, 11, 12, 13, 14].map((h) => h * HOUR))
    expect(Array.from(grid.columns[0].values)).toEqual([1, 2, NaN, NaN, 3])
    expect(Array.from(grid.present)).toEqual([1, 1, 0, 0, 1])
  })

  it('refuses a grid that is almost all gap, naming the widest jump (a typo in a year)', () => {
    const times = Float64Array.from([0, HOUR, 2 * HOUR, 180 * 365 * 24 * HOUR])
    const error = dataError(
      () => reindex(times, lines(4), [col('a', [1, 2, 3, 4])], Int32Array.from([0, 1, 2, 3]), HOUR),
      'IRREGULAR_SAMPLING',
    )
    expect(error.message).toContain('from line 4 (1970-01-01 02:00 UTC) to line 5 (2149-')
    expect(error.line).toBe(5)
  })

  it('refuses a grid too large to hold', () => {
    const n = 3_000_000
    const times = Float64Array.from({ length: n }, (_, i) => i * 1000)
    const columns = Array.from({ length: 40 }, (_, k) => ({
      name: `c${k}`,
      values: new Float64Array(n),
    }))
    const keep = Int32Array.from({ length: n }, (_, i) => i)
    dataError(() => reindex(times, lines(n), columns, keep, 1000), 'FILE_TOO_LARGE')
  })
})
