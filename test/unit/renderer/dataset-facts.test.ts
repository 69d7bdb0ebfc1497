import { describe, expect, it } from 'vitest'
import type { Profile, ResolvedSplit, Roles } from '../../../src-main/engine/data/types'
import { gapRunsOf, splitParts, splitPercents } from '../../../src-renderer/src/lib/dataset-facts'
import {
  columnUse,
  sameRoles,
  withColumnUse,
  withTarget,
} from '../../../src-renderer/src/lib/roles'
import {
  splitFromDates,
  splitFromPercents,
  trainStartFromInput,
  withTrainStart,
  withTrainingPart,
} from '../../../src-renderer/src/lib/split-form'

const H = 3_600_000
const T0 = Date.UTC(2024, 0, 1)

const profile = {
  start: T0,
  end: T0 + 99 * H,
  frequencyMs: H,
  gaps: [
    { column: 'heat', start: T0 + H, end: T0 + 2 * H, steps: 2 },
    { column: 'temp', start: T0 + 5 * H, end: T0 + 5 * H, steps: 1 },
    { column: 'heat', start: T0 + 9 * H, end: T0 + 9 * H, steps: 1 },
  ],
} as Profile

const resolved: ResolvedSplit = {
  trainEnd: 70,
  valEnd: 90,
  length: 100,
  trainEndTime: T0 + 70 * H,
  valEndTime: T0 + 90 * H,
}

describe('dataset facts', () => {
  it('counts gap runs of one column only', () => {
    expect(gapRunsOf(profile, 'heat')).toHaveLength(2)
    expect(gapRunsOf(profile, 'temp')).toHaveLength(1)
  })

  it('resolves the parts of a split with their first and last instants and lengths', () => {
    const [train, val, test] = splitParts(profile, resolved)
    expect(train).toMatchObject({ start: T0, last: T0 + 69 * H, steps: 70, ms: 70 * H })
    expect(val).toMatchObject({ start: T0 + 70 * H, last: T0 + 89 * H, steps: 20 })
    expect(test).toMatchObject({ start: T0 + 90 * H, last: T0 + 99 * H, steps: 10 })
  })

  it('begins the training part at the training start; records without one start at row 0', () => {
    const [train, val] = splitParts(profile, { ...resolved, trainStart: 30 })
    expect(train).toMatchObject({ start: T0 + 30 * H, last: T0 + 69 * H, steps: 40 })
    expect(val).toMatchObject({ start: T0 + 70 * H, steps: 20 })
  })

  it('shows a date split as measured percentages', () => {
    expect(splitPercents({ kind: 'dates', trainEnd: 0, valEnd: 0 }, resolved)).toEqual({
      train: 70,
      val: 20,
      test: 10,
    })
    expect(
      splitPercents({ kind: 'fractions', train: 0.6, val: 0.25, test: 0.15 }, resolved),
    ).toEqual({
      train: 60,
      val: 25,
      test: 15,
    })
  })
})

describe('split form', () => {
  it('accepts shares that add up to 100', () => {
    expect(splitFromPercents({ train: 60, val: 25, test: 15 })).toEqual({
      ok: true,
      split: { kind: 'fractions', train: 0.6, val: 0.25, test: 0.15 },
    })
  })

  it('explains shares that do not', () => {
    expect(splitFromPercents({ train: 60, val: 25, test: 10 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('95'),
    })
    expect(splitFromPercents({ train: 0, val: 90, test: 10 })).toMatchObject({ ok: false })
    expect(splitFromPercents({ train: Number.NaN, val: 90, test: 10 })).toMatchObject({ ok: false })
  })

  it('reads date inputs as UTC and wants them in order', () => {
    expect(splitFromDates('2024-01-03T00:00', '2024-01-04T12:00')).toEqual({
      ok: true,
      split: { kind: 'dates', trainEnd: Date.UTC(2024, 0, 3), valEnd: Date.UTC(2024, 0, 4, 12) },
    })
    expect(splitFromDates('2024-01-04T00:00', '2024-01-03T00:00')).toMatchObject({ ok: false })
    expect(splitFromDates('', '2024-01-03T00:00')).toMatchObject({ ok: false })
  })
})

describe('split form: the training part', () => {
  const shares = { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 } as const

  it('keeps the training start and the exclusion when the shares or dates change', () => {
    const old = { ...shares, trainStart: T0 + 5 * H, excludeConstantHours: 0 }
    expect(withTrainingPart({ kind: 'dates', trainEnd: 1, valEnd: 2 }, old)).toEqual({
      kind: 'dates',
      trainEnd: 1,
      valEnd: 2,
      trainStart: T0 + 5 * H,
      excludeConstantHours: 0,
    })
    expect(withTrainingPart(shares, { ...shares })).toEqual(shares)
  })

  it('sets or clears the training start', () => {
    expect(withTrainStart(shares, T0)).toEqual({ ...shares, trainStart: T0 })
    expect(withTrainStart({ ...shares, trainStart: T0 }, null)).toEqual(shares)
    expect(trainStartFromInput('')).toEqual({ ok: true, trainStart: null })
    expect(trainStartFromInput('2024-01-02T03:00')).toEqual({
      ok: true,
      trainStart: Date.UTC(2024, 0, 2, 3),
    })
    expect(trainStartFromInput('tomorrow')).toMatchObject({ ok: false })
  })
})

describe('roles', () => {
  const roles: Roles = {
    target: 'heat',
    pastCovariates: ['temp'],
    futureCovariates: ['forecast'],
    calendar: { hour: true, weekday: true, month: false, weekend: true, holidays: 'DE' },
  }

  it('gives every column exactly one use', () => {
    const moved = withColumnUse(roles, 'temp', 'future')
    expect(columnUse(moved, 'temp')).toBe('future')
    expect(moved.pastCovariates).toEqual([])
    expect(columnUse(withColumnUse(moved, 'temp', 'unused'), 'temp')).toBe('unused')
  })

  it('takes a new target out of the covariates', () => {
    const r = withTarget(roles, 'temp')
    expect(r.target).toBe('temp')
    expect(r.pastCovariates).toEqual([])
    expect(r.futureCovariates).toEqual(['forecast'])
  })

  it('compares roles regardless of order', () => {
    const a = { ...roles, pastCovariates: ['a', 'b'] }
    const b = { ...roles, pastCovariates: ['b', 'a'], calendar: { ...roles.calendar } }
    expect(sameRoles(a, b)).toBe(true)
    expect(sameRoles(a, withColumnUse(a, 'a', 'unused'))).toBe(false)
  })
})
