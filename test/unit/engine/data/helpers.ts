// Shared helpers for the data-layer tests: bytes from text, a seeded random source, and an
// assertion that a call fails with one DataError code.

import { expect } from 'vitest'
import { DataError, type DataErrorCode } from '../../../../src-main/engine/data/data-error'

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** mulberry32: small, fast and seeded, so failures reproduce. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
