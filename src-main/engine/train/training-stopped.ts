// Training that ended before its last epoch, as a typed error the trial worker can report:
//
// - DIVERGED: a loss came out NaN or ±Inf (the step that produced it is named). The trial is
//   failed; the process lives on.
// - CANCELLED: the caller's AbortSignal fired; training stopped between two runs of the graph.
// - PRUNED: the epoch callback (the study's pruner) asked to stop; the intermediate values so
//   far are attached.

import { CodedError } from '../coded-error'

export type TrainingStopCode = 'DIVERGED' | 'CANCELLED' | 'PRUNED'

export interface EpochRecord {
  /** 1-based. */
  epoch: number
  /** Optimisation steps done by the end of the epoch. */
  step: number
  /** Mean training loss of the epoch's steps, weighted by batch size (scaled space). */
  trainLoss: number
  /** Validation loss as the model trains on it (Darts: pinball summed over levels), or null. */
  valLoss: number | null
  /** Walk-forward objectives [MAE, |PICP − target|] after this epoch, or null. */
  objectives: [number, number] | null
  /** Wall seconds of the epoch, validation included. */
  seconds: number
}

export class TrainingStopped extends CodedError<TrainingStopCode> {
  override readonly name = 'TrainingStopped'
  /** Optimisation steps done (DIVERGED: the 1-based step whose loss was not finite). */
  readonly step: number
  /** The epoch it happened in (1-based). */
  readonly epoch: number
  readonly intermediate: readonly EpochRecord[]

  constructor(
    code: TrainingStopCode,
    message: string,
    at: { step: number; epoch: number; intermediate?: readonly EpochRecord[] },
  ) {
    super(code, message)
    this.step = at.step
    this.epoch = at.epoch
    this.intermediate = at.intermediate ?? []
  }
}
