// Pareto analysis over objective vectors to be minimised: non-dominated sorting, exact
// hypervolume, exclusive hypervolume contributions, crowding distance, and the picks the user
// needs. The slow, obvious versions in pareto-reference.ts are the test oracles of these.

import type { Direction, TrialRecord } from './types'

export type Point = ArrayLike<number>

/** a dominates b: no worse in every objective and better in at least one. */
export function dominates(a: Point, b: Point): boolean {
  let better = false
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false
    if (a[i] < b[i]) better = true
  }
  return better
}

function equal(a: Point, b: Point): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Two objectives in O(n log n): visit points by (f1, f2); the fronts' last f2 values form a
 * non-decreasing list, so a point joins the first front whose last f2 is above its own (found by
 * binary search). A point identical to its predecessor shares its front.
 */
function ranks2d(points: readonly Point[]): Int32Array {
  const n = points.length
  const order = Array.from({ length: n }, (_, i) => i)
  order.sort((i, j) => points[i][0] - points[j][0] || points[i][1] - points[j][1] || i - j)
  const ranks = new Int32Array(n)
  const lastF2: number[] = []
  let previous = -1
  for (const i of order) {
    if (previous >= 0 && equal(points[i], points[previous])) {
      ranks[i] = ranks[previous]
      continue
    }
    const f2 = points[i][1]
    let lo = 0
    let hi = lastF2.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (lastF2[mid] > f2) hi = mid
      else lo = mid + 1
    }
    ranks[i] = lo
    if (lo === lastF2.length) lastF2.push(f2)
    else lastF2[lo] = f2
    previous = i
  }
  return ranks
}

/** Deb's fast non-dominated sort, O(m n²), for any number of objectives. */
function ranksGeneral(points: readonly Point[]): Int32Array {
  const n = points.length
  const dominatedBy = new Int32Array(n)
  const dominating: number[][] = Array.from({ length: n }, () => [])
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (dominates(points[i], points[j])) {
        dominating[i].push(j)
        dominatedBy[j]++
      } else if (dominates(points[j], points[i])) {
        dominating[j].push(i)
        dominatedBy[i]++
      }
    }
  const ranks = new Int32Array(n)
  let front = []
  for (let i = 0; i < n; i++) if (dominatedBy[i] === 0) front.push(i)
  let rank = 0
  while (front.length > 0) {
    const next: number[] = []
    for (const i of front) {
      ranks[i] = rank
      for (const j of dominating[i]) if (--dominatedBy[j] === 0) next.push(j)
    }
    front = next
    rank++
  }
  return ranks
}

/** The non-dominated rank of every point: 0 for the Pareto front, 1 for the next, … */
export function nonDominatedRanks(points: readonly Point[]): Int32Array {
  if (points.length === 0) return new Int32Array(0)
  return points[0].length === 2 ? ranks2d(points) : ranksGeneral(points)
}

/** Indices of the non-dominated points, in input order. */
export function paretoFrontIndices(points: readonly Point[]): number[] {
  const ranks = nonDominatedRanks(points)
  const out: number[] = []
  ranks.forEach((r, i) => r === 0 && out.push(i))
  return out
}

function hypervolume2d(points: readonly Point[], ref: Point): number {
  const inside = points.filter((p) => p[0] < ref[0] && p[1] < ref[1])
  inside.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let area = 0
  let floor = ref[1]
  for (const p of inside)
    if (p[1] < floor) {
      area += (ref[0] - p[0]) * (floor - p[1])
      floor = p[1]
    }
  return area
}

/** Slicing along the last objective, recursing down to the 2-D sweep. */
function hypervolumeSliced(points: readonly Point[], ref: Point): number {
  const d = ref.length
  if (d === 1) return points.reduce((best, p) => Math.max(best, ref[0] - p[0]), 0)
  if (d === 2) return hypervolume2d(points, ref)
  const inside = points.filter((p) => {
    for (let k = 0; k < d; k++) if (!(p[k] < ref[k])) return false
    return true
  })
  inside.sort((a, b) => a[d - 1] - b[d - 1])
  const lowerRef = Array.from(ref).slice(0, d - 1)
  let volume = 0
  for (let i = 0; i < inside.length; i++) {
    const top = i + 1 < inside.length ? inside[i + 1][d - 1] : ref[d - 1]
    const height = top - inside[i][d - 1]
    if (height <= 0) continue
    const slice = inside.slice(0, i + 1).map((p) => Array.from(p).slice(0, d - 1))
    volume += height * hypervolumeSliced(slice, lowerRef)
  }
  return volume
}

/** The volume dominated by the points and bounded by the reference point (exact). */
export function hypervolume(points: readonly Point[], ref: Point): number {
  return hypervolumeSliced(points, ref)
}

/**
 * Each point's exclusive contribution: the volume lost if it alone were removed. Dominated and
 * duplicated points contribute 0.
 *
 * Two objectives: a front point p owns the box between itself, its right neighbour on the front
 * and its upper neighbour; removing p loses that box except what the points p dominates (which
 * lie in it when they are not dominated by a neighbour too) still cover.
 */
