// The vocabulary shared by the study, its samplers, pruners and the store. Everything here is
// plain JSON-serialisable data: the store writes these records as they are.

/** The models a study can tune (defined with the ModelSpecs); the study knows only names and spaces. */
import type { ParamValue } from '../models/model-spec'

export { MODEL_NAMES, type ModelName, type ParamValue } from '../models/model-spec'

export type Direction = 'minimize' | 'maximize'

export type TrialState = 'running' | 'complete' | 'pruned' | 'failed'

export type TrialParams = Record<string, ParamValue>

/**
 * What a trial reports after an epoch (or a walk-forward fold): the scalar validation loss
 * (pinball) and, optionally, the partial objective vector (e.g. MAE and |PICP − 80| so far).
 */
export interface IntermediateValue {
  step: number
  loss: number | null
  objectives: number[] | null
}

export interface TrialError {
  /** Stable code (tests and the UI key on it), e.g. INTERRUPTED, NON_FINITE_VALUES, WORKER_CRASH. */
  code: string
  message: string
}

export interface TrialRecord {
  /** 0-based, dense, in ask order; doubles as the trial id. */
  number: number
  state: TrialState
  params: TrialParams
  /** Final objective values (complete trials only), in the study's objective order. */
  values: number[] | null
  metrics: Record<string, number> | null
  intermediate: IntermediateValue[]
  /** Epoch at which the pruner stopped the trial. */
  prunedAtStep: number | null
  /** The pruner's reason, in words a user can check against the chart (pruned trials only). */
  prunedReason: string | null
  startedAt: string
  finishedAt: string | null
  timings: Record<string, number> | null
  /** The execution provider that actually ran the trial (cpu, webgpu, cuda). */
  provider: string | null
  error: TrialError | null
  /** Small per-trial facts a sampler needs again later (e.g. the NSGA-II generation). */
  samplerData: Record<string, number>
  /** True when the parameters came (at least partly) from enqueue(). */
  enqueued: boolean
}

/** How the caller ends a trial. */
export type TrialOutcome =
  | {
      state: 'complete'
      values: number[]
      metrics?: Record<string, number>
      timings?: Record<string, number>
      provider?: string
    }
  | { state: 'pruned'; timings?: Record<string, number>; provider?: string }
  | {
      state: 'failed'
      reason: string
      code?: string
      timings?: Record<string, number>
      provider?: string
    }

export interface PruneDecision {
  prune: boolean
  /** Why, in words a user can check against the chart; null when the trial goes on. */
  reason: string | null
}
