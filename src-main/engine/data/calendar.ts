// Calendar covariates known in advance for any instant: hour, weekday, month, weekend and public
// holiday, all in the series' local time zone. Holidays come from date-holidays once per year and
// country and are then looked up by local date; asking the library per row would take minutes.

import Holidays from 'date-holidays'
import type { CalendarOptions, SeriesColumn } from './types'
import { DataError } from './data-error'
import { MS_PER_DAY, MS_PER_HOUR, civilFromDays, weekdayFromDays } from './civil'
import { ZoneClock } from './zone-clock'

export { CALENDAR_COLUMNS } from './calendar-columns'

export function calendarCovariates(
  timestamps: Float64Array,
  timezone: string,
  options: CalendarOptions,
): SeriesColumn[] {
  const clock = new ZoneClock(timezone)
  const n = timestamps.length
  const hour = options.hour ? new Float64Array(n) : null
  const weekday = options.weekday ? new Float64Array(n) : null
  const month = options.month ? new Float64Array(n) : null
  const weekend = options.weekend ? new Float64Array(n) : null
  const holiday = options.holidays !== null ? new Float64Array(n) : null
  const holidays = options.holidays !== null ? new HolidayDays(options.holidays) : null
  for (let i = 0; i < n; i++) {
    const local = timestamps[i] + clock.offsetAt(timestamps[i])
    const days = Math.floor(local / MS_PER_DAY)
    if (hour) hour[i] = Math.floor((local - days * MS_PER_DAY) / MS_PER_HOUR)
    if (weekday || weekend) {
      const w = weekdayFromDays(days)
      if (weekday) weekday[i] = w
      if (weekend) weekend[i] = w >= 5 ? 1 : 0
    }
    if (month) month[i] = Math.floor(civilFromDays(days) / 100) % 100
    if (holiday && holidays) holiday[i] = holidays.isHoliday(days) ? 1 : 0
  }
  const columns: SeriesColumn[] = []
  if (hour) columns.push({ name: 'hour', values: hour })
  if (weekday) columns.push({ name: 'weekday', values: weekday })
  if (month) columns.push({ name: 'month', values: month })
  if (weekend) columns.push({ name: 'weekend', values: weekend })
  if (holiday) columns.push({ name: 'holiday', values: holiday })
  return columns
}

/** Countries date-holidays knows, by English name. */
export function holidayCountries(): { code: string; name: string }[] {
  const countries = new Holidays().getCountries('en')
  return Object.entries(countries)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
}

/** Public holidays of one country as a set of local day numbers, filled a year at a time. */
class HolidayDays {
  private readonly holidays: Holidays
  private readonly days = new Set<number>()
  private readonly years = new Set<number>()
  private lastDay = NaN
  private lastResult = false

  constructor(country: string) {
    const known = new Holidays().getCountries('en')
    if (!(country in known)) {
      throw new DataError(
        'INVALID_ROLES',
        `"${country}" is not a country with a public holiday calendar. Pick a country from the ` +
          'list, or turn the holiday covariate off.',
      )
    }
    this.holidays = new Holidays(country)
  }

  isHoliday(day: number): boolean {
    if (day === this.lastDay) return this.lastResult
    const year = Math.floor(civilFromDays(day) / 10000)
    if (!this.years.has(year)) this.addYear(year)
    this.lastDay = day
    this.lastResult = this.days.has(day)
    return this.lastResult
  }

  private addYear(year: number): void {
    this.years.add(year)
    for (const h of this.holidays.getHolidays(year)) {
      if (h.type !== 'public') continue
      // h.date is the local date and time "YYYY-MM-DD hh:mm:ss"; a holiday may span days.
      const first = dayOf(h.date)
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY))
      for (let d = 0; d < span; d++) this.days.add(first + d)
    }
  }
}

function dayOf(date: string): number {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number)
  return Date.UTC(y, m - 1, d) / MS_PER_DAY
}
