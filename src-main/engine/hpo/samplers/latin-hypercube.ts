// Latin hypercube designs, used on their own (the lhs sampler) and as the quasi-random start of
// TPE and NSGA-II. Trial i takes row (i mod n) of design ⌊i / n⌋, so each block of n consecutive
// trials covers every one of n strata in every dimension — categorical choices included — and
// concurrent asks take different rows. Of a few random designs per block, the one whose closest
// pair of points lies farthest apart (maximin) is kept.

import { Rng } from '../../rng'
import type { SpaceCodec } from '../space-codec'
import type { TrialParams } from '../types'
import { capabilityRefusal, type Sampler, type SamplerCapabilities } from './sampler'

const STREAM = 0x4c4853
const CANDIDATE_DESIGNS = 8

function randomDesign(n: number, d: number, rng: Rng): Float64Array[] {
  const rows = Array.from({ length: n }, () => new Float64Array(d))
  for (let j = 0; j < d; j++) {
    const strata = rng.shuffle(Array.from({ length: n }, (_, i) => i))
    for (let i = 0; i < n; i++) rows[i][j] = (strata[i] + rng.uniform()) / n
  }
  return rows
}

function closestPair(rows: Float64Array[]): number {
  let best = Infinity
  for (let a = 0; a < rows.length; a++)
    for (let b = a + 1; b < rows.length; b++) {
      let sum = 0
      for (let j = 0; j < rows[a].length; j++) sum += (rows[a][j] - rows[b][j]) ** 2
      if (sum < best) best = sum
    }
  return best
}

/** Row `index` of the design sequence of block size n, in unit coordinates. */
export function lhsRow(seed: number, n: number, d: number, index: number): Float64Array {
  const block = Math.floor(index / n)
  const rng = new Rng(seed, STREAM, n, block)
  let best: Float64Array[] = []
  let bestSpread = -1
  // Maximin selection costs O(n² d) per candidate; skip it for large blocks.
  const tries = n <= 64 ? CANDIDATE_DESIGNS : 1
  for (let t = 0; t < tries; t++) {
    const design = randomDesign(n, d, rng)
    const spread = tries > 1 ? closestPair(design) : 0
    if (spread > bestSpread) {
      best = design
      bestSpread = spread
    }
  }
  return best[index % n]
}

/** Parameters for trial `index` from a design of block size n over the whole space. */
export function lhsParams(codec: SpaceCodec, seed: number, n: number, index: number): TrialParams {
  const d = codec.numeric.length + codec.categorical.length
  const row = lhsRow(seed, Math.max(1, n), d, index)
  const num = codec.numeric.map((_, j) => row[j])
  const cat = codec.categorical.map((dim, j) =>
    Math.min(dim.size - 1, Math.floor(row[codec.numeric.length + j] * dim.size)),
  )
  return codec.decode(num, cat)
}

export interface LhsOptions {
  /** Trials per design (default: the trial budget, else 32). */
  blockSize?: number
}

const capabilities: SamplerCapabilities = {
  minObjectives: 1,
  maxObjectives: Infinity,
  paramKinds: ['float', 'int', 'categorical'],
  logScale: true,
  steps: true,
  adaptive: false,
  parallel: 'stratified',
}

export function createLhsSampler(
  options: LhsOptions = {},
  budgetTrials: number | null = null,
): Sampler {
  const blockSize = options.blockSize ?? budgetTrials ?? 32
  return {
    name: 'lhs',
    capabilities,
    refusal: (setup) =>
      capabilityRefusal('lhs', capabilities, setup) ??
      (Number.isInteger(blockSize) && blockSize >= 1
        ? null
        : `lhs: blockSize must be a positive integer (got ${blockSize}).`),
    sample: (ctx) => ({ params: lhsParams(ctx.codec, ctx.seed, blockSize, ctx.trialNumber) }),
  }
}
