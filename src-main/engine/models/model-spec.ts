// What a model is to the rest of Frontier: a name from a closed union, the parameters it takes
// (with the default search space of the thesis and the range it can be built with), the library
// settings it fixes, and `build`, which turns a parameter set into a graph Network. The study
// knows a model only through this interface; the trial runner feeds it batches of windows.

import type { AdamConfig } from '../graph/optim/adam'
import type { Network } from '../graph/programs/network'
import type { HostValue } from '../graph/runtime/feeds'
import type { InputBatch } from '../data/windows'

/** The models Frontier trains. Also the model names of the benchmarker's JSON files. */
export type ModelName = 'NHITS_Q' | 'TFT_Q' | 'TIMESNET_Q'
export const MODEL_NAMES: readonly ModelName[] = ['NHITS_Q', 'TFT_Q', 'TIMESNET_Q']

export type ParamValue = number | string | boolean
/** A parameter set by the benchmarker's names (`num_stacks`, `lr`, …). */
export type ModelParams = Readonly<Record<string, ParamValue>>

interface ParamDefBase {
  description: string
  /** The benchmarker reads this key (a missing one silently trains its own default). */
  required: boolean
}

/**
 * One parameter. `min`/`max` (or `allowed`) are what the model can be built with; `search` is
 * the default search space (the thesis's hpo_config.py); `default` is the library's default,
 * used when a parameter set leaves the parameter out.
 */
export type ParamDef = ParamDefBase &
  (
    | {
        kind: 'int'
        default: number
        min: number
        max: number
        search: { kind: 'int'; low: number; high: number; log?: boolean }
      }
    | {
        kind: 'float'
        default: number
        min: number
        max: number
        search: { kind: 'float'; low: number; high: number; log?: boolean }
      }
    | {
        kind: 'int'
        default: number
        min: number
        max: number
        search: { kind: 'categorical'; choices: number[] }
      }
  )

export type ParamDefs = Readonly<Record<string, ParamDef>>

/** The shape of the data a network is built for. */
export interface ModelDims {
  /** L: input steps. */
  inputLength: number
  /** H: forecast steps. */
  horizon: number
  /** C: covariate columns, in stacking order (StackedColumns). */
  covariates: number
  /** Quantile levels, sorted (MODELS.md §1): [0.1, 0.5, 0.9]. */
  quantiles: readonly number[]
}

/** A Network plus how to feed it: the trial runner stays model-agnostic. */
export interface ModelNetwork extends Network {
  /** Data feeds of the forward pass for a batch of input windows (scaled). */
  inputs(batch: InputBatch): Record<string, HostValue>
  /** The loss's target input, fed the scaled future target [batch, H]. */
  target: string
  /** The forward output holding the quantiles [batch, H, Q], in sorted-level order. */
  output: string
}

export interface ParameterCount {
  total: number
  /** Excludes frozen parameters (NHITS: the last block's unused backcast head). */
  trainable: number
}

/** How the library trains the model when nothing else is said (MODELS.md §6). */
export interface TrainingDefaults {
  batchSize: number
  /** The thesis's HPO budget. */
  epochs: number
  /** 'minmax': Darts' global MinMax fitted on the training split. */
  scaler: 'minmax'
  /** 'sum': Darts' QuantileRegression sums the pinball over the levels. */
  quantileLoss: 'sum' | 'mean'
}

export interface ModelSpec {
  name: ModelName
  summary: string
  params: ParamDefs
  /** Unsearched settings, fixed at the library's defaults (documentation and export). */
  fixed: Readonly<Record<string, ParamValue | readonly ParamValue[] | null>>
  training: TrainingDefaults
  /** `params` must be complete and valid (see resolveParams). */
  build(params: ModelParams, dims: ModelDims): ModelNetwork
  /** The closed-form count (MODELS.md §3.6 for NHITS), without building a graph. */
  parameterCount(params: ModelParams, dims: ModelDims): ParameterCount
  /** Adam settings for a parameter set (learning rate separately: it is fed per run). */
  optimizer(params: ModelParams): { lr: number; adam: AdamConfig }
}
