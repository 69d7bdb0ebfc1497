// Expected hypervolume improvement of a point whose two objectives (minimised) are independent
// Gaussians, exactly, in O(front size) (the strip decomposition of Emmerich, Deutz & Klinkenberg
// 2011). Sort the front by f1: a₁ < … < a_k with f2 values b₁ > … > b_k, set a₀ = −∞,
// a_{k+1} = r₁ and b₀ = r₂. The region a new point y can add is the union of the strips
// [a_i, a_{i+1}) × (−∞, b_i), so
//   HVI(y) = Σ_i (a_{i+1} − max(y₁, a_i))⁺ (b_i − y₂)⁺
//   EHVI   = Σ_i (ψ₁(a_{i+1}) − ψ₁(a_i)) ψ₂(b_i),  ψ(c) = E[(c − Y)⁺] = σ h((c − μ)/σ),
// because (a_{i+1} − max(y₁, a_i))⁺ = (a_{i+1} − y₁)⁺ − (a_i − y₁)⁺ and the objectives are
// independent. Everything is summed in logs, so points far from the front still rank.

import { nonDominatedRanks } from '../../pareto'
import { logH } from './acquisition'

/** log(e^a − e^b) for a > b. */
function logDiff(a: number, b: number): number {
  if (b === -Infinity) return a
  const d = b - a
  return a + (d > -0.693 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)))
}

function logSum(a: number, b: number): number {
  if (a === -Infinity) return b
  if (b === -Infinity) return a
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b))
}

/** The front's points inside the reference box, sorted by the first objective. */
export function frontStrips(points: readonly number[][], ref: readonly number[]): number[][] {
  const inside = points.filter((p) => p[0] < ref[0] && p[1] < ref[1])
  const ranks = nonDominatedRanks(inside)
  const front = inside.filter((_, i) => ranks[i] === 0)
  front.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  // Drop duplicates (identical points share a rank).
  return front.filter((p, i) => i === 0 || p[0] !== front[i - 1][0] || p[1] !== front[i - 1][1])
}

/**
 * log EHVI of a point with objectives N(mean[k], sd[k]²) over `front` (from frontStrips) and
 * the reference point.
 */
export function logExpectedHypervolumeImprovement(
  front: readonly number[][],
  ref: readonly number[],
  mean: readonly number[],
  sd: readonly number[],
): number {
  const logPsi = (k: number, c: number) => Math.log(sd[k]) + logH((c - mean[k]) / sd[k])
  let total = -Infinity
  let lowPsi1 = -Infinity // log ψ₁(a_i), with a₀ = −∞
  for (let i = 0; i <= front.length; i++) {
    const right = i < front.length ? front[i][0] : ref[0]
    const level = i === 0 ? ref[1] : front[i - 1][1]
    const highPsi1 = logPsi(0, right)
    if (highPsi1 > lowPsi1) total = logSum(total, logDiff(highPsi1, lowPsi1) + logPsi(1, level))
    lowPsi1 = highPsi1
  }
  return total
}
