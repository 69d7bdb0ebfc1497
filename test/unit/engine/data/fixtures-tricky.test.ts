// Valid but awkward files in test/fixtures/csv-tricky must read into exactly the numbers and
// instants their entry in expected.json lists.

import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import type { ParseOptions, SniffResult } from '../../../../src-main/engine/data/types'

interface Expectation {
  timestamps: string[]
  columns: Record<string, (number | null)[]>
  sniff?: Partial<SniffResult>
  format?: string
  frequency?: string
  timestampColumn?: string
  dropped?: string[]
  warnings?: string[]
}

const dir = join(__dirname, '../../../fixtures/csv-tricky')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  Expectation
>

function optionsOf(name: string): ParseOptions {
  const sidecar = join(dir, name.replace(/\.[^.]+$/, '.options.json'))
  return existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as ParseOptions) : {}
}

describe('tricky CSV fixtures', () => {
  it('lists every fixture file in expected.json', () => {
    const files = readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f))
    expect(files.sort()).toEqual(Object.keys(expected).sort())
  })

  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)))
      const { series, profile } = readDataset(bytes, optionsOf(name))
      expect(Array.from(series.timestamps, (t) => new Date(t).toISOString())).toEqual(
        want.timestamps,
      )
      const columns = Object.fromEntries(
        series.columns.map((c) => [
          c.name,
          Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)),
        ]),
      )
      expect(columns).toEqual(want.columns)
      if (want.sniff) expect(profile.sniff).toMatchObject(want.sniff)
      if (want.format) expect(profile.timestampFormat).toBe(want.format)
      if (want.frequency) expect(profile.frequencyLabel).toBe(want.frequency)
      if (want.timestampColumn) expect(profile.timestampColumn).toBe(want.timestampColumn)
      expect(profile.droppedColumns.map((d) => d.name)).toEqual(want.dropped ?? [])
      // Every fixture is far shorter than a training split; that warning is tested elsewhere.
      const codes = profile.warnings.map((w) => w.code).filter((c) => c !== 'SHORT_SERIES')
      expect(codes.sort()).toEqual((want.warnings ?? []).sort())
    })
  }
})
