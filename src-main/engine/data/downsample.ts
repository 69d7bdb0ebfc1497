// Per-pixel min/max of a column for drawing: a million points become one bucket per pixel
// column, keeping spikes visible (a mean would hide them). A bucket with only missing values
// gives null, so the chart breaks its line there instead of bridging the gap.

export interface Buckets {
  /** First instant of each bucket; buckets are stepMs wide. */
  t: number[]
  min: (number | null)[]
  max: (number | null)[]
  stepMs: number
}

/**
 * Buckets over the points with from ≤ t ≤ to (timestamps ascending). Each bucket holds a whole
 * number of grid steps, so all are equally wide; there are at most `buckets` of them.
 */
export function bucketMinMax(
  timestamps: Float64Array,
  values: Float64Array,
  from: number,
  to: number,
  buckets: number,
): Buckets {
  const first = firstAbove(timestamps, from, false)
  const last = firstAbove(timestamps, to, true) - 1
  const result: Buckets = { t: [], min: [], max: [], stepMs: 0 }
  const count = last - first + 1
  if (count <= 0 || buckets < 1) return result
  const gridStep = count > 1 ? timestamps[first + 1] - timestamps[first] : 1
  const perBucket = Math.max(1, Math.ceil(count / Math.floor(buckets)))
  const stepMs = perBucket * gridStep
  const origin = timestamps[first]
  result.stepMs = stepMs
  let bucket = -1
  let lo = Infinity
  let hi = -Infinity
  for (let i = first; i <= last; i++) {
    const b = Math.floor((timestamps[i] - origin) / stepMs)
    if (b !== bucket) {
      if (bucket >= 0) push(result, lo, hi)
      // Buckets with no points at all (irregular input) still get an entry: a gap.
      for (let skipped = bucket + 1; skipped < b; skipped++) {
        result.t.push(origin + skipped * stepMs)
        result.min.push(null)
        result.max.push(null)
      }
      bucket = b
      result.t.push(origin + b * stepMs)
      lo = Infinity
      hi = -Infinity
    }
    const v = values[i]
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  push(result, lo, hi)
  return result
}

function push(result: Buckets, lo: number, hi: number): void {
  // NaN never compares, so a bucket of missing values keeps its ±Infinity start.
  result.min.push(lo === Infinity ? null : lo)
  result.max.push(hi === -Infinity ? null : hi)
}

/** Index of the first element ≥ t, or > t when `strict`. */
function firstAbove(a: Float64Array, t: number, strict: boolean): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] < t || (strict && a[mid] === t)) lo = mid + 1
    else hi = mid
  }
  return lo
}
