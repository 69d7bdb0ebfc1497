// Recombination in the codec's unit space. Numeric coordinates: simulated binary crossover with
// the [0, 1] bounds built into its spread distribution (Deb & Agrawal), applied to each
// coordinate with probability ½; the child takes one of the two offspring values at random.
// Categorical coordinates: each copied from either parent with probability ½.

import type { Rng } from '../../../rng'

function spread(beta: number, eta: number, u: number): number {
  const alpha = 2 - Math.pow(beta, -(eta + 1))
  return u <= 1 / alpha
    ? Math.pow(u * alpha, 1 / (eta + 1))
    : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1))
}

export function sbxCrossover(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  eta: number,
  rng: Rng,
  out: Float64Array,
): void {
  for (let j = 0; j < out.length; j++) {
    const x1 = Math.min(a[j], b[j])
    const x2 = Math.max(a[j], b[j])
    const takeFirst = rng.uniform() < 0.5
    if (rng.uniform() >= 0.5 || x2 - x1 < 1e-14) {
      out[j] = takeFirst ? a[j] : b[j]
      continue
    }
    const u = rng.uniform()
    const gap = x2 - x1
    const low = 0.5 * (x1 + x2 - spread(1 + (2 * x1) / gap, eta, u) * gap)
    const high = 0.5 * (x1 + x2 + spread(1 + (2 * (1 - x2)) / gap, eta, u) * gap)
    const child = rng.uniform() < 0.5 ? low : high
    out[j] = child < 0 ? 0 : child > 1 ? 1 : child
  }
}

export function uniformCrossover(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rng: Rng,
  out: Int32Array,
): void {
  for (let j = 0; j < out.length; j++) out[j] = rng.uniform() < 0.5 ? a[j] : b[j]
}
