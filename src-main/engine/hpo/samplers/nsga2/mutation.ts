// Mutation in the codec's unit space. Numeric coordinates: Deb's bounded polynomial mutation,
// each coordinate with probability p; a larger eta keeps the move closer to the parent.
// Categorical coordinates: with probability p, a different choice uniformly at random.

import type { Rng } from '../../../rng'

export function polynomialMutation(x: Float64Array, eta: number, p: number, rng: Rng): void {
  for (let j = 0; j < x.length; j++) {
    if (rng.uniform() >= p) continue
    const y = x[j]
    const u = rng.uniform()
    let delta: number
    if (u < 0.5) {
      const v = 2 * u + (1 - 2 * u) * Math.pow(1 - y, eta + 1)
      delta = Math.pow(v, 1 / (eta + 1)) - 1
    } else {
      const v = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(y, eta + 1)
      delta = 1 - Math.pow(v, 1 / (eta + 1))
    }
    const moved = y + delta
    x[j] = moved < 0 ? 0 : moved > 1 ? 1 : moved
  }
}

export function categoricalMutation(
  x: Int32Array,
  sizes: ArrayLike<number>,
  p: number,
  rng: Rng,
): void {
  for (let j = 0; j < x.length; j++) {
    if (sizes[j] < 2 || rng.uniform() >= p) continue
    const other = rng.int(sizes[j] - 1)
    x[j] = other >= x[j] ? other + 1 : other
  }
}
