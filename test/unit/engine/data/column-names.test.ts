import { describe, expect, it } from 'vitest'
import {
  checkColumnRename,
  nameColumns,
  sourceStem,
} from '../../../../src-main/engine/data/column-names'
import type { Profile } from '../../../../src-main/engine/data/types'
import { dataError } from './helpers'

describe('column names', () => {
  it('takes the file name without folder and extension', () => {
    expect(sourceStem('/home/a/district_heat.csv')).toBe('district_heat')
    expect(sourceStem('C:\\data\\Fernwärme 2015.CSV')).toBe('Fernwärme 2015')
    expect(sourceStem('export.tar.csv')).toBe('export.tar')
    expect(sourceStem('.csv')).toBe('value')
  })

  it('names numbers after the file and keeps the header beside the name', () => {
    const { names, renamed } = nameColumns(['', '0', 'temp'], 0, 'heat.csv')
    expect(names).toEqual(['time', 'heat 0', 'temp'])
    expect(renamed).toEqual([
      { name: 'time', header: '', why: 'unnamed' },
      { name: 'heat 0', header: '0', why: 'number' },
    ])
    // An unnamed index column does not count as a value column.
    expect(nameColumns(['Unnamed: 0', '', '1e3'], 1, 'heat.csv').names).toEqual([
      'Unnamed: 0',
      'time',
      'heat',
    ])
  })

  const profile = {
    timestampColumn: 'time',
    numericColumns: ['district_heat', 'temp'],
  } as Profile

  it('refuses renames to nothing, to a taken name or to a calendar covariate', () => {
    checkColumnRename(profile, 'district_heat', 'heat')
    checkColumnRename(profile, 'district_heat', 'District_Heat')
    expect(
      dataError(() => checkColumnRename(profile, 'x', 'y'), 'UNKNOWN_COLUMN').message,
    ).toContain('only numeric columns')
    dataError(() => checkColumnRename(profile, 'district_heat', ''), 'INVALID_COLUMN_NAME')
    dataError(
      () => checkColumnRename(profile, 'district_heat', 'x'.repeat(201)),
      'INVALID_COLUMN_NAME',
    )
    const taken = dataError(
      () => checkColumnRename(profile, 'district_heat', 'Temp'),
      'INVALID_COLUMN_NAME',
    )
    expect(taken.message).toContain('already has a column "temp"')
    dataError(() => checkColumnRename(profile, 'district_heat', 'time'), 'INVALID_COLUMN_NAME')
    for (const name of ['hour', 'weekday', 'month', 'weekend', 'Holiday']) {
      const e = dataError(() => checkColumnRename(profile, 'temp', name), 'INVALID_COLUMN_NAME')
      expect(e.message).toContain('calendar covariate')
    }
  })
})
