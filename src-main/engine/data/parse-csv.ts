// CSV bytes → a table of UTC instants and numeric columns, in file order (sorting, duplicates
// and the time grid are the profile's business). Every problem with the input is reported as a
// DataError whose message names the line and column and says what to change.

import type {
  DataWarning,
  ParseOptions,
  RenamedColumn,
  SeriesColumn,
  SniffResult,
  TimestampFormat,
} from './types'
import { DataError } from './data-error'
import { checkEncoding } from './decode'
import { CsvScanner } from './csv-scanner'
import { HEADER_PROBE_ROWS, isHeaderLine, sniff } from './sniff'
import { cellText } from './text'
import { findTimestampColumn } from './timestamp-column'
import { TimestampReader } from './timestamp-parse'
import { TimestampTally } from './timestamp-tally'
import { CellKind, NumberReader } from './number-parse'
import { ColumnTally } from './column-tally'
import { ZoneClock, isUtc } from './zone-clock'
import { resolveLocalTimes } from './local-times'
import { quoteCell } from './format'
import { headerNames, nameColumns, namingWarning } from './column-names'
import { ROW_NUMBER_REASON, isRowNumberColumn } from './row-number-column'

export interface ParsedTable {
  sniff: SniffResult
  timestampColumn: string
  timestampFormat: TimestampFormat
  timezone: string
  rows: number
  /** UTC ms per row, in file order. */
  timestamps: Float64Array
  /** 1-based file line of each row, for messages about rows. */
  lines: Int32Array
  /** The numeric columns, one value per row (NaN = missing). */
  columns: SeriesColumn[]
  droppedColumns: { name: string; reason: string }[]
  /** The timestamp and numeric columns whose name is not their header text. */
  renamedColumns: RenamedColumn[]
  warnings: DataWarning[]
}

const SAMPLE_ROWS = 200
const PROGRESS_STEPS = 40
const MAX_INITIAL_ROWS = 4_000_000

export function parseCsv(
  bytes: Uint8Array,
  options: ParseOptions = {},
  onProgress?: (fraction: number) => void,
): ParsedTable {
  const { start } = checkEncoding(bytes)
  const timezone = options.timezone ?? 'UTC'
  const clock = new ZoneClock(timezone)
  const sniffed = sniff(bytes)
  const delimiter = options.delimiter ?? sniffed.delimiter
  const decimal = options.decimal ?? sniffed.decimal
  const scanner = new CsvScanner(bytes, start, delimiter)

  const { headers, line: headerLine } = readHeader(scanner, decimal)
  const dataPos = scanner.pos
  const dataLine = scanner.line
  const sample = readSample(scanner, headers.length)
  if (sample.length === 0) {
    const shown = headerNames(headers)
    throw new DataError(
      'HEADER_ONLY',
      `The file has a header line (${shown
        .slice(0, 6)
        .map((n) => `"${n}"`)
        .join(', ')}${shown.length > 6 ? ', …' : ''}) but no data rows ` +
        'under it. Export the data again with its rows.',
    )
  }
  const averageRowBytes = Math.max(1, (scanner.pos - dataPos) / sample.length)
  const timeIndex = findTimestampColumn(headerNames(headers), sample, options.timestampColumn)
  const naming = nameColumns(headers, timeIndex, options.sourceName, options.columnNames)
  const names = naming.names
  refuseRepeatedNames(names, headerLine, 'after naming and renaming')
  scanner.seek(dataPos, dataLine)

  // Sized from the first rows; capped, since odd first rows can make the guess absurd (the
  // arrays grow when it is too small).
  const rowsGuess = Math.min(
    MAX_INITIAL_ROWS,
    Math.ceil(((bytes.length - dataPos) / averageRowBytes) * 1.05) + 16,
  )
  const table = scanRows(scanner, names, timeIndex, decimal, rowsGuess, onProgress)
  if (table.rows < 2) {
    throw new DataError(
      'TOO_FEW_ROWS',
      `The file has only ${table.rows} data row; at least two are needed to tell the time step, ` +
        'and a forecaster needs many weeks of hourly data. Choose the full export.',
    )
  }
  const timestampFormat = table.timeTally.verdict()
  const timestamps = table.times.subarray(0, table.rows)
  const lines = table.lines.subarray(0, table.rows)
  const warnings: DataWarning[] = []
  const local = timestampFormat === 'iso-local' || timestampFormat === 'date'
  if (local && !isUtc(timezone)) {
    const result = resolveLocalTimes(timestamps, lines, table.rows, clock, names[timeIndex])
    warnings.push(...result.warnings)
  }

  const columns: SeriesColumn[] = []
  const droppedColumns: { name: string; reason: string }[] = []
  for (const tally of table.tallies) {
    if (tally === null) continue
    tally.finish(table.rows)
    const values = table.values[tally.position - 1].subarray(0, table.rows)
    let reason = tally.verdict()
    if (reason === null && isRowNumberColumn(headers[tally.position - 1], values)) {
      reason = ROW_NUMBER_REASON
    }
    if (reason === null) columns.push({ name: tally.name, values })
    else droppedColumns.push({ name: tally.name, reason })
  }
  if (columns.length === 0) {
    const why = droppedColumns.map((d) => `"${d.name}": ${d.reason}`).join('; ')
    throw new DataError(
      'NO_NUMERIC_COLUMNS',
      `Besides the timestamps in "${names[timeIndex]}", no column holds numbers` +
        (why ? ` (${why})` : '') +
        '. A forecaster needs at least one numeric column to predict.',
    )
  }
  const kept = new Set([names[timeIndex], ...columns.map((c) => c.name)])
  const renamedColumns = naming.renamed.filter((r) => kept.has(r.name))
  const named = namingWarning(renamedColumns, names[timeIndex])
  if (named !== null) warnings.push(named)
  if (droppedColumns.length > 0) {
    warnings.push({
      code: 'DROPPED_COLUMNS',
      message:
        `Left out ${droppedColumns.length === 1 ? 'a column' : `${droppedColumns.length} columns`} ` +
        'that cannot be used: ' +
        droppedColumns.map((d) => `"${d.name}" (${d.reason})`).join(', ') +
        '.',
    })
  }
  return {
    sniff: { ...sniffed, delimiter, decimal },
    timestampColumn: names[timeIndex],
    timestampFormat,
    timezone,
    rows: table.rows,
    timestamps,
    lines,
    columns,
    droppedColumns,
    renamedColumns,
    warnings,
  }
}

