// The trial table's logic, apart from the DOM: its columns (fixed ones, then one per parameter
// and per objective), sorting by any of them with nulls last whichever the direction, the state
// chips' counts, and the filter by states and by text.
import type { TrialRow } from '@shared/study-views'

export type TrialState = TrialRow['state']
/** The error code of a trial a stopped study left unfinished (engine/hpo/study.ts INTERRUPTED). */
export const INTERRUPTED = 'INTERRUPTED'
export const TRIAL_STATES: readonly TrialState[] = ['running', 'complete', 'pruned', 'failed']

export type ColumnKey =
  | { kind: 'number' }
  | { kind: 'state' }
  | { kind: 'param'; name: string }
  | { kind: 'value'; index: number }
  | { kind: 'seconds' }
  | { kind: 'provider' }

export interface Column {
  /** Stable id for keyed blocks and test ids: "number", "param:lr", "value:0". */
  id: string
  label: string
  key: ColumnKey
  numeric: boolean
}

export type SortDirection = 'asc' | 'desc'
export interface SortOrder {
  column: string
  direction: SortDirection
}

/**
 * The table's columns for these rows: number and state, the objectives (what a monitor is read
 * for), duration and provider, then one per parameter in the order they first occur.
 */
export function trialColumns(
  rows: readonly TrialRow[],
  objectiveLabels: readonly string[],
): Column[] {
  const params = new Set<string>()
  for (const row of rows) for (const name of Object.keys(row.params)) params.add(name)
  return [
    { id: 'number', label: '#', key: { kind: 'number' }, numeric: true },
    { id: 'state', label: 'state', key: { kind: 'state' }, numeric: false },
    ...objectiveLabels.map((label, index): Column => ({
      id: `value:${index}`,
      label,
      key: { kind: 'value', index },
      numeric: true,
    })),
    { id: 'seconds', label: 'duration', key: { kind: 'seconds' }, numeric: true },
    { id: 'provider', label: 'provider', key: { kind: 'provider' }, numeric: false },
    ...[...params].map((name): Column => ({
      id: `param:${name}`,
      label: name,
      key: { kind: 'param', name },
      numeric: true,
    })),
  ]
}

export type CellValue = number | string | boolean | null

export function cellValue(row: TrialRow, key: ColumnKey): CellValue {
  switch (key.kind) {
    case 'number':
      return row.number
    case 'state':
      return row.state
    case 'param':
      return row.params[key.name] ?? null
    case 'value':
      return row.values?.[key.index] ?? null
    case 'seconds':
      return row.seconds
    case 'provider':
      return row.provider
  }
}

/** Numbers before strings before booleans, so a mixed categorical still sorts stably. */
function compareCells(a: Exclude<CellValue, null>, b: Exclude<CellValue, null>): number {
  const rank = (v: Exclude<CellValue, null>) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b))
}

const missing = (v: CellValue) => v === null || (typeof v === 'number' && !Number.isFinite(v))

/**
 * The rows sorted by one column; rows without a value (a running trial's MAE, a parameter the
 * trial did not have) go last in both directions, and ties keep trial number order.
 */
export function sortTrials(
  rows: readonly TrialRow[],
  columns: readonly Column[],
  order: SortOrder,
): TrialRow[] {
  const column = columns.find((c) => c.id === order.column)
  if (!column) return [...rows]
  const sign = order.direction === 'asc' ? 1 : -1
  return [...rows].sort((ra, rb) => {
    const a = cellValue(ra, column.key)
    const b = cellValue(rb, column.key)
    const ma = missing(a)
    const mb = missing(b)
    if (ma || mb) return ma && mb ? ra.number - rb.number : ma ? 1 : -1
    return (
      sign * compareCells(a as Exclude<CellValue, null>, b as Exclude<CellValue, null>) ||
      ra.number - rb.number
    )
  })
}

/**
 * Whether a trial counts against the trial budget: an interrupted one (the study was stopped
 * under it) does not; its parameters run again as a new trial.
 */
export function countsAgainstBudget(row: Pick<TrialRow, 'error'>): boolean {
  return row.error?.code !== INTERRUPTED
}

export function countByState(rows: readonly TrialRow[]): Record<TrialState, number> {
  const counts: Record<TrialState, number> = { running: 0, complete: 0, pruned: 0, failed: 0 }
  for (const row of rows) counts[row.state]++
  return counts
}

export interface TrialFilter {
  /** The states shown; an empty set shows all. */
  states: ReadonlySet<TrialState>
  /** Matched, case-insensitively, against the number, "name=value" of each parameter and the error. */
  text: string
}

/** What a row's text filter reads: "#12 lr=0.001 num_stacks=2 CANCELLED cancelled by the user". */
export function searchText(row: TrialRow): string {
  const params = Object.entries(row.params).map(([k, v]) => `${k}=${String(v)}`)
  const error = row.error ? [row.error.code, row.error.message] : []
  return [`#${row.number}`, ...params, ...error, row.prunedReason ?? ''].join(' ').toLowerCase()
}

/**
 * The rows the filter lets through. Each whitespace-separated word must occur; a bare number
 * also matches the trial number exactly ("12" finds trial 12, not only parameters holding 12).
 */
export function filterTrials(rows: readonly TrialRow[], filter: TrialFilter): TrialRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    if (filter.states.size > 0 && !filter.states.has(row.state)) return false
    if (words.length === 0) return true
    if (
      words.length === 1 &&
      /^#?\d+$/.test(words[0]) &&
      Number(words[0].replace('#', '')) === row.number
    )
      return true
    const text = searchText(row)
    return words.every((w) => text.includes(w))
  })
}
