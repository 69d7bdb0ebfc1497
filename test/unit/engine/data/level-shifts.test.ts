import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { levelShifts } from '../../../../src-main/engine/data/level-shifts'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import {
  LEVEL_AFTER,
  LEVEL_BEFORE,
  SHIFT_AT,
  makeLevelShift,
} from '../../../fixtures/level-shift/make-level-shift'
import { HOUR, bytesOf, seeded } from './helpers'

const T0 = Date.UTC(2024, 0, 1)
const DAY = 24

/** Hourly values: a daily cycle times level(day), with 5 % noise. */
function hourly(days: number, level: (hour: number) => number, seed = 1): Float64Array {
  const rand = seeded(seed)
  return Float64Array.from({ length: days * DAY }, (_, i) => {
    const cycle = 1 + 0.4 * Math.sin((2 * Math.PI * (i % DAY)) / DAY)
    return level(i) * cycle * (1 + (rand() - 0.5) * 0.1)
  })
}

describe('levelShifts', () => {
  it('finds a tenfold drop in the middle of a day, to the hour', () => {
    const at = 100 * DAY + 13
    const values = hourly(200, (i) => (i < at ? 50 : 5))
    const shifts = levelShifts(values, T0, HOUR, 'y')
    expect(shifts).toHaveLength(1)
    expect(shifts[0].at).toBe(T0 + at * HOUR)
    expect(shifts[0].factor).toBeCloseTo(0.1, 1)
    expect(shifts[0].before).toBeCloseTo(50, -1)
    expect(shifts[0].after).toBeCloseTo(5, 0)
  })

  it('finds a rise and two shifts far apart, and nothing below a factor of 3', () => {
    const values = hourly(300, (i) => (i < 80 * DAY ? 2 : i < 200 * DAY ? 8 : 2.2))
    const shifts = levelShifts(values, T0, HOUR, 'y')
    expect(shifts.map((s) => s.at)).toEqual([T0 + 80 * DAY * HOUR, T0 + 200 * DAY * HOUR])
    expect(shifts[0].factor).toBeCloseTo(4, 0)
    const small = hourly(200, (i) => (i < 100 * DAY ? 2 : 5.5))
    expect(levelShifts(small, T0, HOUR, 'y')).toEqual([])
  })

  it('does not fire on a swing of the same size spread over weeks, but on one within days', () => {
    // A tenfold fall over `days`: over 40 days the 28-day medians either side of its middle
    // differ by 10^(28/40) ≈ 5, yet neither side is steady and a week changes it by only 1.5.
    const ramp = (days: number) =>
      hourly(300, (i) => 50 * 10 ** -Math.min(1, Math.max(0, (i / DAY - 120) / days)))
    expect(levelShifts(ramp(40), T0, HOUR, 'y')).toEqual([])
    const fast = levelShifts(ramp(5), T0, HOUR, 'y')
    expect(fast).toHaveLength(1)
    expect(fast[0].at).toBeGreaterThanOrEqual(T0 + 120 * DAY * HOUR)
    expect(fast[0].at).toBeLessThanOrEqual(T0 + 125 * DAY * HOUR)
  })

  it('skips columns with negative values (no ratio scale) and short or flat series', () => {
    const values = hourly(200, (i) => (i < 100 * DAY ? 50 : 5))
    values[3] = -1
    expect(levelShifts(values, T0, HOUR, 'y')).toEqual([])
    expect(
      levelShifts(
        hourly(50, (i) => (i < 25 * DAY ? 50 : 5)),
        T0,
        HOUR,
        'y',
      ),
    ).toEqual([])
    expect(levelShifts(new Float64Array(200 * DAY), T0, HOUR, 'y')).toEqual([])
  })

  it('works on daily data too (one step per bucket)', () => {
    const rand = seeded(3)
    const values = Float64Array.from(
      { length: 200 },
      (_, i) => (i < 90 ? 30 : 300) * (1 + rand() * 0.05),
    )
    const shifts = levelShifts(values, T0, 24 * HOUR, 'y')
    expect(shifts.map((s) => s.at)).toEqual([T0 + 90 * 24 * HOUR])
  })
})

describe('level shifts in the profile', () => {
  it('flags the level-shift fixture once, at its shift, with a warning', () => {
    const { profile } = readDataset(bytesOf(makeLevelShift()), {})
    expect(profile.levelShifts).toHaveLength(1)
    const shift = profile.levelShifts?.[0]
    expect(shift?.column).toBe('demand_m3s')
    expect(shift?.at).toBe(SHIFT_AT)
    expect(shift?.factor).toBeCloseTo(LEVEL_AFTER / LEVEL_BEFORE, 2)
    const warning = profile.warnings.find((w) => w.code === 'LEVEL_SHIFT')
    expect(warning?.message).toContain('"demand_m3s" drops 10')
    expect(warning?.message).toContain('2021-01-11 10:00 UTC')
  })

  it('does not fire on the bundled demo series, which swing with the seasons', () => {
    for (const name of ['heat', 'water']) {
      const path = join(__dirname, '../../../../resources/datasets', `${name}.csv`)
      const { profile } = readDataset(new Uint8Array(readFileSync(path)), {})
      expect(profile.levelShifts, name).toEqual([])
      expect(
        profile.warnings.some((w) => w.code === 'LEVEL_SHIFT'),
        name,
      ).toBe(false)
    }
  })
})

describe('levelShifts on intermittent columns', () => {
  it('skips a column that is 0 in more than a quarter of its values, like rain', () => {
    // Wet weeks then dry weeks: the level jumps by far more than 3, but it is weather.
    const values = hourly(200, (i) => (i < 100 * DAY ? 2 : 20))
    for (let i = 0; i < values.length; i += 3) values[i] = 0
    expect(levelShifts(values, T0, HOUR, 'rain')).toEqual([])
    const fewZeros = hourly(200, (i) => (i < 100 * DAY ? 2 : 20))
    for (let i = 0; i < fewZeros.length; i += 5) fewZeros[i] = 0
    expect(levelShifts(fewZeros, T0, HOUR, 'y')).toHaveLength(1)
  })
})
