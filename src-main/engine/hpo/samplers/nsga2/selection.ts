// NSGA-II's two selections, both ordered by (non-dominated rank ascending, crowding descending):
// survival keeps the best `size` of parents and children; the binary tournament picks a parent.

import type { Rng } from '../../../rng'
import { crowdingDistances, nonDominatedRanks } from '../../pareto'

export interface Ranking {
  rank: Int32Array
  crowding: Float64Array
}

/** Rank of every point and its crowding distance within its own front. */
export function rankAndCrowd(points: readonly number[][]): Ranking {
  const rank = nonDominatedRanks(points)
  const crowding = new Float64Array(points.length)
  const fronts = new Map<number, number[]>()
  rank.forEach((r, i) => {
    const members = fronts.get(r)
    if (members) members.push(i)
    else fronts.set(r, [i])
  })
  for (const members of fronts.values()) {
    const distances = crowdingDistances(members.map((i) => points[i]))
    members.forEach((i, k) => (crowding[i] = distances[k]))
  }
  return { rank, crowding }
}

/** a before b in NSGA-II order; index breaks the remaining ties so the order is total. */
export function better(r: Ranking, a: number, b: number): boolean {
  if (r.rank[a] !== r.rank[b]) return r.rank[a] < r.rank[b]
  if (r.crowding[a] !== r.crowding[b]) return r.crowding[a] > r.crowding[b]
  return a < b
}

/** Indices of the `size` survivors among the points. */
export function survivalSelect(points: readonly number[][], size: number): number[] {
  const ranking = rankAndCrowd(points)
  const order = Array.from({ length: points.length }, (_, i) => i)
  order.sort((a, b) => (better(ranking, a, b) ? -1 : better(ranking, b, a) ? 1 : 0))
  return order.slice(0, size)
}

/** The better of two distinct random members (a single member wins alone). */
export function binaryTournament(ranking: Ranking, size: number, rng: Rng): number {
  if (size === 1) return 0
  const a = rng.int(size)
  let b = rng.int(size - 1)
  if (b >= a) b++
  return better(ranking, a, b) ? a : b
}
