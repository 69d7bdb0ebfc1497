// A column of row numbers is pandas' RangeIndex written out by df.to_csv(): an unnamed column
// counting 0, 1, 2, … down the file. It says nothing about the series, and offered as a
// covariate it would hand the model a clock that never repeats; it is left out with this reason.

import { isUnnamedHeader } from './column-names'

export const ROW_NUMBER_REASON = 'a row number (pandas index), not a measurement'

/** An unnamed column whose values count up by one from the first row, with none missing. */
export function isRowNumberColumn(header: string, values: Float64Array): boolean {
  if (!isUnnamedHeader(header) || values.length < 2) return false
  const first = values[0]
  if (!Number.isInteger(first)) return false
  for (let r = 1; r < values.length; r++) if (values[r] !== first + r) return false
  return true
}
