// Guessing how a CSV was written from its first 64 KiB: delimiter, decimal mark, whether the
// first line is a header, byte order mark and line ending. Every guess can be overridden by
// ParseOptions; the guesses are shown to the user in the profile.

import type { Delimiter, DecimalMark, SniffResult } from './types'
import { CsvScanner } from './csv-scanner'
import { DataError } from './data-error'
import { CellKind, NumberReader } from './number-parse'
import { TimestampReader, parseTimestampText } from './timestamp-parse'
import { cellText } from './text'

const SAMPLE_BYTES = 64 * 1024
const SAMPLE_RECORDS = 50
/** When every candidate fits equally well, a rarer character is likelier to be the delimiter. */
const CANDIDATES: Delimiter[] = ['\t', ';', ',']

export function sniff(bytes: Uint8Array): SniffResult {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const start = bom ? 3 : 0
  const sample = sampleOf(bytes, start)
  const delimiter = sniffDelimiter(sample)
  const decimal = delimiter === ',' ? '.' : sniffDecimal(sample, delimiter)
  return {
    delimiter,
    decimal,
    hasHeader: sniffHeader(sample, delimiter, decimal),
    bom,
    lineEnding: sniffLineEnding(sample),
  }
}

/** The first 64 KiB, cut after its last line end so no record is read half. */
function sampleOf(bytes: Uint8Array, start: number): Uint8Array {
  const end = Math.min(bytes.length, start + SAMPLE_BYTES)
  if (end === bytes.length) return bytes.subarray(start, end)
  let cut = end
  while (cut > start && bytes[cut - 1] !== 0x0a && bytes[cut - 1] !== 0x0d) cut--
  return bytes.subarray(start, cut > start ? cut : end)
}

/** Up to SAMPLE_RECORDS non-blank records, each as its cells' text. */
function records(sample: Uint8Array, delimiter: Delimiter): string[][] {
  const scanner = new CsvScanner(sample, 0, delimiter)
  const rows: string[][] = []
  try {
    while (rows.length < SAMPLE_RECORDS && scanner.next()) {
      if (scanner.count === 1 && scanner.ends[0] === scanner.starts[0]) continue
      const cells: string[] = []
      for (let k = 0; k < scanner.count; k++) {
        cells.push(cellText(sample, scanner.starts[k], scanner.ends[k], scanner.quoted[k] === 1))
      }
      rows.push(cells)
    }
  } catch (error) {
    // A broken quote shows up again, with its line, when the file is parsed; here it only ends
    // the sample.
    if (!(error instanceof DataError)) throw error
  }
  return rows
}

function sniffDelimiter(sample: Uint8Array): Delimiter {
  let best: Delimiter = ','
  let bestScore = -1
  for (const candidate of CANDIDATES) {
    const counts = records(sample, candidate).map((cells) => cells.length)
    const mode = modeOf(counts)
    if (mode < 2) continue
    // The share of records with the modal width: a real delimiter splits every line alike.
    const score = counts.filter((c) => c === mode).length / counts.length
    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}

function modeOf(values: number[]): number {
  const tally = new Map<number, number>()
  let mode = 0
  let most = 0
  for (const v of values) {
    const n = (tally.get(v) ?? 0) + 1
    tally.set(v, n)
    if (n > most || (n === most && v > mode)) {
      mode = v
      most = n
    }
  }
  return mode
}

const NUMBERISH = /^[+-]?\d[\d.,]*$/

/**
 * Decimal comma when numbers have a comma as their last separator (12,5 or 1.234,5) and none
 * has a point as its last separator (12.5 or 1,234.5). Only asked of ';' and tab files: a
 * comma-separated file cannot hold unquoted decimal commas.
 */
function sniffDecimal(sample: Uint8Array, delimiter: Delimiter): DecimalMark {
  let commaLast = 0
  let pointLast = 0
  for (const cells of records(sample, delimiter)) {
    for (const raw of cells) {
      const cell = raw.trim()
      if (!NUMBERISH.test(cell)) continue
      const comma = cell.lastIndexOf(',')
      const point = cell.lastIndexOf('.')
      if (comma > point) commaLast++
      else if (point > comma) pointLast++
    }
  }
  return commaLast > 0 && pointLast === 0 ? ',' : '.'
}

/** The first record is data, not a header, when it reads as data (see isHeaderLine). */
function sniffHeader(sample: Uint8Array, delimiter: Delimiter, decimal: DecimalMark): boolean {
  const [first, ...below] = records(sample, delimiter)
  return first === undefined || isHeaderLine(first, below.slice(0, HEADER_PROBE_ROWS), decimal)
}

/** How many rows under the first line are read to decide whether a line of numbers is a header. */
export const HEADER_PROBE_ROWS = 20

/**
 * Whether the first line names the columns. A line with a text cell does. A line of numbers,
 * timestamps and empty cells alone is data, unless the rows below hold timestamps in a column
 * where that line has an empty cell or a number that is no timestamp: pandas heads an unnamed
 * series ",0" over "2015-05-01 00:00:00+00:00,1.19", and numbers columns ",0,1" or ",0.5,1.5".
 * A headerless file has a timestamp on its first line where the rows below have theirs, so it
 * stays data.
 */
export function isHeaderLine(first: string[], below: string[][], decimal: DecimalMark): boolean {
  if (!looksLikeData(first, decimal)) return true
  const numbers = new NumberReader(decimal)
  return first.some((raw, k) => {
    const cell = raw.trim()
    if (cell !== '') {
      const b = new TextEncoder().encode(cell)
      numbers.read(b, 0, b.length)
      if (numbers.kind !== CellKind.number || parseTimestampText(cell).format !== null) return false
    }
    return holdsTimestamps(below, k)
  })
}

/** Every non-empty cell of column k (and at least one) reads as a timestamp. */
function holdsTimestamps(rows: string[][], k: number): boolean {
  let read = 0
  for (const row of rows) {
    const cell = (row[k] ?? '').trim()
    if (cell === '') continue
    if (parseTimestampText(cell).format === null) return false
    read++
  }
  return read > 0
}

/** True when every non-empty cell reads as a timestamp or a number (and at least one does). */
export function looksLikeData(cells: string[], decimal: DecimalMark): boolean {
  const encoder = new TextEncoder()
  const numbers = new NumberReader(decimal)
  const times = new TimestampReader()
  let data = 0
  for (const cell of cells) {
    const b = encoder.encode(cell)
    times.read(b, 0, b.length)
    numbers.read(b, 0, b.length)
    if (times.format !== null || numbers.kind === CellKind.number) data++
    else if (numbers.kind !== CellKind.missing) return false
  }
  return data > 0
}

function sniffLineEnding(sample: Uint8Array): SniffResult['lineEnding'] {
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0x0a) return 'lf'
    if (sample[i] === 0x0d) return sample[i + 1] === 0x0a ? 'crlf' : 'cr'
  }
  return 'lf'
}