export function hypervolumeContributions(points: readonly Point[], ref: Point): Float64Array {
  const n = points.length
  const out = new Float64Array(n)
  if (n === 0) return out
  if (ref.length !== 2) {
    const total = hypervolume(points, ref)
    for (let i = 0; i < n; i++)
      out[i] =
        total -
        hypervolume(
          points.filter((_, j) => j !== i),
          ref,
        )
    return out
  }
  const ranks = ranks2d(points)
  const front: number[] = []
  const rest: number[] = []
  for (let i = 0; i < n; i++) {
    if (!(points[i][0] < ref[0] && points[i][1] < ref[1])) continue
    if (ranks[i] === 0) front.push(i)
    else rest.push(i)
  }
  front.sort((i, j) => points[i][0] - points[j][0] || i - j)
  for (let k = 0; k < front.length; k++) {
    const p = points[front[k]]
    const prev = k > 0 ? points[front[k - 1]] : null
    const next = k + 1 < front.length ? points[front[k + 1]] : null
    if ((prev && equal(prev, p)) || (next && equal(next, p))) continue
    const corner = [next ? next[0] : ref[0], prev ? prev[1] : ref[1]]
    const inside = rest.map((i) => points[i]).filter((q) => q[0] < corner[0] && q[1] < corner[1])
    out[front[k]] = (corner[0] - p[0]) * (corner[1] - p[1]) - hypervolume2d(inside, corner)
  }
  return out
}

/**
 * Crowding distance of the points of one front (Deb et al.): per objective, visit the points by
 * (value, index); the extremes get Infinity, every other point adds the gap between its two
 * neighbours divided by the objective's range.
 */
export function crowdingDistances(points: readonly Point[]): Float64Array {
  const n = points.length
  const out = new Float64Array(n)
  if (n === 0) return out
  const m = points[0].length
  const order = Array.from({ length: n }, (_, i) => i)
  for (let k = 0; k < m; k++) {
    order.sort((i, j) => points[i][k] - points[j][k] || i - j)
    const lo = points[order[0]][k]
    const hi = points[order[n - 1]][k]
    out[order[0]] = Infinity
    out[order[n - 1]] = Infinity
    if (hi === lo) continue
    for (let r = 1; r < n - 1; r++)
      out[order[r]] += (points[order[r + 1]][k] - points[order[r - 1]][k]) / (hi - lo)
  }
  return out
}

/**
 * The front member closest to the ideal point after min–max normalising each objective over the
 * front (an objective with no spread normalises to 0). Ties go to the lower first objective (MAE),
 * then to the earlier index. Returns an index into front, or -1 for an empty front.
 */
export function balancedIndex(front: readonly Point[]): number {
  if (front.length === 0) return -1
  const m = front[0].length
  const lo = new Array<number>(m).fill(Infinity)
  const hi = new Array<number>(m).fill(-Infinity)
  for (const p of front)
    for (let k = 0; k < m; k++) {
      lo[k] = Math.min(lo[k], p[k])
      hi[k] = Math.max(hi[k], p[k])
    }
  let best = -1
  let bestDistance = Infinity
  front.forEach((p, i) => {
    let sum = 0
    for (let k = 0; k < m; k++) {
      const z = hi[k] > lo[k] ? (p[k] - lo[k]) / (hi[k] - lo[k]) : 0
      sum += z * z
    }
    // Distances equal up to rounding count as ties, so the MAE tie-break is reachable.
    const tie = Math.abs(sum - bestDistance) <= 1e-12 * Math.max(1, bestDistance)
    if (best < 0 || (!tie && sum < bestDistance) || (tie && p[0] < front[best][0])) {
      best = i
      bestDistance = Math.min(sum, bestDistance)
    }
  })
  return best
}

export interface ParetoSummary {
  /** Complete trials on the Pareto front, by first objective (MAE) ascending. */
  front: TrialRecord[]
  /** Lowest first objective (MAE); ties by second objective, then trial number. */
  bestMae: TrialRecord | null
  /** Lowest second objective (|PICP − target|, i.e. closest to target); ties by MAE. */
  bestPicp: TrialRecord | null
  balanced: TrialRecord | null
  /** The user's own pick, when it names a complete trial. */
  user: TrialRecord | null
}

/** The front and the picks of a study's complete trials (objectives as minimised values). */
export function paretoSummary(
  trials: readonly TrialRecord[],
  userPick: number | null = null,
  directions: readonly Direction[] = [],
): ParetoSummary {
  const complete = trials.filter((t) => t.state === 'complete' && t.values !== null)
  const sign = (k: number) => (directions[k] === 'maximize' ? -1 : 1)
  const vector = (t: TrialRecord) => (t.values as number[]).map((v, k) => sign(k) * v)
  const points = complete.map(vector)
  const front = paretoFrontIndices(points).map((i) => complete[i])
  const byObjective = (k: number, other: number) => (a: TrialRecord, b: TrialRecord) => {
    const va = vector(a)
    const vb = vector(b)
    return va[k] - vb[k] || (va[other] ?? 0) - (vb[other] ?? 0) || a.number - b.number
  }
  front.sort(byObjective(0, 1))
  const bestMae = front[0] ?? null
  const bestPicp = front.length > 0 ? ([...front].sort(byObjective(1, 0))[0] ?? null) : null
  const b = balancedIndex(front.map(vector))
  const user = userPick === null ? null : (complete.find((t) => t.number === userPick) ?? null)
  return {
    front,
    bestMae,
    bestPicp: points[0]?.length > 1 ? bestPicp : bestMae,
    balanced: b >= 0 ? front[b] : null,
    user,
  }
}
