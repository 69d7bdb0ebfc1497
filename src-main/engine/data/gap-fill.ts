// Linear interpolation of short gaps, the explicit opt-in that lets training windows and forecast
// inputs span a few missing steps instead of being skipped. Only a run of NaN with a present value
// on BOTH sides inside [start, end) is filled, and only when it is at most `maxGap` steps long:
// nothing is extrapolated, and no value outside the range leaks in (callers pass the training
// split when building windows, and the history before an origin when forecasting).

export interface FilledColumn {
  /** A copy of the column with the short gaps in [start, end) filled. */
  values: Float64Array
  /** How many values were filled. */
  filled: number
}

export function fillShortGaps(
  values: ArrayLike<number>,
  maxGap: number,
  start = 0,
  end: number = values.length,
): FilledColumn {
  if (!Number.isInteger(maxGap) || maxGap < 0) {
    throw new RangeError(
      `The longest gap to interpolate must be a whole number ≥ 0; got ${maxGap}.`,
    )
  }
  const out = Float64Array.from(values)
  let filled = 0
  if (maxGap === 0) return { values: out, filled }
  let i = start
  while (i < end) {
    if (!Number.isNaN(out[i])) {
      i++
      continue
    }
    let j = i
    while (j < end && Number.isNaN(out[j])) j++
    // [i, j) is a run of NaN; its neighbours are i − 1 and j.
    const length = j - i
    if (i > start && j < end && length <= maxGap) {
      const left = out[i - 1]
      const right = out[j]
      for (let k = i; k < j; k++) out[k] = left + ((k - i + 1) / (length + 1)) * (right - left)
      filled += length
    }
    i = j
  }
  return { values: out, filled }
}
