// The names columns go by when the file's header gives them none, or only a number. pandas heads
// an unnamed index with an empty cell ("Unnamed: 0" once the file is read back and saved again)
// and an unnamed series, or integer and float column labels, with bare numbers ("0", "0.5"). A
// user picks targets and covariates by name, so these get names a person can read and tell
// apart; the header text stays beside each (Profile.renamedColumns).

import type { DataWarning, Profile, RenamedColumn } from './types'
import { CALENDAR_COLUMNS } from './calendar-columns'
import { DataError } from './data-error'

/** pandas' header for a column it has no name for, after a round trip through read_csv. */
const PANDAS_UNNAMED = /^Unnamed: \d+$/
const BARE_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
/** Names for unnamed timestamps, the first one free taken. */
const TIME_NAMES = ['time', 'timestamp', 'datetime']

export function isUnnamedHeader(header: string): boolean {
  return header === '' || PANDAS_UNNAMED.test(header)
}

/** The name a column has before any naming rule: its header, or "column k" for an empty one. */
export function headerNames(headers: string[]): string[] {
  return headers.map((header, k) => (header === '' ? `column ${k + 1}` : header))
}

/** The file's name without folder and extension ("district_heat"), or "value" if nothing is left. */
export function sourceStem(sourceName: string): string {
  const base = sourceName.split(/[\\/]/).pop() ?? ''
  const stem = base.replace(/\.[^.]*$/, '').trim()
  return stem === '' ? 'value' : stem
}

/** Calendar covariates are stacked beside the data columns under these names. */
export function isCalendarName(name: string): boolean {
  return (CALENDAR_COLUMNS as readonly string[]).includes(name.toLowerCase())
}

export interface ColumnNaming {
  names: string[]
  /** Every column whose name is not its header text. */
  renamed: RenamedColumn[]
}

/**
 * The name of each column:
 * - the timestamp column, when its header is empty or "Unnamed: n", is "time" ("timestamp" or
 *   "datetime" when another column has that name);
 * - a column headed by a bare number is named after the file: the file's stem alone when it is
 *   the file's only value column, else "<stem> <number>"; it keeps the number when the file's
 *   name is not known;
 * - any other empty header is "column k", k counting from 1;
 * - last, the user's renames, keyed by the name these rules gave.
 * A made name that would equal another column's or a calendar covariate's gets " (column k)".
 */
export function nameColumns(
  headers: string[],
  timeIndex: number,
  sourceName: string | undefined,
  renames: Record<string, string> = {},
): ColumnNaming {
  const plain = headerNames(headers)
  const valueColumns = headers.filter((h, k) => k !== timeIndex && !isUnnamedHeader(h)).length
  const made = headers.map((header, k): { name: string; why: RenamedColumn['why'] } | null => {
    if (k === timeIndex) {
      if (!isUnnamedHeader(header)) return null
      const free = TIME_NAMES.find((name) => !takenBy(plain, k, name))
      return free === undefined ? null : { name: free, why: 'unnamed' }
    }
    if (BARE_NUMBER.test(header) && sourceName !== undefined) {
      const stem = sourceStem(sourceName)
      return { name: valueColumns === 1 ? stem : `${stem} ${header}`, why: 'number' }
    }
    return null
  })
  const names = plain.map((name, k) => {
    const m = made[k]
    if (m === null) return name
    const clashes = takenBy(plain, k, m.name) || isCalendarName(m.name)
    return clashes ? `${m.name} (column ${k + 1})` : m.name
  })
  const renamed: RenamedColumn[] = []
  names.forEach((name, k) => {
    const chosen = renames[name]
    const header = headers[k]
    if (chosen !== undefined && chosen !== name) {
      names[k] = chosen
      renamed.push({ name: chosen, header, why: 'user' })
    } else if (name !== header) {
      renamed.push({ name, header, why: made[k]?.why ?? 'unnamed' })
    }
  })
  return { names, renamed }
}

/** Whether a column other than k goes by `name` (case aside: "Time" and "time" confuse). */
function takenBy(names: string[], k: number, name: string): boolean {
  const lower = name.toLowerCase()
  return names.some((other, j) => j !== k && other.toLowerCase() === lower)
}

/** Says which columns the rules named, and how; null when the header named them all. */
export function namingWarning(
  renamed: RenamedColumn[],
  timestampColumn: string,
): DataWarning | null {
  const parts = renamed
    .filter((r) => r.why !== 'user')
    .sort((a, b) => Number(b.name === timestampColumn) - Number(a.name === timestampColumn))
    .map((r) => {
      const was = r.header === '' ? 'has no name in the header' : `is headed "${r.header}"`
      if (r.name === timestampColumn) return `the timestamp column ${was} and is called "${r.name}"`
      if (r.why === 'number')
        return `the column headed "${r.header}" is called "${r.name}", after the file`
      return `a column ${was} and is called "${r.name}"`
    })
  if (parts.length === 0) return null
  return {
    code: 'COLUMNS_NAMED',
    message:
      'The header leaves columns unnamed or names them only by a number, so Frontier named ' +
      `them: ${parts.join('; ')}. ` +
      'Rename a column under Columns in the Datasets view.',
  }
}

/** Longest name a user may give a column. */
export const MAX_COLUMN_NAME = 200

/**
 * Refuses renaming numeric column `from` to `to` (already trimmed) when `to` is empty, too long,
 * another column's name or a calendar covariate's, since roles and the model's inputs are
 * matched by name.
 */
export function checkColumnRename(profile: Profile, from: string, to: string): void {
  if (!profile.numericColumns.includes(from)) {
    throw new DataError(
      'UNKNOWN_COLUMN',
      `No numeric column is named "${from}"; only numeric columns can be renamed.`,
    )
  }
  const refuse = (why: string) => {
    throw new DataError('INVALID_COLUMN_NAME', `"${from}" cannot be renamed to "${to}": ${why}`)
  }
  if (to === '') refuse('a column needs a name.')
  if (to.length > MAX_COLUMN_NAME) refuse(`a name has at most ${MAX_COLUMN_NAME} characters.`)
  const others = [profile.timestampColumn, ...profile.numericColumns.filter((c) => c !== from)]
  const taken = others.find((c) => c.toLowerCase() === to.toLowerCase())
  if (taken !== undefined) refuse(`the dataset already has a column "${taken}".`)
  if (isCalendarName(to)) {
    refuse(
      `"${to.toLowerCase()}" is the name of a calendar covariate (${CALENDAR_COLUMNS.join(', ')}), ` +
        'which a model gets beside the data columns.',
    )
  }
}
