// How TPE divides the told trials into the good ("below", modelled by l(x)) and the rest
// ("above", g(x)). One objective: the n_below lowest losses. Several: whole non-dominated ranks,
// best first, while they fit; the rank that does not fit is thinned by greedy hypervolume subset
// selection (keep the points that together dominate the most), so the good set spreads along
// the front instead of crowding one end. The good points are then weighted by their exclusive
// hypervolume contribution within the good set, plus a floor: extreme and isolated front points
// pull harder, which keeps the front's ends explored.

import { hypervolume, hypervolumeContributions, nonDominatedRanks } from '../../pareto'

export interface Split {
  below: number[]
  above: number[]
  belowWeights: number[]
}

/** The reference point for all hypervolume work in the split: a bit beyond the worst losses. */
function referencePoint(losses: readonly number[][]): number[] {
  const m = losses[0].length
  return Array.from({ length: m }, (_, k) => {
    let lo = Infinity
    let hi = -Infinity
    for (const l of losses) {
      lo = Math.min(lo, l[k])
      hi = Math.max(hi, l[k])
    }
    return hi + 0.1 * (hi - lo) + 1e-9 * Math.max(1, Math.abs(hi))
  })
}

/**
 * Greedily picks `count` of the candidates maximising the hypervolume they dominate together.
 * The candidates share one non-dominated rank.
 */
export function greedySubset(
  candidates: number[],
  losses: readonly number[][],
  count: number,
  ref: number[],
  /** Force the slow volume-by-volume search (the test oracle of the 2-D staircase). */
  byVolume = false,
): number[] {
  if (ref.length === 2 && !byVolume) return greedySubset2d(candidates, losses, count, ref)
  const chosen: number[] = []
  const left = [...candidates]
  while (chosen.length < count && left.length > 0) {
    let best = 0
    let bestVolume = -Infinity
    left.forEach((i, k) => {
      const volume = hypervolume(
        [...chosen, i].map((c) => losses[c]),
        ref,
      )
      if (volume > bestVolume) {
        best = k
        bestVolume = volume
      }
    })
    chosen.push(left[best])
    left.splice(best, 1)
  }
  return chosen
}

/**
 * Two objectives: mutually non-dominated points form a staircase, so the gain of adding c to the
 * chosen ones is the box between c, the chosen point just left of it and the one just right of it
 * (or the reference point), found by binary search on the first objective.
 */
export function greedySubset2d(
  candidates: number[],
  losses: readonly number[][],
  count: number,
  ref: number[],
): number[] {
  const chosen: number[] = [] // sorted by first objective
  const picked: number[] = []
  const left = new Set(candidates)
  while (picked.length < count && left.size > 0) {
    let best = -1
    let bestGain = -Infinity
    for (const c of left) {
      const [x, y] = losses[c]
      let lo = 0
      let hi = chosen.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (losses[chosen[mid]][0] < x) lo = mid + 1
        else hi = mid
      }
      const before = lo > 0 ? losses[chosen[lo - 1]] : null
      const after = lo < chosen.length ? losses[chosen[lo]] : null
      const duplicate = after !== null && after[0] === x && after[1] === y
      const gain = duplicate
        ? 0
        : ((after ? after[0] : ref[0]) - x) * ((before ? before[1] : ref[1]) - y)
      if (gain > bestGain || (gain === bestGain && c < best)) {
        best = c
        bestGain = gain
      }
    }
    left.delete(best)
    picked.push(best)
    const x = losses[best][0]
    let at = 0
    while (at < chosen.length && losses[chosen[at]][0] < x) at++
    chosen.splice(at, 0, best)
  }
  return picked
}

export function splitObservations(
  losses: readonly number[][],
  nBelow: number,
  weightFloor: number,
): Split {
  const n = losses.length
  const all = Array.from({ length: n }, (_, i) => i)
  if (n === 0) return { below: [], above: [], belowWeights: [] }
  nBelow = Math.min(n, Math.max(1, nBelow))
  if (losses[0].length === 1) {
    all.sort((a, b) => losses[a][0] - losses[b][0] || a - b)
    const below = all.slice(0, nBelow)
    return { below, above: all.slice(nBelow), belowWeights: below.map(() => 1) }
  }
  const ranks = nonDominatedRanks(losses)
  const ref = referencePoint(losses)
  const below: number[] = []
  for (let rank = 0; below.length < nBelow; rank++) {
    const members = all.filter((i) => ranks[i] === rank)
    if (below.length + members.length <= nBelow) below.push(...members)
    else below.push(...greedySubset(members, losses, nBelow - below.length, ref))
  }
  const inBelow = new Set(below)
  const contributions = hypervolumeContributions(
    below.map((i) => losses[i]),
    ref,
  )
  const top = Math.max(...contributions)
  const belowWeights = below.map((_, k) =>
    top > 0 ? weightFloor + (1 - weightFloor) * (contributions[k] / top) : 1,
  )
  return { below, above: all.filter((i) => !inBelow.has(i)), belowWeights }
}
