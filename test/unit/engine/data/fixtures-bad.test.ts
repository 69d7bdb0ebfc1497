// Every malformed file in test/fixtures/csv-bad must fail with exactly the DataError code its
// entry in expected.json names, and a message that tells the user where and what to fix.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { DataError } from '../../../../src-main/engine/data/data-error'
import type { ParseOptions } from '../../../../src-main/engine/data/types'
import { LONG_LINE_FILE, makeLongLine } from '../../../fixtures/csv-bad/make-large'

const dir = join(__dirname, '../../../fixtures/csv-bad')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; mentions?: string }
>

// The large fixture is generated, never committed.
const tmp = mkdtempSync(join(tmpdir(), 'frontier-csv-bad-'))
writeFileSync(join(tmp, LONG_LINE_FILE), makeLongLine())
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function pathOf(name: string): string {
  return name === LONG_LINE_FILE ? join(tmp, name) : join(dir, name)
}

function optionsOf(name: string): ParseOptions {
  const sidecar = join(dir, name.replace(/\.[^.]+$/, '.options.json'))
  return existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as ParseOptions) : {}
}

describe('bad CSV fixtures', () => {
  it('has at least 25 of them', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(25)
  })

  for (const [name, want] of Object.entries(expected)) {
    it(`${name} → ${want.code}`, () => {
      const bytes = new Uint8Array(readFileSync(pathOf(name)))
      let caught: unknown
      try {
        readDataset(bytes, optionsOf(name))
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(DataError)
      const error = caught as DataError
      expect(error.code, error.message).toBe(want.code)
      expect(error.message.length).toBeGreaterThan(60)
      if (want.mentions) expect(error.message.toLowerCase()).toContain(want.mentions.toLowerCase())
      if (/line \d/i.test(want.mentions ?? '')) expect(error.line).toBeGreaterThan(0)
    })
  }

  it('lists every fixture file in expected.json', () => {
    const files = readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f))
    for (const file of files) expect(Object.keys(expected)).toContain(file)
  })
})
