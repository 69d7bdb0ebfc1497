// NSGA-II (Deb et al. 2002) for ask-and-tell studies. Generation 0 is a Latin hypercube of the
// population size. A trial belongs to the generation that was current when it was asked
// (samplerData.generation); generation g + 1 starts once g has `populationSize` finished
// (complete or pruned) trials, so failed trials are replaced and concurrent asks simply become
// more children of the same generation, each drawn from its own random stream. The parents of
// generation g are the survivors of (parents of g − 1) ∪ (complete children of g − 1).
//
// Defaults chosen for small budgets (measured in test/bench/samplers.ts): the population is about
// a fifteenth of the trial budget (8 to 50), not a fixed 50 — with 50, a 50-trial study never
// leaves its random first generation — and each coordinate mutates with probability
// max(1/d, 0.25), which keeps small populations from stalling.

import type { TrialRecord } from '../../types'
import { lhsParams } from '../latin-hypercube'
import {
  capabilityRefusal,
  lossVector,
  type SampleContext,
  type Sampler,
  type SamplerCapabilities,
  type Suggestion,
} from '../sampler'
import { sbxCrossover, uniformCrossover } from './crossover'
import { categoricalMutation, polynomialMutation } from './mutation'
import { binaryTournament, rankAndCrowd, survivalSelect } from './selection'

export interface Nsga2Options {
  populationSize?: number
  crossoverProbability?: number
  crossoverEta?: number
  mutationEta?: number
  /** Per-coordinate mutation probability (default max(1/d, 0.25) for d parameters). */
  mutationProbability?: number
}

/**
 * About a fifteenth of the budget, within [8, 50], but never above a third of it (so at least
 * three generations run); 50 when only a time budget is set.
 */
export function defaultPopulationSize(budgetTrials: number | null): number {
  if (budgetTrials === null) return 50
  const size = Math.min(50, Math.max(8, Math.round(budgetTrials / 15)))
  return Math.max(2, Math.min(size, Math.floor(budgetTrials / 3)))
}

const capabilities: SamplerCapabilities = {
  minObjectives: 1,
  maxObjectives: Infinity,
  paramKinds: ['float', 'int', 'categorical'],
  logScale: true,
  steps: true,
  adaptive: true,
  parallel: 'independent-draws',
}

const generationOf = (t: TrialRecord) => t.samplerData.generation ?? 0

interface Resolved {
  populationSize: number
  crossoverProbability: number
  crossoverEta: number
  mutationEta: number
  mutationProbability: number | null
}

function currentGeneration(trials: readonly TrialRecord[], size: number): number {
  const finished = new Map<number, number>()
  for (const t of trials)
    if (t.state === 'complete' || t.state === 'pruned')
      finished.set(generationOf(t), (finished.get(generationOf(t)) ?? 0) + 1)
  let g = 0
  while ((finished.get(g) ?? 0) >= size) g++
  return g
}

function parentsOf(
  generation: number,
  complete: readonly TrialRecord[],
  losses: Map<number, number[]>,
  size: number,
): TrialRecord[] {
  let parents: TrialRecord[] = []
  for (let h = 0; h < generation; h++) {
    const pool = [...parents, ...complete.filter((t) => generationOf(t) === h)]
    parents = survivalSelect(
      pool.map((t) => losses.get(t.number) as number[]),
      size,
    ).map((i) => pool[i])
  }
  return parents
}

function suggest(ctx: SampleContext, o: Resolved): Suggestion {
  const { codec, rng, trials } = ctx
  const size = o.populationSize
  const generation = currentGeneration(trials, size)
  const samplerData = { generation }
  if (generation === 0)
    return { params: lhsParams(codec, ctx.seed, size, ctx.trialNumber), samplerData }

  const complete = trials.filter((t) => t.state === 'complete' && t.values !== null)
  const losses = new Map(complete.map((t) => [t.number, lossVector(t, ctx.directions)]))
  const parents = parentsOf(generation, complete, losses, size)
  if (parents.length === 0) {
    // Every trial so far failed or was pruned: keep exploring.
    return { params: lhsParams(codec, ctx.seed, size, ctx.trialNumber), samplerData }
  }
  const ranking = rankAndCrowd(parents.map((t) => losses.get(t.number) as number[]))
  const first = parents[binaryTournament(ranking, parents.length, rng)]
  const second = parents[binaryTournament(ranking, parents.length, rng)]
  const a = codec.encode(first.params)
  const b = codec.encode(second.params)
  const num = new Float64Array(a.num)
  const cat = new Int32Array(a.cat)
  if (rng.uniform() < o.crossoverProbability) {
    sbxCrossover(a.num, b.num, o.crossoverEta, rng, num)
    uniformCrossover(a.cat, b.cat, rng, cat)
  }
  const p = o.mutationProbability ?? Math.max(0.25, 1 / Math.max(1, codec.dimensions))
  polynomialMutation(num, o.mutationEta, p, rng)
  categoricalMutation(
    cat,
    codec.categorical.map((d) => d.size),
    p,
    rng,
  )
  return { params: codec.decode(num, cat), samplerData }
}

export function createNsga2Sampler(
  options: Nsga2Options = {},
  budgetTrials: number | null = null,
): Sampler {
  const o: Resolved = {
    populationSize: options.populationSize ?? defaultPopulationSize(budgetTrials),
    crossoverProbability: options.crossoverProbability ?? 0.9,
    crossoverEta: options.crossoverEta ?? 20,
    mutationEta: options.mutationEta ?? 20,
    mutationProbability: options.mutationProbability ?? null,
  }
  return {
    name: 'nsga2',
    capabilities,
    refusal: (setup) => {
      const shared = capabilityRefusal('nsga2', capabilities, setup)
      if (shared) return shared
      const size = o.populationSize
      if (!Number.isInteger(size) || size < 2)
        return `nsga2: populationSize must be an integer of at least 2 (got ${size}).`
      if (setup.budgetTrials !== null && setup.budgetTrials < 2 * size)
        return `nsga2 with a population of ${size} and a budget of ${setup.budgetTrials} trials would spend half or more of the budget on its random first generation; lower populationSize to at most ${Math.floor(setup.budgetTrials / 3)} or use tpe.`
      return null
    },
    sample: (ctx) => suggest(ctx, o),
  }
}
