// Shared helpers for the data-layer tests: bytes from text, a seeded random source, and an
// assertion that a call fails with one DataError code.

import { expect } from 'vitest'
import { DataError, type DataErrorCode } from '../../../../src-main/engine/data/data-error'

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

export { seeded } from '../../../helpers/seeded-random'

/** Runs fn and returns the DataError it throws, failing the test unless it has `code`. */
export function dataError(fn: () => unknown, code: DataErrorCode): DataError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(DataError)
  expect((caught as DataError).code, (caught as DataError).message).toBe(code)
  return caught as DataError
}

export const HOUR = 3_600_000

/** A CSV of hourly rows from 2024-01-01 00:00 UTC: header, then time + the given cells. */
export function hourlyCsv(header: string, rows: string[][]): string {
  const start = Date.UTC(2024, 0, 1)
  const lines = rows.map((cells, i) => {
    const t = new Date(start + i * HOUR).toISOString().slice(0, 16).replace('T', ' ')
    return [t, ...cells].join(',')
  })
  return `${header}\n${lines.join('\n')}\n`
}
