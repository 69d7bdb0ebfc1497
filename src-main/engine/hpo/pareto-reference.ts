// Slow, obvious versions of pareto.ts, kept as test oracles: each follows the definition
// directly, with no sorting tricks.

import { dominates, type Point } from './pareto'

/** Peel fronts one at a time: a point is on the current front if nothing left dominates it. */
export function referenceRanks(points: readonly Point[]): number[] {
  const ranks = new Array<number>(points.length).fill(-1)
  let rank = 0
  let left = points.map((_, i) => i)
  while (left.length > 0) {
    const front = left.filter((i) => !left.some((j) => dominates(points[j], points[i])))
    for (const i of front) ranks[i] = rank
    left = left.filter((i) => ranks[i] < 0)
    rank++
  }
  return ranks
}

/**
 * Hypervolume by counting cells: the distinct coordinates (plus the reference) cut space into a
 * grid; a cell counts when some point dominates (weakly) its lower corner.
 */
export function referenceHypervolume(points: readonly Point[], ref: Point): number {
  const d = ref.length
  const inside = points.filter((p) => Array.from(p).every((v, k) => v < ref[k]))
  if (inside.length === 0) return 0
  const axes: number[][] = []
  for (let k = 0; k < d; k++) {
    const values = new Set<number>(inside.map((p) => p[k]))
    values.add(ref[k])
    axes.push([...values].sort((a, b) => a - b))
  }
  let volume = 0
  const index = new Array<number>(d).fill(0)
  for (;;) {
    let inCell = true
    let cell = 1
    for (let k = 0; k < d; k++) {
      if (index[k] >= axes[k].length - 1) {
        inCell = false
        break
      }
      cell *= axes[k][index[k] + 1] - axes[k][index[k]]
    }
    if (inCell) {
      const corner = index.map((i, k) => axes[k][i])
      if (inside.some((p) => Array.from(p).every((v, k) => v <= corner[k]))) volume += cell
    }
    let k = 0
    while (k < d) {
      index[k]++
      if (index[k] < axes[k].length - 1) break
      index[k] = 0
      k++
    }
    if (k === d) return volume
  }
}

/** Contribution by definition: total volume minus the volume without the point. */
export function referenceContributions(points: readonly Point[], ref: Point): number[] {
  const total = referenceHypervolume(points, ref)
  return points.map(
    (_, i) =>
      total -
      referenceHypervolume(
        points.filter((__, j) => j !== i),
        ref,
      ),
  )
}

/**
 * Crowding by definition: per objective, the neighbours of a point are the nearest points before
 * and after it in (value, index) order, found by scanning; the first and last get Infinity.
 */
export function referenceCrowding(points: readonly Point[]): number[] {
  const n = points.length
  const out = new Array<number>(n).fill(0)
  if (n === 0) return out
  const m = points[0].length
  // a comes before b in (value, index) order.
  const before = (k: number, a: number, b: number) =>
    points[a][k] < points[b][k] || (points[a][k] === points[b][k] && a < b)
  for (let k = 0; k < m; k++) {
    const values = points.map((p) => p[k])
    const range = Math.max(...values) - Math.min(...values)
    for (let i = 0; i < n; i++) {
      let below = -1
      let above = -1
      for (let j = 0; j < n; j++) {
        if (j === i) continue
        if (before(k, j, i) && (below < 0 || before(k, below, j))) below = j
        if (before(k, i, j) && (above < 0 || before(k, j, above))) above = j
      }
      if (below < 0 || above < 0) out[i] = Infinity
      else if (range > 0) out[i] += (points[above][k] - points[below][k]) / range
    }
  }
  return out
}