function isBlankRecord(s: CsvScanner): boolean {
  for (let k = 0; k < s.count; k++) if (s.ends[k] !== s.starts[k]) return false
  return true
}

function recordTexts(s: CsvScanner): string[] {
  const cells: string[] = []
  for (let k = 0; k < s.count; k++) {
    cells.push(cellText(s.bytes, s.starts[k], s.ends[k], s.quoted[k] === 1))
  }
  return cells
}

/**
 * The header cells of the first non-blank line, trimmed; refuses a line of data (see
 * isHeaderLine, which reads the rows below without consuming them) and repeated names.
 */
function readHeader(scanner: CsvScanner, decimal: '.' | ','): { headers: string[]; line: number } {
  let found = false
  while (scanner.next()) {
    if (!isBlankRecord(scanner)) {
      found = true
      break
    }
  }
  if (!found) {
    throw new DataError(
      'EMPTY_FILE',
      'The file holds only blank lines or empty cells; there is no data to read.',
    )
  }
  const line = scanner.recordLine
  const cells = recordTexts(scanner).map((c) => c.trim())
  if (!isHeaderLine(cells, peekRows(scanner, HEADER_PROBE_ROWS), decimal)) {
    throw new DataError(
      'NO_HEADER',
      `Line ${line} reads ${cells.slice(0, 3).map(quoteCell).join(', ')}: data, not column names. ` +
        'Add a header line at the top naming each column, e.g. "time,value".',
      line,
    )
  }
  refuseRepeatedNames(headerNames(cells), line, '')
  return { headers: cells, line }
}

function refuseRepeatedNames(names: string[], line: number, when: string): void {
  const seen = new Map<string, number>()
  const repeated: string[] = []
  names.forEach((name, k) => {
    const before = seen.get(name)
    if (before !== undefined) repeated.push(`"${name}" (columns ${before + 1} and ${k + 1})`)
    else seen.set(name, k)
  })
  if (repeated.length > 0) {
    throw new DataError(
      'DUPLICATE_COLUMN_NAMES',
      `Line ${line}: the header${when ? `, ${when},` : ''} names ${repeated.join(', ')} more ` +
        'than once. Give every column its own name.',
      line,
    )
  }
}

/** Up to `count` non-blank rows after the current one, as text; the scanner stays where it was. */
function peekRows(scanner: CsvScanner, count: number): string[][] {
  const pos = scanner.pos
  const line = scanner.line
  const rows: string[][] = []
  try {
    while (rows.length < count && scanner.next()) {
      if (!isBlankRecord(scanner)) rows.push(recordTexts(scanner))
    }
  } catch (error) {
    // A broken quote is reported with its line when the rows are read for real.
    if (!(error instanceof DataError)) throw error
  } finally {
    scanner.seek(pos, line)
  }
  return rows
}

