// The validation loss Darts logs every epoch (MODELS.md §6): the training loss — pinball summed
// over the quantile levels, mean over windows × horizon, in the scaled space — over every window
// of the validation split (stride 1, gaps skipped as in training). Darts only logs it; here it is
// the epoch's intermediate value for pruning and the signal for optional early stopping.

import type { TrainingWindows } from '../data/windows'
import { gatherBatch } from '../data/windows'
import type { ParamArray } from '../graph/runtime/trainer'
import type { Predictor } from '../graph/runtime/predictor'
import type { ModelNetwork } from '../models/model-spec'

export interface ValidationLossOptions {
  quantiles: readonly number[]
  /** Windows per predict run (default 256). */
  batchSize?: number
  /** Use every n-th window (default 1: all, as Darts). */
  stride?: number
}

export async function validationLoss(
  predictor: Predictor,
  net: ModelNetwork,
  params: ReadonlyMap<string, ParamArray>,
  windows: TrainingWindows,
  o: ValidationLossOptions,
): Promise<number> {
  const stride = o.stride ?? 1
  const starts = windows.starts.filter((_, i) => i % stride === 0)
  const size = o.batchSize ?? 256
  const taus = o.quantiles
  const Q = taus.length
  let sum = 0
  let count = 0
  for (let i = 0; i < starts.length; i += size) {
    const batch = gatherBatch(windows.source, starts.subarray(i, i + size), windows.shape)
    const out = (await predictor.predict(net.inputs(batch), params))[net.output].data as ParamArray
    const y = batch.future
    for (let j = 0; j < y.length; j++) {
      for (let q = 0; q < Q; q++) {
        const e = y[j] - out[j * Q + q]
        sum += e >= 0 ? taus[q] * e : (taus[q] - 1) * e
      }
    }
    count += y.length
  }
  return sum / count
}
