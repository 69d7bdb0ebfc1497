// Plain, serialisable shapes of the data layer. They cross process boundaries (worker thread →
// main → renderer), so they hold only JSON-friendly values, except Series which stays in-process.

export type Delimiter = ',' | ';' | '\t'
export type DecimalMark = '.' | ','

/** How a file is read. Everything is optional: sniffing fills what is left out. */
export interface ParseOptions {
  delimiter?: Delimiter
  decimal?: DecimalMark
  /** Name of the timestamp column; found automatically when absent. */
  timestampColumn?: string
  /**
   * IANA zone of timestamps written without an offset (e.g. "Europe/Berlin"). Defaults to UTC.
   * Local times are converted to UTC instants; DST gaps and repeats are resolved or reported.
   */
  timezone?: string
  /**
   * The file's name ("district_heat.csv"): a column headed only by a number ("0", as pandas
   * writes an unnamed series) is named after it. The app and the CLI pass it.
   */
  sourceName?: string
  /** Names the user chose, keyed by the name the column was given on import. */
  columnNames?: Record<string, string>
}

export type TimestampFormat =
  | 'iso-offset' // 2024-01-01T00:00:00+01:00 or ...Z
  | 'iso-local' // 2024-01-01T00:00:00 or 2024-01-01 00:00(:00)
  | 'date' // 2024-01-01
  | 'epoch-s'
  | 'epoch-ms'

export interface SniffResult {
  delimiter: Delimiter
  decimal: DecimalMark
  hasHeader: boolean
  bom: boolean
  lineEnding: 'lf' | 'crlf' | 'cr'
}

/** A parsed table: instants in UTC milliseconds, numeric columns with NaN for missing. */
export interface Series {
  timestampColumn: string
  timestamps: Float64Array
  columns: SeriesColumn[]
}

export interface SeriesColumn {
  name: string
  values: Float64Array
}

export interface ColumnStats {
  name: string
  count: number // non-missing values
  missing: number
  min: number | null
  max: number | null
  mean: number | null
  std: number | null
  median: number | null
  zeros: number
}

/** A run of consecutive grid steps, in UTC ms (inclusive start and end instants). */
export interface TimeRun {
  start: number
  end: number
  steps: number
}

export interface ColumnRun extends TimeRun {
  column: string
}

export interface ConstantRun extends ColumnRun {
  /** The run's first value (the others equal it within 1e-9 relative, see runs.ts). */
  value: number
}

/** A change of a column's level by a factor of at least 3 (rule in level-shifts.ts). */
export interface LevelShift {
  column: string
  /** The first grid instant of the new level, in UTC ms. */
  at: number
  /** Median levels over the 28 days before and from the shift. */
  before: number
  after: number
  /** after / before: 0.1 for a tenfold drop. */
  factor: number
}

export type WarningCode =
  | 'DUPLICATE_TIMESTAMPS'
  | 'UNSORTED_ROWS'
  | 'ABSENT_TIMESTAMPS'
  | 'MISSING_VALUES'
  | 'CONSTANT_RUNS'
  | 'DST_RESOLVED'
  | 'DROPPED_COLUMNS'
  | 'SHORT_SERIES'
  | 'COLUMNS_NAMED'
  | 'LEVEL_SHIFT'

export interface DataWarning {
  code: WarningCode
  message: string
}

export interface Profile {
  sniff: SniffResult
  timestampColumn: string
  timestampFormat: TimestampFormat
  timezone: string
  rows: number
  /** Inferred sampling step in ms, and a human label ("1h", "15min", "1d"). */
  frequencyMs: number
  frequencyLabel: string
  start: number
  end: number
  /** Length of the regular grid from start to end at frequencyMs. */
  gridLength: number
  duplicateTimestamps: number
  unsortedRows: number
  /** Grid instants with no row at all. */
  absentTimestamps: number
  absentRuns: TimeRun[]
  /** Per column, runs of missing values on the regular grid (absent rows included). */
  gaps: ColumnRun[]
  constantRuns: ConstantRun[]
  numericColumns: string[]
  /** Non-numeric columns that were left out, with the reason. */
  droppedColumns: { name: string; reason: string }[]
  stats: ColumnStats[]
  warnings: DataWarning[]
  /**
   * Runs left out of absentRuns, gaps and constantRuns because the lists are capped (1,000
   * absent runs, 500 per column); present only when something was left out.
   */
  omittedRuns?: { absent: number; gaps: number; constant: number }
  /** Columns whose name is not their header text in the file; present only when some are. */
  renamedColumns?: RenamedColumn[]
  /** Regime changes in level per column; absent in profiles made before they were detected. */
  levelShifts?: LevelShift[]
}

/** A column named otherwise than the file's header says, and why. */
export interface RenamedColumn {
  /** The name Frontier uses: in roles, statistics, charts and exports. */
  name: string
  /** The header cell as the file has it ("" when empty). */
  header: string
  /** 'unnamed': the header gave no name; 'number': only a number; 'user': renamed by the user. */
  why: 'unnamed' | 'number' | 'user'
}

export interface CalendarOptions {
  hour: boolean
  weekday: boolean
  month: boolean
  weekend: boolean
  /** ISO 3166 country code for public holidays (e.g. "DE"), or null for none. */
  holidays: string | null
}

export interface Roles {
  target: string
  pastCovariates: string[]
  futureCovariates: string[]
  calendar: CalendarOptions
}

export type SplitSpec = (
  | { kind: 'fractions'; train: number; val: number; test: number }
  | { kind: 'dates'; trainEnd: number; valEnd: number }
) &
  SplitTraining

/** What either form of split adds about the training part. */
export interface SplitTraining {
  /**
   * First instant training reads (UTC ms), e.g. just after a level shift; absent: the first
   * row. The fractions or dates still place the validation and test parts on the whole series;
   * only the training part begins later.
   */
  trainStart?: number
  /**
   * Training windows that overlap a constant run (runs.ts) of the target of at least this many
   * hours are skipped; 0 keeps them. Absent: 24 (constant-exclusion.ts).
   */
  excludeConstantHours?: number
}

/**
 * A split resolved to grid indices: [trainStart, trainEnd) train, [trainEnd, valEnd) val, rest
 * test. trainStart is absent (read: 0) in records stored before the split had a start.
 */
export interface ResolvedSplit {
  trainStart?: number
  trainStartTime?: number
  trainEnd: number
  valEnd: number
  length: number
  trainEndTime: number
  valEndTime: number
}

/** What a split must leave room for. */
export interface SplitRequirements {
  inputLength: number
  horizon: number
  origins: number
}

/** A dataset in the registry: the imported file, how it was read, and the user's choices. */
export interface DatasetRecord {
  /** The sha256 of the imported bytes: the same bytes are the same dataset. */
  id: string
  name: string
  fileName: string
  bytes: number
  importedAt: string
  parseOptions: ParseOptions
  profile: Profile
  roles: Roles
  split: SplitSpec
  resolvedSplit: ResolvedSplit
  /** Why the split cannot serve a study yet (too short), or null when it can. */
  splitProblem: string | null
}

export interface DatasetSummary {
  id: string
  name: string
  fileName: string
  rows: number
  frequencyLabel: string
  start: number
  end: number
  importedAt: string
}