/** The first rows as text, for finding the timestamp column; a ragged row is refused here. */
function readSample(scanner: CsvScanner, width: number): string[][] {
  const rows: string[][] = []
  while (rows.length < SAMPLE_ROWS && scanner.next()) {
    if (isBlankRecord(scanner)) continue
    checkWidth(scanner, width)
    rows.push(recordTexts(scanner))
  }
  return rows
}

/** Rows must have the header's width; extra cells are tolerated only when empty (a trailing ';'). */
function checkWidth(scanner: CsvScanner, width: number): void {
  if (scanner.count === width) return
  if (scanner.count > width) {
    let extraEmpty = true
    for (let k = width; k < scanner.count; k++) {
      if (scanner.ends[k] !== scanner.starts[k]) extraEmpty = false
    }
    if (extraEmpty) return
  }
  const line = scanner.recordLine
  throw new DataError(
    'RAGGED_ROWS',
    `Line ${line} has ${scanner.count} cells but the header has ${width}. ` +
      (scanner.count > width
        ? 'A value probably contains the delimiter: put such values in quotes ("1,5"), or remove the extra delimiter.'
        : 'A value or delimiter is missing on that line: leave a missing value empty, but keep its delimiter.'),
    line,
  )
}

interface ScannedRows {
  rows: number
  times: Float64Array
  lines: Int32Array
  /** Per file column; the timestamp column's entry is unused. */
  values: Float64Array[]
  tallies: (ColumnTally | null)[]
  timeTally: TimestampTally
}

/** The hot loop: every record, read in place. */
function scanRows(
  scanner: CsvScanner,
  names: string[],
  timeIndex: number,
  decimal: '.' | ',',
  capacityGuess: number,
  onProgress: ((fraction: number) => void) | undefined,
): ScannedRows {
  const b = scanner.bytes
  const width = names.length
  const timeReader = new TimestampReader()
  const numbers = new NumberReader(decimal)
  const timeTally = new TimestampTally(names[timeIndex])
  const tallies = names.map((name, k) => (k === timeIndex ? null : new ColumnTally(name, k + 1)))
  let capacity = Math.max(16, capacityGuess)
  let times: Float64Array = new Float64Array(capacity)
  let lines: Int32Array = new Int32Array(capacity)
  let values: Float64Array[] = names.map((_, k) => new Float64Array(k === timeIndex ? 0 : capacity))
  const progressStep = Math.max(1, Math.floor((b.length - scanner.pos) / PROGRESS_STEPS))
  let nextProgress = scanner.pos + progressStep
  // Undefined until the first cell, so that a first unreadable cell differs from it too.
  let accepted: TimestampFormat | null | undefined = undefined
  let rows = 0

  while (scanner.next()) {
    if (scanner.count !== width) {
      if (isBlankRecord(scanner)) continue
      checkWidth(scanner, width)
    }
    const starts = scanner.starts
    const ends = scanner.ends
    const line = scanner.recordLine
    const time = timeReader.read(b, starts[timeIndex], ends[timeIndex])
    const format = timeReader.format
    if (format !== accepted) {
      if (format === null) {
        if (isBlankRecord(scanner)) continue
        const text = cellText(
          b,
          starts[timeIndex],
          ends[timeIndex],
          scanner.quoted[timeIndex] === 1,
        )
        timeTally.unreadableCell(line, text, timeReader.problem)
      } else {
        const text = cellText(b, starts[timeIndex], ends[timeIndex], false)
        if (timeTally.changed(format, line, text)) accepted = format
      }
    }
    if (rows === capacity) {
      capacity = Math.ceil(capacity * 1.5)
      times = grown(times, capacity)
      lines = grownInt(lines, capacity)
      values = values.map((v, k) => (k === timeIndex ? v : grown(v, capacity)))
    }
    times[rows] = time
    lines[rows] = line
    for (let k = 0; k < width; k++) {
      if (k === timeIndex) continue
      values[k][rows] = numbers.read(b, starts[k], ends[k])
      const kind = numbers.kind
      if (kind !== CellKind.number) {
        const tally = tallies[k] as ColumnTally
        tally.counts[kind]++
        if (tally.wants(kind)) {
          tally.note(kind, line, cellText(b, starts[k], ends[k], scanner.quoted[k] === 1))
        }
      }
    }
    rows++
    if (onProgress !== undefined && scanner.pos >= nextProgress) {
      onProgress(scanner.pos / b.length)
      nextProgress += progressStep
    }
  }
  onProgress?.(1)
  return { rows, times, lines, values, tallies, timeTally }
}

function grown(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size)
  b.set(a)
  return b
}

function grownInt(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size)
  b.set(a)
  return b
}
