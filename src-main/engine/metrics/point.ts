// Point metrics of the median forecast, plus the two rules every metric group shares: arrays must
// line up, and a missing actual (NaN) drops its point. A NaN *forecast* at a point whose actual is
// present is not dropped: it makes the metric NaN, so a broken model can never look good.

/** Throws unless every array has the length of the first; metrics never guess an alignment. */
export function assertAligned(...arrays: ArrayLike<number>[]): void {
  const n = arrays[0].length
  for (const a of arrays) {
    if (a.length !== n) {
      throw new RangeError(
        `Metric inputs must have equal lengths; got ${arrays.map((x) => x.length).join(', ')}.`,
      )
    }
  }
}

/** How many points have a missing actual and are therefore left out of every metric. */
export function countMissing(actual: ArrayLike<number>): number {
  let missing = 0
  for (let i = 0; i < actual.length; i++) if (Number.isNaN(actual[i])) missing++
  return missing
}

/** Mean absolute error of the median: mean |y − p50| over points with an actual. */
export function mae(actual: ArrayLike<number>, median: ArrayLike<number>): number {
  assertAligned(actual, median)
  let sum = 0
  let n = 0
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]
    if (Number.isNaN(y)) continue
    sum += Math.abs(y - median[i])
    n++
  }
  return n === 0 ? NaN : sum / n
}
