import { describe, expect, it } from 'vitest'
import { inferFrequency } from '../../../../src-main/engine/data/frequency'
import { durationLabel } from '../../../../src-main/engine/data/format'
import { HOUR, dataError, seeded } from './helpers'

const lines = (n: number) => Array.from({ length: n }, (_, i) => i + 2)

describe('inferFrequency', () => {
  it('takes the modal step, with gaps as whole multiples', () => {
    const times = Float64Array.from([0, 1, 2, 5, 6, 7, 10, 11].map((h) => h * HOUR))
    expect(inferFrequency(times, lines(8))).toEqual({ stepMs: HOUR, label: '1h' })
  })

  it('labels steps compactly', () => {
    expect(durationLabel(15 * 60_000)).toBe('15min')
    expect(durationLabel(86_400_000)).toBe('1d')
    expect(durationLabel(7 * 86_400_000)).toBe('7d')
    expect(durationLabel(2 * HOUR)).toBe('2h')
    expect(durationLabel(30_000)).toBe('30s')
    expect(durationLabel(250)).toBe('250ms')
  })

  it('accepts up to 10 % of odd steps only if rows stay on the grid', () => {
    // Hourly with one row moved by 30 minutes: 2 odd steps of 100, but the row is off the grid.
    const times = Float64Array.from({ length: 101 }, (_, i) => i * HOUR + (i === 50 ? HOUR / 2 : 0))
    const error = dataError(() => inferFrequency(times, lines(101)), 'IRREGULAR_SAMPLING')
    expect(error.line).toBe(52)
  })

  it('refuses irregular sampling below 90 % multiples', () => {
    const rand = seeded(5)
    let t = 0
    const times = Float64Array.from(
      { length: 200 },
      () => (t += (1 + Math.floor(rand() * 3)) * 7 * 60_000 + (rand() < 0.3 ? 60_000 : 0)),
    )
    const error = dataError(() => inferFrequency(times, lines(200)), 'IRREGULAR_SAMPLING')
    expect(error.message).toMatch(/most common step is \d+min/)
  })

  it('prefers the smaller step on a tie', () => {
    const times = Float64Array.from([0, 1, 3, 4, 6].map((h) => h * HOUR))
    expect(inferFrequency(times, lines(5)).stepMs).toBe(HOUR)
  })
})
