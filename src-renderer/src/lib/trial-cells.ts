// How the trial table writes each cell: parameters to 3 significant digits, objectives to 3
// decimals, durations as a person reads them, a failed trial's state with its error code.
import type { TrialRow } from '@shared/study-views'
import { formatDuration } from './format'
import { formatMetric } from './study-compare'
import { cellValue, type Column } from './trial-table'

export function paramCell(v: number | string | boolean | null): string {
  if (v === null) return '—'
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toPrecision(3)))
  return String(v)
}

export function stateCell(row: TrialRow): string {
  if (row.state === 'failed') return row.error ? `failed · ${row.error.code}` : 'failed'
  if (row.state === 'running') return `running · ep ${row.epochs}`
  if (row.state === 'pruned') return `pruned · ep ${row.epochs}`
  return 'complete'
}

export function cellText(row: TrialRow, column: Column): string {
  switch (column.key.kind) {
    case 'number':
      return String(row.number)
    case 'state':
      return stateCell(row)
    case 'param':
      return paramCell(cellValue(row, column.key))
    case 'value': {
      const v = cellValue(row, column.key)
      return typeof v === 'number' ? formatMetric(v) : '—'
    }
    case 'seconds':
      return row.seconds === null ? '—' : formatDuration(row.seconds * 1000)
    case 'provider':
      return row.provider ?? '—'
  }
}
