// Expected improvement (in logs, stable far below the incumbent) and the search for its maximum
// over the codec's space: random points, perturbations of the best trials, then a local
// hill-climb from the few best candidates with a shrinking step. Candidates are snapped to the
// allowed values before they are scored, so the winner is a value the study can run.

import type { Rng } from '../../../rng'
import type { SpaceCodec } from '../../space-codec'

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI)

/** Φ(x) for x ≥ 0 accurate to ~1e-7 absolute (Abramowitz & Stegun 7.1.26). */
function cdfUpper(x: number): number {
  const z = x / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * z)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  return 1 - 0.5 * poly * Math.exp(-z * z)
}

/**
 * log h(u) with h(u) = u Φ(u) + φ(u), the expected improvement of a unit Gaussian u standard
 * deviations below the incumbent. For u < −3 it uses Φ(u) = φ(u) R(|u|) with Mills' ratio R as a
 * continued fraction, so the value stays accurate where h underflows to 0.
 */
export function logH(u: number): number {
  const logPhi = -0.5 * u * u - LOG_SQRT_2PI
  if (u >= -3) {
    const cdf = u >= 0 ? cdfUpper(u) : 1 - cdfUpper(-u)
    return Math.log(u * cdf + Math.exp(logPhi))
  }
  const x = -u
  let fraction = x
  for (let k = 40; k >= 1; k--) fraction = x + k / fraction
  // R(x) = 1 / fraction; h = φ (1 − x R(x)) = φ (fraction − x) / fraction.
  return logPhi + Math.log((fraction - x) / fraction)
}

/** log EI of minimising: the incumbent `best`, a posterior N(mean, sd²). */
export function logExpectedImprovement(mean: number, sd: number, best: number): number {
  return Math.log(sd) + logH((best - mean) / sd)
}

export interface SearchPoint {
  num: Float64Array
  cat: Int32Array
}

export interface SearchOptions {
  randomPoints: number
  /** Perturbations around each of the starting points. */
  perturbations: number
  /** Candidates refined by the hill-climb, and its iterations. */
  refine: number
  refineSteps: number
}

/**
 * The point of highest `score` found. `starts` are the study's best points so far, in unit
 * coordinates; the search perturbs them at three scales.
 */
export function maximise(
  score: (p: SearchPoint) => number,
  codec: SpaceCodec,
  starts: readonly SearchPoint[],
  rng: Rng,
  o: SearchOptions,
): SearchPoint {
  const dn = codec.numeric.length
  const dc = codec.categorical.length
  const sizes = codec.categorical.map((d) => d.size)
  const snap = (p: SearchPoint) => {
    for (let j = 0; j < dn; j++) p.num[j] = codec.snap(codec.numeric[j], p.num[j])
    return p
  }
  const perturb = (from: SearchPoint, step: number): SearchPoint => {
    const num = new Float64Array(from.num)
    const cat = new Int32Array(from.cat)
    // Move every numeric coordinate a little, or (half the time) a single one.
    const single = rng.uniform() < 0.5 && dn > 0 ? rng.int(dn) : -1
    for (let j = 0; j < dn; j++) {
      if (single >= 0 && j !== single) continue
      const moved = num[j] + step * rng.normal()
      num[j] = moved < 0 ? 0 : moved > 1 ? 1 : moved
    }
    for (let c = 0; c < dc; c++) if (rng.uniform() < 1 / (dn + dc)) cat[c] = rng.int(sizes[c])
    return snap({ num, cat })
  }
  const pool: { p: SearchPoint; s: number }[] = []
  const consider = (p: SearchPoint) => pool.push({ p, s: score(p) })
  for (let i = 0; i < o.randomPoints; i++)
    consider(
      snap({
        num: Float64Array.from({ length: dn }, () => rng.uniform()),
        cat: Int32Array.from(sizes, (k) => rng.int(k)),
      }),
    )
  const scales = [0.2, 0.05, 0.01]
  for (const start of starts)
    for (let i = 0; i < o.perturbations; i++) consider(perturb(start, scales[i % scales.length]))
  pool.sort((a, b) => b.s - a.s)
  let best = pool[0]
  for (const seed of pool.slice(0, o.refine)) {
    let current = seed
    let step = 0.05
    for (let it = 0; it < o.refineSteps && step > 1e-4; it++) {
      const next = perturb(current.p, step)
      const s = score(next)
      if (s > current.s) current = { p: next, s }
      else if (it % 4 === 3) step *= 0.5
    }
    if (current.s > best.s) best = current
  }
  return best.p
}
