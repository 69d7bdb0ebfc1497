// The roles a freshly imported dataset starts with, before the user changes them: the column
// that looks like the quantity to forecast as target, the other numeric columns as past
// covariates, and the calendar covariates that help any hourly demand series.

import type { Profile, Roles } from './types'
import { DataError } from './data-error'

const TARGET_NAME = /heat|load|demand|target|value|consumption|^y$/i

export function defaultRoles(profile: Profile): Roles {
  const numeric = profile.numericColumns
  if (numeric.length === 0) {
    throw new DataError('NO_NUMERIC_COLUMNS', 'The dataset has no numeric column to forecast.')
  }
  const target = numeric.find((name) => TARGET_NAME.test(name)) ?? numeric[0]
  return {
    target,
    pastCovariates: numeric.filter((name) => name !== target),
    futureCovariates: [],
    calendar: { hour: true, weekday: true, month: true, weekend: true, holidays: null },
  }
}
