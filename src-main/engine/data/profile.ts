// A parsed table → the series on its regular grid, and the profile the user inspects before
// training: step, coverage, gaps, frozen stretches, level shifts, per-column statistics and
// warnings.

import type {
  ColumnRun,
  ConstantRun,
  DataWarning,
  LevelShift,
  Profile,
  Series,
  TimeRun,
} from './types'
import type { ParsedTable } from './parse-csv'
import { DataError } from './data-error'
import { inferFrequency } from './frequency'
import { reindex, uniqueRows } from './reindex'
import { absentRuns, constantRunThreshold, constantRuns, missingRuns } from './runs'
import { columnStats } from './column-stats'
import { levelShifts } from './level-shifts'
import { DEFAULT_REQUIREMENTS, DEFAULT_SPLIT, resolveSplit } from './split'
import { formatInstant, formatCount, plural } from './format'
import { isUtc } from './zone-clock'

/** Caps on listed runs (totals are still counted) so a profile stays small to store and send. */
const MAX_ABSENT_RUNS = 1000
const MAX_RUNS_PER_COLUMN = 500

export function profileTable(
  table: ParsedTable,
  onProgress?: (fraction: number) => void,
): { series: Series; profile: Profile } {
  const localHint = table.timestampFormat === 'iso-local' && isUtc(table.timezone)
  const unique = uniqueRows(table.timestamps, table.lines, table.columns, localHint)
  const keep = unique.keep
  const keptTimes = new Float64Array(keep.length)
  const keptLines = new Int32Array(keep.length)
  for (let r = 0; r < keep.length; r++) {
    keptTimes[r] = table.timestamps[keep[r]]
    keptLines[r] = table.lines[keep[r]]
  }
  const frequency = inferFrequency(keptTimes, keptLines)
  onProgress?.(0.2)
  const grid = reindex(table.timestamps, table.lines, table.columns, keep, frequency.stepMs)
  const start = grid.timestamps[0]
  const end = grid.timestamps[grid.timestamps.length - 1]
  const stepMs = frequency.stepMs
  onProgress?.(0.4)

  const absent = absentRuns(grid.present, start, stepMs, MAX_ABSENT_RUNS)
  const threshold = constantRunThreshold(stepMs)
  const gaps: ColumnRun[] = []
  const constant: ConstantRun[] = []
  let gapTotal = 0
  let constantTotal = 0
  const missingByColumn: string[] = []
  const constantByColumn: string[] = []
  const shifts: LevelShift[] = []
  const stats = grid.columns.map((column, k) => {
    const missing = missingRuns(column.values, start, stepMs, column.name, MAX_RUNS_PER_COLUMN)
    gaps.push(...missing.runs)
    gapTotal += missing.total
    const frozen = constantRuns(
      column.values,
      start,
      stepMs,
      column.name,
      threshold,
      MAX_RUNS_PER_COLUMN,
    )
    constant.push(...frozen.runs)
    constantTotal += frozen.total
    shifts.push(...levelShifts(column.values, start, stepMs, column.name))
    const columnStat = columnStats(column.name, column.values)
    // Absent rows are reported once for the file; here only values missing from present rows.
    const ownMissing = columnStat.missing - absent.steps
    if (ownMissing > 0) missingByColumn.push(`"${column.name}" ${formatCount(ownMissing)}`)
    if (frozen.total > 0) {
      const longest = frozen.runs.reduce((a, b) => (b.steps > a.steps ? b : a))
      constantByColumn.push(
        `"${column.name}": ${plural(frozen.total, 'run')}, longest ${formatCount(longest.steps)} ` +
          `steps of ${longest.value} from ${formatInstant(longest.start)}`,
      )
    }
    onProgress?.(0.4 + (0.6 * (k + 1)) / grid.columns.length)
    return columnStat
  })

  const warnings: DataWarning[] = [...table.warnings, ...unique.warnings]
  if (absent.total > 0) {
    const first = absent.runs[0]
    warnings.push({
      code: 'ABSENT_TIMESTAMPS',
      message:
        `${plural(absent.steps, 'time step')} of the ${frequency.label} grid ` +
        `${absent.steps === 1 ? 'has' : 'have'} no row, in ${plural(absent.total, 'gap')}; the ` +
        `first starts at ${formatInstant(first.start)} (${plural(first.steps, 'step')}). They are ` +
        'treated as missing values: windows that touch them are skipped in training.',
    })
  }
  if (missingByColumn.length > 0) {
    warnings.push({
      code: 'MISSING_VALUES',
      message:
        `Some rows have missing values: ${missingByColumn.join(', ')}. Windows that touch a ` +
        'missing value are skipped in training.',
    })
  }
  if (constantTotal > 0) {
    warnings.push({
      code: 'CONSTANT_RUNS',
      message:
        `The same value (within 1e-9 of it) repeats for ${formatCount(threshold)} or more ` +
        `steps in a row (${constantByColumn.join('; ')}). This is typical of data forward-filled ` +
        'or averaged over an outage, or of a stuck meter. Training windows that overlap such a ' +
        'run of the target of 24 hours or more are skipped unless the split keeps them.',
    })
  }
  if (shifts.length > 0) {
    warnings.push({
      code: 'LEVEL_SHIFT',
      message:
        `The level changes abruptly (by a factor of 3 or more, 28-day medians either side): ` +
        `${shifts.map(describeShift).join('; ')}. A meter or a district boundary may have ` +
        'changed; training on both regimes mixes two series. Consider starting training at the ' +
        'shift.',
    })
  }
  const shortBy = shortSeriesWarning(grid.timestamps)
  if (shortBy !== null) warnings.push(shortBy)

  const omitted = {
    absent: absent.total - absent.runs.length,
    gaps: gapTotal - gaps.length,
    constant: constantTotal - constant.length,
  }
  const profile: Profile = {
    sniff: table.sniff,
    timestampColumn: table.timestampColumn,
    timestampFormat: table.timestampFormat,
    timezone: table.timezone,
    rows: table.rows,
    frequencyMs: stepMs,
    frequencyLabel: frequency.label,
    start,
    end,
    gridLength: grid.timestamps.length,
    duplicateTimestamps: unique.duplicates,
    unsortedRows: 0,
    absentTimestamps: absent.steps,
    absentRuns: absent.runs as TimeRun[],
    gaps,
    constantRuns: constant,
    levelShifts: shifts,
    numericColumns: grid.columns.map((c) => c.name),
    droppedColumns: table.droppedColumns,
    stats,
    warnings,
  }
  if (omitted.absent + omitted.gaps + omitted.constant > 0) profile.omittedRuns = omitted
  if (table.renamedColumns.length > 0) profile.renamedColumns = table.renamedColumns
  onProgress?.(1)
  return {
    series: {
      timestampColumn: table.timestampColumn,
      timestamps: grid.timestamps,
      columns: grid.columns,
    },
    profile,
  }
}

function describeShift(s: LevelShift): string {
  const times = s.factor < 1 ? `drops ${trimmed(1 / s.factor)}×` : `rises ${trimmed(s.factor)}×`
  return (
    `"${s.column}" ${times} at ${formatInstant(s.at)} ` +
    `(from about ${trimmed(s.before)} to ${trimmed(s.after)})`
  )
}

/** Three significant digits: enough to recognise a level. */
function trimmed(v: number): string {
  return String(Number(v.toPrecision(3)))
}

/** SHORT_SERIES when the default split would not leave each part enough steps. */
function shortSeriesWarning(grid: Float64Array): DataWarning | null {
  try {
    resolveSplit(grid, DEFAULT_SPLIT, DEFAULT_REQUIREMENTS)
    return null
  } catch (error) {
    if (!(error instanceof DataError) || error.code !== 'SPLIT_TOO_SHORT') throw error
    return {
      code: 'SHORT_SERIES',
      message: `The series is short for the default 70/20/10 split. ${error.message}`,
    }
  }
}
