// From rows in file order to a regular grid: refuse rows out of order and timestamps repeated
// with different values, drop exact repeats (an export that wrote a row twice), and place every
// row on the grid from the first to the last instant, NaN where a row is absent.

import type { DataWarning, SeriesColumn } from './types'
import { DataError } from './data-error'
import { durationLabel, formatCount, formatInstant, plural } from './format'

export interface UniqueRows {
  /** Row indices kept, in time order. */
  keep: Int32Array
  /** Exact repeats dropped. */
  duplicates: number
  warnings: DataWarning[]
}

/**
 * Checks that rows are sorted and that repeated timestamps repeat their values too.
 * `localHint` adds advice for wall-clock files read as UTC, where the repeated DST hour shows
 * up as a duplicate.
 */
export function uniqueRows(
  times: Float64Array,
  lines: Int32Array,
  columns: SeriesColumn[],
  localHint: boolean,
): UniqueRows {
  const n = times.length
  let unsorted = 0
  let firstUnsorted = -1
  let conflicts = 0
  let firstConflict = -1
  let duplicates = 0
  const keep = new Int32Array(n)
  let kept = 0
  for (let i = 0; i < n; i++) {
    if (i > 0 && times[i] < times[i - 1]) {
      if (unsorted++ === 0) firstUnsorted = i
    } else if (i > 0 && times[i] === times[i - 1]) {
      if (sameValues(columns, i, i - 1)) {
        duplicates++
        continue
      }
      if (conflicts++ === 0) firstConflict = i
    }
    keep[kept++] = i
  }
  if (unsorted > 0) {
    const i = firstUnsorted
    throw new DataError(
      'UNSORTED_TIMESTAMPS',
      `The rows are not in time order: ${plural(unsorted, 'row')} ${unsorted === 1 ? 'comes' : 'come'} ` +
        `earlier than the row before ${unsorted === 1 ? 'it' : 'them'}. The first is line ${lines[i]} ` +
        `(${formatInstant(times[i])}), after line ${lines[i - 1]} (${formatInstant(times[i - 1])}). ` +
        'Sort the file by time, oldest first, and import it again.',
      lines[i],
    )
  }
  if (conflicts > 0) {
    const i = firstConflict
    throw new DataError(
      'DUPLICATE_TIMESTAMPS',
      `${plural(conflicts, 'timestamp')} appear${conflicts === 1 ? 's' : ''} more than once with ` +
        `different values. The first is ${formatInstant(times[i])} on lines ${lines[i - 1]} and ` +
        `${lines[i]}. Keep one row per time step (e.g. average the repeats).` +
        (localHint
          ? ' If the file is in local time and the repeats fall where clocks go back, set its time zone so the repeated hour can be told apart.'
          : ''),
      lines[i],
    )
  }
  const warnings: DataWarning[] = []
  if (duplicates > 0) {
    warnings.push({
      code: 'DUPLICATE_TIMESTAMPS',
      message:
        `${plural(duplicates, 'row')} repeated the row before ${duplicates === 1 ? 'it' : 'them'} ` +
        'exactly (same time, same values) and ' +
        (duplicates === 1 ? 'was' : 'were') +
        ' dropped.',
    })
  }
  return { keep: keep.subarray(0, kept), duplicates, warnings }
}

function sameValues(columns: SeriesColumn[], i: number, j: number): boolean {
  for (const column of columns) {
    const a = column.values[i]
    const b = column.values[j]
    if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return false
  }
  return true
}

/** A grid this much longer than its rows (and over a million steps) is mostly emptiness. */
const MAX_EMPTY_FACTOR = 10
const MIN_SUSPICIOUS_GRID = 1_000_000
/** Grid steps × columns the arrays may hold (800 MB of doubles). */
const MAX_GRID_CELLS = 100_000_000

export interface Grid {
  timestamps: Float64Array
  columns: SeriesColumn[]
  /** 1 where a row of the file landed. */
  present: Uint8Array
}

/** Places the kept rows on the grid start, start + step, …, end. */
export function reindex(
  times: Float64Array,
  lines: Int32Array,
  columns: SeriesColumn[],
  keep: Int32Array,
  stepMs: number,
): Grid {
  const start = times[keep[0]]
  const end = times[keep[keep.length - 1]]
  const length = (end - start) / stepMs + 1
  checkGridSize(times, lines, keep, stepMs, length, columns.length)
  const timestamps = new Float64Array(length)
  for (let g = 0; g < length; g++) timestamps[g] = start + g * stepMs
  const present = new Uint8Array(length)
  const slots = new Int32Array(keep.length)
  for (let r = 0; r < keep.length; r++) {
    const g = (times[keep[r]] - start) / stepMs
    slots[r] = g
    present[g] = 1
  }
  const gridColumns = columns.map((column) => {
    const values = new Float64Array(length).fill(NaN)
    const source = column.values
    for (let r = 0; r < keep.length; r++) values[slots[r]] = source[keep[r]]
    return { name: column.name, values }
  })
  return { timestamps, columns: gridColumns, present }
}

/**
 * Refuses grids too large to hold, and grids that are mostly empty: those come from a typo in
 * one timestamp (a year 2204 among 2024s) far more often than from real data.
 */
function checkGridSize(
  times: Float64Array,
  lines: Int32Array,
  keep: Int32Array,
  stepMs: number,
  length: number,
  columnCount: number,
): void {
  const span = `${formatInstant(times[keep[0]])} to ${formatInstant(times[keep[keep.length - 1]])}`
  if (length > MIN_SUSPICIOUS_GRID && length > MAX_EMPTY_FACTOR * keep.length) {
    let widest = 1
    for (let r = 2; r < keep.length; r++) {
      if (times[keep[r]] - times[keep[r - 1]] > times[keep[widest]] - times[keep[widest - 1]])
        widest = r
    }
    const before = keep[widest - 1]
    const after = keep[widest]
    throw new DataError(
      'IRREGULAR_SAMPLING',
      `The ${formatCount(keep.length)} rows are spread over ${formatCount(length)} time steps of ` +
        `${durationLabel(stepMs)} (${span}), so the series would be almost all gap. The largest ` +
        `jump is from line ${lines[before]} (${formatInstant(times[before])}) to line ` +
        `${lines[after]} (${formatInstant(times[after])}); check those timestamps for a typo, or ` +
        'cut the file to one continuous period.',
      lines[after],
    )
  }
  if (length * Math.max(1, columnCount) > MAX_GRID_CELLS) {
    throw new DataError(
      'FILE_TOO_LARGE',
      `From ${span} in steps of ${durationLabel(stepMs)} is ${formatCount(length)} time steps; ` +
        `with ${columnCount} columns that is more than ${formatCount(MAX_GRID_CELLS)} values. ` +
        'Cut the file to a shorter period, keep fewer columns, or resample to a coarser step.',
    )
  }
}
