// Random forecast/actual sets for the property tests: seeded, with missing actuals, occasional
// crossed quantiles, ties with the bounds and degenerate (zero-width) intervals.

import type { ScoredPoints } from '../../../../src-main/engine/metrics/types'
import { seeded } from '../data/helpers'

export interface RandomPoints extends ScoredPoints {
  actual: Float64Array
  p10: Float64Array
  p50: Float64Array
  p90: Float64Array
}

export function randomPoints(seed: number, n?: number): RandomPoints {
  const rand = seeded(seed)
  const count = n ?? 1 + Math.floor(rand() * 120)
  const scale = 10 ** (rand() * 4 - 1)
  const actual = new Float64Array(count)
  const p10 = new Float64Array(count)
  const p50 = new Float64Array(count)
  const p90 = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const centre = (rand() - 0.3) * scale
    const spread = rand() * scale * 0.5
    const kind = rand()
    if (kind < 0.1) {
      // crossed quantiles
      p10[i] = centre + spread
      p50[i] = centre + (rand() - 0.5) * spread
      p90[i] = centre - spread
    } else if (kind < 0.15) {
      p10[i] = p50[i] = p90[i] = centre
    } else {
      p10[i] = centre - spread * rand()
      p50[i] = centre
      p90[i] = centre + spread * rand()
    }
    const r = rand()
    if (r < 0.08) actual[i] = NaN
    else if (r < 0.12)
      actual[i] = p10[i] // on the bound: inclusive coverage
    else actual[i] = centre + (rand() - 0.5) * 3 * spread
  }
  return { actual, p10, p50, p90 }
}

/** Relative closeness with an absolute floor, for sums computed in different orders. */
export function close(a: number, b: number, rel = 1e-12): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b)
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b))
}
