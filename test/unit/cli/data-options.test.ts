import { describe, expect, it } from 'vitest'
import { calendarOption, withCalendar } from '../../../src-main/cli/data-options'
import { UsageError } from '../../../src-main/cli/usage-error'
import type { Roles } from '../../../src-main/engine/data/types'

const off = { hour: false, weekday: false, month: false, weekend: false, holidays: null }

describe('--calendar', () => {
  it('reads none, a list of covariates, and a holiday country', () => {
    expect(calendarOption(undefined)).toBeUndefined()
    expect(calendarOption('none')).toEqual(off)
    expect(calendarOption('hour, weekend')).toEqual({ ...off, hour: true, weekend: true })
    expect(calendarOption('weekday,holidays=de')).toEqual({ ...off, weekday: true, holidays: 'DE' })
  })

  it('refuses what it does not know, naming the choices', () => {
    expect(() => calendarOption('hours')).toThrow(UsageError)
    expect(() => calendarOption('hours')).toThrow(/"hours" is not one of none, hour, weekday/)
    expect(() => calendarOption('holidays=Germany')).toThrow(UsageError)
  })

  it('replaces only the calendar of the roles', () => {
    const roles: Roles = {
      target: 'heat',
      pastCovariates: ['temp'],
      futureCovariates: [],
      calendar: { ...off, hour: true },
    }
    expect(withCalendar(roles, undefined)).toBe(roles)
    expect(withCalendar(roles, off)).toEqual({ ...roles, calendar: off })
  })
})
