import { describe, expect, it } from 'vitest'
import {
  calendarOption,
  dataChoices,
  rolesOver,
  splitOption,
  splitOver,
  withCalendar,
} from '../../../src-main/cli/data-options'
import { UsageError } from '../../../src-main/cli/usage-error'
import type { Roles } from '../../../src-main/engine/data/types'
import { parseCliArgs } from '../../../src-main/cli/parse-cli-args'
import { RUN_OPTIONS } from '../../../src-main/cli/run-command'
import { runRequest } from '../../../src-main/cli/run-request'

describe('split options', () => {
  it('leaves the split to the default when no split option is given', () => {
    expect(splitOption()).toBeUndefined()
    expect(splitOption(undefined, undefined, {})).toBeUndefined()
  })

  it('adds --train-start (UTC unless an offset is given) to the default or the dated split', () => {
    expect(splitOption(undefined, undefined, { trainStart: '2021-01-11T10:00' })).toEqual({
      kind: 'fractions',
      train: 0.7,
      val: 0.2,
      test: 0.1,
      trainStart: Date.UTC(2021, 0, 11, 10),
    })
    expect(
      splitOption('2022-01-01', '2022-06-01', { trainStart: '2021-01-11T11:00:00+01:00' }),
    ).toEqual({
      kind: 'dates',
      trainEnd: Date.UTC(2022, 0, 1),
      valEnd: Date.UTC(2022, 5, 1),
      trainStart: Date.UTC(2021, 0, 11, 10),
    })
  })

  it('reads --exclude-constant as whole hours, 0 allowed', () => {
    expect(splitOption(undefined, undefined, { excludeConstant: '0' })).toMatchObject({
      excludeConstantHours: 0,
    })
    expect(splitOption(undefined, undefined, { excludeConstant: '48' })).toMatchObject({
      excludeConstantHours: 48,
    })
    expect(() => splitOption(undefined, undefined, { excludeConstant: '-1' })).toThrow(UsageError)
    expect(() => splitOption(undefined, undefined, { excludeConstant: '1.5' })).toThrow(
      '--exclude-constant must be a non-negative integer',
    )
  })

  it('refuses a training start that is not a date, and one split date alone', () => {
    expect(() => splitOption(undefined, undefined, { trainStart: 'soon' })).toThrow(
      '--train-start is not an ISO date: soon',
    )
    expect(() => splitOption('2022-01-01')).toThrow('give both --train-end and --val-end')
  })

  it('threads --train-start and --exclude-constant into `frontier run`’s request', () => {
    const { values } = parseCliArgs(
      ['--data', 'demo:water', '--train-start', '2022-03-01', '--exclude-constant', '12'],
      RUN_OPTIONS,
      0,
    )
    expect(splitOver(runRequest(values).choices.split, undefined)).toEqual({
      kind: 'fractions',
      train: 0.7,
      val: 0.2,
      test: 0.1,
      trainStart: Date.UTC(2022, 2, 1),
      excludeConstantHours: 12,
    })
  })
})

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

describe('role and parsing options', () => {
  const values = (argv: string[]) => parseCliArgs(argv, RUN_OPTIONS, 0).values
  const base = {
    target: 'heat',
    pastCovariates: ['temp', 'wind'],
    futureCovariates: ['price'],
    calendar: off,
  }

  it('reads --target, column lists (none for empty), --delimiter and --timezone', () => {
    const choices = dataChoices(
      values([
        ...['--data', 'x.csv', '--target', ' flow ', '--covariates', 'temp, wind'],
        ...['--future-covariates', 'none', '--delimiter', 'tab', '--timezone', 'Europe/Berlin'],
      ]),
    )
    expect(choices).toEqual({
      target: 'flow',
      pastCovariates: ['temp', 'wind'],
      futureCovariates: [],
      delimiter: '\t',
      timezone: 'Europe/Berlin',
    })
    expect(dataChoices(values(['--data', 'x.csv']))).toEqual({})
  })

  it('refuses a delimiter, zone or target it cannot use', () => {
    expect(() => dataChoices(values(['--data', 'x', '--delimiter', '|']))).toThrow(
      '--delimiter must be , ; or tab',
    )
    expect(() => dataChoices(values(['--data', 'x', '--timezone', 'Mars/Olympus']))).toThrow(
      'not an IANA time zone',
    )
    expect(() => dataChoices(values(['--data', 'x', '--target', ' ']))).toThrow(
      '--target needs a column name',
    )
  })

  it('lays choices over the roles: a new target leaves both covariate lists', () => {
    expect(rolesOver(base, {})).toEqual(base)
    expect(rolesOver(base, { target: 'temp' })).toEqual({
      ...base,
      target: 'temp',
      pastCovariates: ['wind'],
    })
    expect(rolesOver(base, { pastCovariates: [], calendar: { ...off, hour: true } })).toEqual({
      ...base,
      pastCovariates: [],
      calendar: { ...off, hour: true },
    })
  })

  it('lays a split choice over the dataset’s split, keeping what it does not name', () => {
    const own = { kind: 'dates' as const, trainEnd: 10, valEnd: 20, trainStart: 5 }
    expect(splitOver(undefined, own)).toEqual(own)
    expect(splitOver({ excludeConstantHours: 0 }, own)).toEqual({ ...own, excludeConstantHours: 0 })
    expect(splitOver({ dates: { trainEnd: 30, valEnd: 40 } }, own)).toEqual({
      kind: 'dates',
      trainEnd: 30,
      valEnd: 40,
      trainStart: 5,
    })
    expect(splitOver({ trainStart: 7 }, undefined)).toEqual({
      kind: 'fractions',
      train: 0.7,
      val: 0.2,
      test: 0.1,
      trainStart: 7,
    })
  })
})
