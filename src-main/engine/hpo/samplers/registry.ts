// The one table of samplers: the study builds from it, the conformance suite runs over it.

import { createGpSampler, type GpOptions } from './gp/gp'
import { createLhsSampler, type LhsOptions } from './latin-hypercube'
import { createNsga2Sampler, type Nsga2Options } from './nsga2/nsga2'
import { createRandomSampler } from './random'
import type { Sampler, SamplerName } from './sampler'
import { createTpeSampler, type TpeOptions } from './tpe/tpe'

export type SamplerConfig =
  | { name: 'random' }
  | { name: 'lhs'; options?: LhsOptions }
  | { name: 'tpe'; options?: TpeOptions }
  | { name: 'nsga2'; options?: Nsga2Options }
  | { name: 'gp'; options?: GpOptions }

type OptionsOf<N extends SamplerName> =
  Extract<SamplerConfig, { name: N }> extends { options?: infer O } ? O | undefined : undefined

export const SAMPLER_MAKERS: {
  [N in SamplerName]: (options: OptionsOf<N>, budgetTrials: number | null) => Sampler
} = {
  random: () => createRandomSampler(),
  lhs: (options, budget) => createLhsSampler(options ?? {}, budget),
  tpe: (options) => createTpeSampler(options ?? {}),
  nsga2: (options, budget) => createNsga2Sampler(options ?? {}, budget),
  gp: (options) => createGpSampler(options ?? {}),
}

export function createSampler(config: SamplerConfig, budgetTrials: number | null): Sampler {
  switch (config.name) {
    case 'random':
      return SAMPLER_MAKERS.random(undefined, budgetTrials)
    case 'lhs':
      return SAMPLER_MAKERS.lhs(config.options, budgetTrials)
    case 'tpe':
      return SAMPLER_MAKERS.tpe(config.options, budgetTrials)
    case 'nsga2':
      return SAMPLER_MAKERS.nsga2(config.options, budgetTrials)
    case 'gp':
      return SAMPLER_MAKERS.gp(config.options, budgetTrials)
  }
}
