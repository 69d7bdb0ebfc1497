// Summary statistics of a column on the grid (absent rows count as missing). The median uses
// quickselect on the non-missing values: sorting a million doubles per column would cost more
// than the whole rest of the profile.

import type { ColumnStats } from './types'

export function columnStats(name: string, values: Float64Array): ColumnStats {
  const n = values.length
  const present = new Float64Array(n)
  let count = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  let zeros = 0
  for (let i = 0; i < n; i++) {
    const v = values[i]
    if (v !== v) continue
    present[count++] = v
    sum += v
    if (v < min) min = v
    if (v > max) max = v
    if (v === 0) zeros++
  }
  if (count === 0) {
    return {
      name,
      count: 0,
      missing: n,
      min: null,
      max: null,
      mean: null,
      std: null,
      median: null,
      zeros: 0,
    }
  }
  const mean = sum / count
  // Second pass over deviations: stable where sum-of-squares cancels catastrophically.
  let squares = 0
  for (let i = 0; i < count; i++) {
    const d = present[i] - mean
    squares += d * d
  }
  const std = count > 1 ? Math.sqrt(squares / (count - 1)) : null
  return {
    name,
    count,
    missing: n - count,
    min,
    max,
    mean,
    std,
    median: median(present.subarray(0, count)),
    zeros,
  }
}

/** Median of the values (reorders them). Mean of the two middle values when the count is even. */
export function median(values: Float64Array): number {
  const n = values.length
  const upper = Math.floor(n / 2)
  const hi = select(values, upper, 0, n - 1)
  if (n % 2 === 1) return hi
  // After selecting `upper`, everything left of it is ≤ it: the lower middle is their maximum.
  let lo = -Infinity
  for (let i = 0; i < upper; i++) if (values[i] > lo) lo = values[i]
  return (lo + hi) / 2
}

/** The k-th smallest value of a[left..right] (Hoare quickselect with median-of-three pivots). */
function select(a: Float64Array, k: number, left: number, right: number): number {
  while (right > left) {
    const mid = (left + right) >>> 1
    // Order a[left], a[mid], a[right] so the pivot is their median: sorted input stays linear.
    if (a[mid] < a[left]) swap(a, mid, left)
    if (a[right] < a[left]) swap(a, right, left)
    if (a[right] < a[mid]) swap(a, right, mid)
    const pivot = a[mid]
    let i = left
    let j = right
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        swap(a, i, j)
        i++
        j--
      }
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else return a[k]
  }
  return a[k]
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]
  a[i] = a[j]
  a[j] = t
}
