// The forms pandas writes (test/fixtures/csv-pandas, made by pandas itself with make_fixtures.py)
// must read with the right timestamp and value columns. expected.json was written by pandas from
// the data it saved: instants, row counts, missing counts, first values and sums are its own.

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import type { SniffResult } from '../../../../src-main/engine/data/types'

interface Expectation {
  rows: number
  first: string
  last: string
  timestampHeader: string
  timestampColumn: string
  columns: {
    name: string
    header: string
    missing: number
    first: (number | null)[]
    sum: number
  }[]
  dropped?: Record<string, string>
  sniff?: Partial<SniffResult>
}

const dir = join(__dirname, '../../../fixtures/csv-pandas')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>

describe('pandas CSV fixtures', () => {
  it('lists every fixture file in expected.json', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'))
    expect(files.sort()).toEqual(Object.keys(expected).sort())
  })

  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)))
      const { series, profile } = readDataset(bytes, { sourceName: name })
      expect(profile.sniff.hasHeader).toBe(true)
      if (want.sniff) expect(profile.sniff).toMatchObject(want.sniff)
      expect(profile.timestampColumn).toBe(want.timestampColumn)
      expect(profile.rows).toBe(want.rows)
      expect(profile.frequencyLabel).toBe('1h')
      // Every row is one hour after the last, across the change from +02:00 to +01:00 too.
      expect(profile.gridLength).toBe(want.rows)
      expect(profile.absentTimestamps).toBe(0)
      expect(new Date(profile.start).toISOString()).toBe(want.first)
      expect(new Date(profile.end).toISOString()).toBe(want.last)

      expect(series.columns.map((c) => c.name)).toEqual(want.columns.map((c) => c.name))
      for (const [k, column] of want.columns.entries()) {
        const values = series.columns[k].values
        const stat = profile.stats[k]
        expect(stat.missing).toBe(column.missing)
        expect(Array.from(values.subarray(0, 3), (v) => (Number.isNaN(v) ? null : v))).toEqual(
          column.first,
        )
        const sum = values.reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0)
        expect(sum).toBeCloseTo(column.sum, 6)
      }

      // What the header said stays beside every name Frontier made.
      const made = [
        ...(want.timestampHeader === '' ? [{ name: 'time', header: '' }] : []),
        ...want.columns.filter((c) => c.name !== c.header),
      ]
      const renamed = (profile.renamedColumns ?? []).map((r) => ({
        name: r.name,
        header: r.header,
      }))
      expect(renamed).toHaveLength(made.length)
      expect(renamed).toEqual(
        expect.arrayContaining(made.map((c) => ({ name: c.name, header: c.header }))),
      )
      const codes = profile.warnings.map((w) => w.code)
      expect(codes.includes('COLUMNS_NAMED')).toBe(made.length > 0)

      expect(Object.fromEntries(profile.droppedColumns.map((d) => [d.name, d.reason]))).toEqual(
        want.dropped ?? {},
      )
    })
  }
})
