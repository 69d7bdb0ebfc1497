// The roles a freshly imported dataset starts with, before the user changes them: the column
// that looks like the quantity to forecast as target, and nothing else. The other numeric
// columns and the calendar covariates are one choice away in the Datasets view (or
// `--calendar`), but off by default: measured with test/bench/nhits-twin.ts (NHITS_Q, 5 seeds,
// README "How a trial is scored"), the target alone gave the lowest validation MAE on the heat
// demo (19–28 % below the covariate sets) and was within 6 % of the best on the water demo,
// while the previous default (every column plus hour, weekday, month and weekend) was 23 % and
// 10 % worse, with a wider spread over seeds. N-HiTS flattens its channels into one vector and
// max-pools across them (Darts' design), so every extra channel blurs the target in the pooled
// stacks. It is also the form Darts and NeuralForecast users compare against.

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
    pastCovariates: [],
    futureCovariates: [],
    calendar: { hour: false, weekday: false, month: false, weekend: false, holidays: null },
  }
}

/**
 * Throws DataError unless the roles name numeric columns of the profile, each in one role
 * (UNKNOWN_COLUMN lists the columns there are; INVALID_ROLES says which column is used twice).
 */
export function checkRoles(profile: Profile, roles: Roles): void {
  const numeric = new Set(profile.numericColumns)
  const used = [roles.target, ...roles.pastCovariates, ...roles.futureCovariates]
  const unknown = used.filter((c) => !numeric.has(c))
  if (unknown.length > 0)
    throw new DataError(
      'UNKNOWN_COLUMN',
      `No numeric column is named ${unknown.map((c) => `"${c}"`).join(', ')} (the numeric columns: ${profile.numericColumns.map((c) => `"${c}"`).join(', ')}).`,
    )
  const twice = used.filter((c, i) => used.indexOf(c) !== i)
  if (twice.length > 0)
    throw new DataError(
      'INVALID_ROLES',
      `A column can have only one role (target, past covariate or future-known covariate): "${twice[0]}" has two.`,
    )
}
