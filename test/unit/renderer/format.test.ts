import { describe, expect, it } from 'vitest'
import {
  formatDuration,
  formatHours,
  formatPercent,
  formatInstant,
  formatRun,
  formatValue,
  fromDateTimeInput,
  toDateTimeInput,
} from '../../../src-renderer/src/lib/format'

const T = Date.UTC(2024, 2, 31, 1, 0)

describe('formatting', () => {
  it('shows instants in UTC and round-trips date-time inputs', () => {
    expect(formatInstant(T)).toBe('2024-03-31 01:00')
    expect(toDateTimeInput(T)).toBe('2024-03-31T01:00')
    expect(fromDateTimeInput('2024-03-31T01:00')).toBe(T)
    expect(fromDateTimeInput('nonsense')).toBeNull()
  })

  it('formats values with a few significant digits', () => {
    expect(formatValue(null)).toBe('—')
    expect(formatValue(12.3456)).toBe('12.35')
    expect(formatValue(123456.7)).toBe('123,457')
    expect(formatValue(0)).toBe('0')
    expect(formatValue(0.00001234)).toBe('1.234e-5')
  })

  it('formats durations in hours, with days for long ones', () => {
    expect(formatHours(5 * 3_600_000)).toBe('5 h')
    expect(formatHours(72 * 3_600_000)).toBe('72 h (3.0 d)')
  })

  it('formats a run compactly within a day', () => {
    expect(formatRun(T, T + 2 * 3_600_000, 3)).toBe('2024-03-31 01:00 → 03:00 (3 steps)')
    expect(formatRun(T, T, 1)).toBe('2024-03-31 01:00 (1 step)')
  })

  it('formats spans of time as a person reads them', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(42_400)).toBe('42 s')
    expect(formatDuration(185_000)).toBe('3 min 05 s')
    expect(formatDuration((2 * 3600 + 7 * 60) * 1000)).toBe('2 h 07 min')
    expect(formatDuration((76 * 3600 + 59 * 60) * 1000)).toBe('3 d 4 h')
    expect(formatDuration(-5)).toBe('0 s')
    expect(formatDuration(Number.NaN)).toBe('—')
  })

  it('formats percentages, a dash for none', () => {
    expect(formatPercent(37.4)).toBe('37 %')
    expect(formatPercent(null)).toBe('—')
  })
})
