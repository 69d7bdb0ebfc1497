import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REQUIREMENTS,
  DEFAULT_SPLIT,
  resolveSplit,
} from '../../../../src-main/engine/data/split'
import { HOUR, dataError } from './helpers'

const T0 = Date.UTC(2024, 0, 1)
const grid = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * HOUR)
const NONE = { inputLength: 0, horizon: 0, origins: 0 }

describe('resolveSplit', () => {
  it('splits 70/20/10 by default', () => {
    const split = resolveSplit(grid(10_000), DEFAULT_SPLIT, DEFAULT_REQUIREMENTS)
    expect(split).toEqual({
      trainStart: 0,
      trainStartTime: T0,
      trainEnd: 7000,
      valEnd: 9000,
      length: 10_000,
      trainEndTime: T0 + 7000 * HOUR,
      valEndTime: T0 + 9000 * HOUR,
    })
  })

  it('refuses fractions that do not sum to 1', () => {
    dataError(
      () => resolveSplit(grid(100), { kind: 'fractions', train: 0.7, val: 0.2, test: 0.2 }, NONE),
      'INVALID_SPLIT',
    )
    dataError(
      () => resolveSplit(grid(100), { kind: 'fractions', train: 1.2, val: -0.1, test: -0.1 }, NONE),
      'INVALID_SPLIT',
    )
    // Within 1e-9 is fine.
    expect(() =>
      resolveSplit(grid(100), { kind: 'fractions', train: 0.1 + 0.2, val: 0.3, test: 0.4 }, NONE),
    ).not.toThrow()
  })

  it('snaps dates forward to the grid', () => {
    const spec = { kind: 'dates' as const, trainEnd: T0 + 100.5 * HOUR, valEnd: T0 + 150 * HOUR }
    const split = resolveSplit(grid(200), spec, NONE)
    expect(split).toMatchObject({
      trainEnd: 101,
      valEnd: 150,
      trainEndTime: T0 + 101 * HOUR,
      valEndTime: T0 + 150 * HOUR,
    })
  })

  it('refuses dates out of order or outside the series', () => {
    const g = grid(200)
    dataError(
      () =>
        resolveSplit(
          g,
          { kind: 'dates', trainEnd: T0 + 150 * HOUR, valEnd: T0 + 100 * HOUR },
          NONE,
        ),
      'INVALID_SPLIT',
    )
    dataError(
      () => resolveSplit(g, { kind: 'dates', trainEnd: T0, valEnd: T0 + 100 * HOUR }, NONE),
      'INVALID_SPLIT',
    )
    dataError(
      () => resolveSplit(g, { kind: 'dates', trainEnd: T0 + HOUR, valEnd: T0 + 300 * HOUR }, NONE),
      'INVALID_SPLIT',
    )
    dataError(
      () =>
        resolveSplit(
          g,
          { kind: 'dates', trainEnd: T0 + 10.2 * HOUR, valEnd: T0 + 10.8 * HOUR },
          NONE,
        ),
      'INVALID_SPLIT',
    )
  })

  it('names the part that is too short, its length and what it needs', () => {
    const req = { inputLength: 168, horizon: 24, origins: 10 }
    const train = dataError(
      () =>
        resolveSplit(
          grid(1000),
          { kind: 'dates', trainEnd: T0 + 100 * HOUR, valEnd: T0 + 600 * HOUR },
          req,
        ),
      'SPLIT_TOO_SHORT',
    )
    expect(train.message).toMatch(
      /training part has 100 time steps .* needs at least 192: an input window of 168 steps plus a horizon of 24/,
    )
    const val = dataError(
      () =>
        resolveSplit(
          grid(1000),
          { kind: 'dates', trainEnd: T0 + 500 * HOUR, valEnd: T0 + 700 * HOUR },
          req,
        ),
      'SPLIT_TOO_SHORT',
    )
    expect(val.message).toMatch(
      /validation part has 200 time steps .* needs at least 408: an input window of 168 steps, then 10 forecast origins × a horizon of 24/,
    )
    const test = dataError(
      () =>
        resolveSplit(
          grid(1000),
          { kind: 'dates', trainEnd: T0 + 192 * HOUR, valEnd: T0 + 800 * HOUR },
          req,
        ),
      'SPLIT_TOO_SHORT',
    )
    expect(test.message).toMatch(/test part has 200 time steps/)
    // Exactly enough passes: L + H for training, L + origins × H for validation and test.
    expect(() =>
      resolveSplit(
        grid(1008),
        { kind: 'dates', trainEnd: T0 + 192 * HOUR, valEnd: T0 + 600 * HOUR },
        req,
      ),
    ).not.toThrow()
    expect(() =>
      resolveSplit(
        grid(1007),
        { kind: 'dates', trainEnd: T0 + 192 * HOUR, valEnd: T0 + 600 * HOUR },
        req,
      ),
    ).toThrow(/test part has 407 time steps/)
  })

  it('counts the input window before the walk-forward origins', () => {
    const req = { inputLength: 500, horizon: 24, origins: 2 }
    const error = dataError(
      () => resolveSplit(grid(2000), { kind: 'fractions', train: 0.6, val: 0.3, test: 0.1 }, req),
      'SPLIT_TOO_SHORT',
    )
    expect(error.message).toMatch(/test part has 200 time steps .* needs at least 548/)
  })

  it('with no requirements, resolves even a tiny series', () => {
    expect(resolveSplit(grid(3), DEFAULT_SPLIT, NONE)).toMatchObject({
      trainEnd: 2,
      valEnd: 3,
      length: 3,
      valEndTime: T0 + 3 * HOUR,
    })
  })

  it('starts training at the first grid row at or after trainStart, leaving val and test put', () => {
    const plain = resolveSplit(grid(10_000), DEFAULT_SPLIT, DEFAULT_REQUIREMENTS)
    const late = resolveSplit(
      grid(10_000),
      { ...DEFAULT_SPLIT, trainStart: T0 + 2500.5 * HOUR },
      DEFAULT_REQUIREMENTS,
    )
    expect(late).toEqual({ ...plain, trainStart: 2501, trainStartTime: T0 + 2501 * HOUR })
    const dates = resolveSplit(
      grid(10_000),
      { kind: 'dates', trainEnd: T0 + 6000 * HOUR, valEnd: T0 + 8000 * HOUR, trainStart: T0 },
      DEFAULT_REQUIREMENTS,
    )
    expect([dates.trainStart, dates.trainEnd, dates.valEnd]).toEqual([0, 6000, 8000])
  })

  it('refuses a training start outside [first row, training end) or too late for a window', () => {
    const at = (h: number) => ({ ...DEFAULT_SPLIT, trainStart: T0 + h * HOUR })
    dataError(() => resolveSplit(grid(1000), at(-1), NONE), 'INVALID_SPLIT')
    dataError(() => resolveSplit(grid(1000), at(700), NONE), 'INVALID_SPLIT')
    dataError(
      () => resolveSplit(grid(1000), { ...DEFAULT_SPLIT, trainStart: NaN }, NONE),
      'INVALID_SPLIT',
    )
    // 100 training rows left, fewer than 168 + 24.
    const error = dataError(
      () => resolveSplit(grid(10_000), at(6900), DEFAULT_REQUIREMENTS),
      'SPLIT_TOO_SHORT',
    )
    expect(error.message).toContain('The training part has 100 time steps')
  })

  it('refuses a negative constant-run exclusion', () => {
    dataError(
      () => resolveSplit(grid(100), { ...DEFAULT_SPLIT, excludeConstantHours: -1 }, NONE),
      'INVALID_SPLIT',
    )
    expect(
      resolveSplit(grid(100), { ...DEFAULT_SPLIT, excludeConstantHours: 0 }, NONE).trainStart,
    ).toBe(0)
  })
})
