import { describe, expect, it } from 'vitest'
import {
  formatHours,
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
})
