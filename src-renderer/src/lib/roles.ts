// Editing Roles one column at a time. A column has exactly one use; making a column the target
// takes it out of the covariate lists, so the result is always a consistent Roles.
import type { Roles } from '@shared/dataset-types'

export type ColumnUse = 'past' | 'future' | 'unused'

export const COLUMN_USE_LABELS: Record<ColumnUse, string> = {
  past: 'Past covariate',
  future: 'Future-known covariate',
  unused: 'Unused',
}

export function columnUse(roles: Roles, column: string): ColumnUse {
  if (roles.pastCovariates.includes(column)) return 'past'
  if (roles.futureCovariates.includes(column)) return 'future'
  return 'unused'
}

export function withColumnUse(roles: Roles, column: string, use: ColumnUse): Roles {
  const past = roles.pastCovariates.filter((c) => c !== column)
  const future = roles.futureCovariates.filter((c) => c !== column)
  if (use === 'past') past.push(column)
  if (use === 'future') future.push(column)
  return { ...roles, pastCovariates: past, futureCovariates: future }
}

export function withTarget(roles: Roles, target: string): Roles {
  return {
    ...roles,
    target,
    pastCovariates: roles.pastCovariates.filter((c) => c !== target),
    futureCovariates: roles.futureCovariates.filter((c) => c !== target),
  }
}

export function sameRoles(a: Roles, b: Roles): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))
}

function normalise(r: Roles): Roles {
  return {
    target: r.target,
    pastCovariates: [...r.pastCovariates].sort(),
    futureCovariates: [...r.futureCovariates].sort(),
    calendar: {
      hour: r.calendar.hour,
      weekday: r.calendar.weekday,
      month: r.calendar.month,
      weekend: r.calendar.weekend,
      holidays: r.calendar.holidays,
    },
  }
}
