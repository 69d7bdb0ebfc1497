// One interface for every sampler. A sampler is a pure function of the study so far: given the
// trials told (and still running) and a random stream derived from (seed, trial number), it
// suggests the next parameters. It keeps nothing between asks that it could not rebuild from the
// trials, so a resumed study suggests exactly what an uninterrupted one would.

import type { Rng } from '../../rng'
import type { ParamKind, SearchSpace } from '../search-space'
import type { SpaceCodec } from '../space-codec'
import type { Direction, TrialParams, TrialRecord } from '../types'

export type SamplerName = 'random' | 'lhs' | 'tpe' | 'nsga2' | 'gp'
export const SAMPLER_NAMES: readonly SamplerName[] = ['random', 'lhs', 'tpe', 'nsga2', 'gp']

export interface SamplerCapabilities {
  /** Objectives it can optimise (inclusive). */
  minObjectives: number
  maxObjectives: number
  paramKinds: readonly ParamKind[]
  logScale: boolean
  steps: boolean
  /** Whether told values steer it (false: the sequence depends on the seed alone). */
  adaptive: boolean
  /** How concurrent asks stay apart. */
  parallel: 'independent-draws' | 'stratified' | 'constant-liar'
}

/** What a sampler needs to know about a study to accept or refuse it at creation. */
export interface StudySetup {
  space: SearchSpace
  directions: readonly Direction[]
  /** The trial budget, or null when only a time budget is set. */
  budgetTrials: number | null
}

export interface SampleContext {
  codec: SpaceCodec
  directions: readonly Direction[]
  /** Every trial asked before this one, in any state (running ones included). */
  trials: readonly TrialRecord[]
  trialNumber: number
  seed: number
  /** A stream private to (seed, trial number). */
  rng: Rng
}

export interface Suggestion {
  params: TrialParams
  samplerData?: Record<string, number>
}

export interface Sampler {
  readonly name: SamplerName
  readonly capabilities: SamplerCapabilities
  /** Why this sampler cannot serve the study as set up, or null when it can. */
  refusal(setup: StudySetup): string | null
  sample(ctx: SampleContext): Suggestion
}

/** The trial's values turned into losses (maximised objectives negated). */
export function lossVector(trial: TrialRecord, directions: readonly Direction[]): number[] {
  return (trial.values as number[]).map((v, k) => (directions[k] === 'maximize' ? -v : v))
}

/** The refusals every sampler shares: objective count and parameter kinds. */
export function capabilityRefusal(
  name: SamplerName,
  caps: SamplerCapabilities,
  setup: StudySetup,
): string | null {
  const m = setup.directions.length
  if (m < caps.minObjectives || m > caps.maxObjectives)
    return `The ${name} sampler handles ${caps.minObjectives}–${caps.maxObjectives} objectives, not ${m}.`
  for (const [param, dist] of Object.entries(setup.space)) {
    if (!caps.paramKinds.includes(dist.kind))
      return `The ${name} sampler cannot sample ${dist.kind} parameters (${param}).`
    if (dist.kind !== 'categorical' && dist.log && !caps.logScale)
      return `The ${name} sampler has no log scale (${param}).`
    if (dist.kind !== 'categorical' && dist.step !== undefined && !caps.steps)
      return `The ${name} sampler cannot sample stepped values (${param}).`
  }
  return null
}
