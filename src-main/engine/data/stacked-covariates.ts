// The model's columns from a dataset and its roles: the target, then every covariate in the one
// order all Frontier models use. It is the order of the thesis's stacked NHITS input (MODELS.md
// §0, §3.2): the past covariates, then the future-known covariates. Frontier's calendar columns
// are future-known (they are computed for any instant), so they come last, after the user's
// future covariates, in CALENDAR_COLUMNS order (hour, weekday, month, weekend, holiday).

import { calendarCovariates } from './calendar'
import { DataError } from './data-error'
import type { Roles, Series, SeriesColumn } from './types'

export interface StackedColumns {
  target: SeriesColumn
  /** Past covariates (roles order), future covariates (roles order), then calendar columns. */
  covariates: SeriesColumn[]
  /** How many of `covariates` are past-only; the rest are known in advance. */
  pastCount: number
}

export function stackedColumns(series: Series, roles: Roles, timezone: string): StackedColumns {
  const byName = new Map(series.columns.map((c) => [c.name, c]))
  const find = (name: string, role: string): SeriesColumn => {
    const column = byName.get(name)
    if (!column) {
      throw new DataError(
        'UNKNOWN_COLUMN',
        `The ${role} "${name}" is not a numeric column of this dataset (columns: ` +
          `${series.columns.map((c) => c.name).join(', ')}). Pick another column in the roles.`,
      )
    }
    return column
  }
  const target = find(roles.target, 'target')
  const used = [...roles.pastCovariates, ...roles.futureCovariates]
  if (used.includes(roles.target)) {
    throw new DataError(
      'INVALID_ROLES',
      `"${roles.target}" is the target and a covariate at once. Remove it from the covariates.`,
    )
  }
  if (new Set(used).size !== used.length) {
    throw new DataError(
      'INVALID_ROLES',
      'A column is listed twice among the covariates. Give each column one role.',
    )
  }
  const past = roles.pastCovariates.map((name) => find(name, 'past covariate'))
  const future = roles.futureCovariates.map((name) => find(name, 'future covariate'))
  const calendar = calendarCovariates(series.timestamps, timezone, roles.calendar)
  return { target, covariates: [...past, ...future, ...calendar], pastCount: past.length }
}
