import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { calendarCovariates, holidayCountries } from '../../../../src-main/engine/data/calendar'
import { HOUR, dataError, seeded } from './helpers'

const ALL = { hour: true, weekday: true, month: true, weekend: true, holidays: 'DE' }

function byName(columns: { name: string; values: Float64Array }[]) {
  return Object.fromEntries(columns.map((c) => [c.name, Array.from(c.values)]))
}

describe('calendarCovariates', () => {
  it('marks Tag der Deutschen Einheit (2024-10-03) in Berlin local days', () => {
    // 2024-10-02 22:00 UTC is 00:00 on the 3rd in Berlin (CEST), 2024-10-03 22:00 UTC the 4th.
    const times = Float64Array.from([-1, 0, 23, 24].map((h) => Date.UTC(2024, 9, 2, 22) + h * HOUR))
    const c = byName(calendarCovariates(times, 'Europe/Berlin', ALL))
    expect(c.holiday).toEqual([0, 1, 1, 0])
    expect(c.hour).toEqual([23, 0, 23, 0])
    // 2024-10-03 was a Thursday (Monday = 0).
    expect(c.weekday).toEqual([2, 3, 3, 4])
    expect(c.weekend).toEqual([0, 0, 0, 0])
    expect(c.month).toEqual([10, 10, 10, 10])
  })

  it('knows Christmas, Easter Monday and New Year across years, not ordinary days', () => {
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12)
    const times = Float64Array.from([
      day(2023, 12, 25),
      day(2024, 4, 1),
      day(2025, 1, 1),
      day(2024, 4, 2),
      day(2024, 10, 31),
    ])
    const c = byName(calendarCovariates(times, 'Europe/Berlin', ALL))
    expect(c.holiday).toEqual([1, 1, 1, 0, 0])
  })

  it('agrees with luxon on random instants in several zones', () => {
    const rand = seeded(21)
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC']) {
      const times = Float64Array.from(
        { length: 2000 },
        () => Date.UTC(2000, 0, 1) + Math.floor(rand() * 30 * 365 * 24 * 4) * 15 * 60_000,
      )
      const c = byName(calendarCovariates(times, zone, { ...ALL, holidays: null }))
      times.forEach((t, i) => {
        const dt = DateTime.fromMillis(t, { zone })
        expect(c.hour[i]).toBe(dt.hour)
        expect(c.weekday[i]).toBe(dt.weekday - 1)
        expect(c.month[i]).toBe(dt.month)
        expect(c.weekend[i]).toBe(dt.weekday >= 6 ? 1 : 0)
      })
      expect(c.holiday).toBeUndefined()
    }
  })

  it('returns only the covariates asked for', () => {
    const times = Float64Array.from([0, HOUR])
    const names = calendarCovariates(times, 'UTC', {
      hour: true,
      weekday: false,
      month: true,
      weekend: false,
      holidays: null,
    }).map((c) => c.name)
    expect(names).toEqual(['hour', 'month'])
  })

  it('refuses an unknown country and an unknown zone', () => {
    dataError(
      () => calendarCovariates(Float64Array.from([0]), 'UTC', { ...ALL, holidays: 'XX' }),
      'INVALID_ROLES',
    )
    dataError(
      () => calendarCovariates(Float64Array.from([0]), 'Nowhere/City', ALL),
      'UNKNOWN_TIMEZONE',
    )
  })

  it('is fast enough for ten years of hourly data', () => {
    const times = Float64Array.from({ length: 87_600 }, (_, i) => Date.UTC(2015, 0, 1) + i * HOUR)
    const start = performance.now()
    const c = byName(calendarCovariates(times, 'Europe/Berlin', ALL))
    expect(performance.now() - start).toBeLessThan(2000)
    // Nine public holidays a year in Germany nationally (2015–2024), 24 hours each, give or take
    // the one-off 2017 Reformation Day.
    const holidayHours = c.holiday.reduce((a, b) => a + b, 0)
    expect(holidayHours).toBeGreaterThanOrEqual(9 * 10 * 24)
  })
})

describe('holidayCountries', () => {
  it('lists countries by English name, Germany among them', () => {
    const countries = holidayCountries()
    expect(countries.length).toBeGreaterThan(100)
    expect(countries).toContainEqual({ code: 'DE', name: 'Germany' })
    const names = countries.map((c) => c.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
  })
})
