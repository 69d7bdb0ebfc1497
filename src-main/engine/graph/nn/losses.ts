// Training losses for quantile forecasters.

import { div, maximum, mul, sub } from '../ops/binary'
import { unsqueeze } from '../ops/layout'
import { reduceMean, reduceSum } from '../ops/reduce'
import type { Tensor } from '../tensor'
import { check } from '../errors'

export interface PinballOptions {
  /**
   * 'sum' adds the quantile losses (Darts QuantileRegression); 'mean' averages them
   * (NeuralForecast MQLoss). Either way the result is a mean over all other positions.
   */
  quantiles: 'sum' | 'mean'
  /** Optional availability mask shaped like the target (NeuralForecast's masked mean). */
  mask?: Tensor
}

/**
 * Pinball (quantile) loss of predictions [..., Q] against a target [...] at levels `taus`:
 * ρ_τ(e) = max(τ·e, (τ−1)·e) with e = y − ŷ.
 */
export function pinballLoss(
  pred: Tensor,
  target: Tensor,
  taus: readonly number[],
  o: PinballOptions,
): Tensor {
  const q = pred.shape[pred.rank - 1]
  check(
    q === taus.length,
    'SHAPE_MISMATCH',
    () => `pinball: ${taus.length} levels for [${pred.shape}]`,
  )
  const g = pred.graph
  const e = sub(unsqueeze(target, -1), pred)
  const tau = g.constant(taus, [taus.length])
  const perPoint = reduceSum(maximum(mul(e, tau), mul(e, sub(tau, 1))), -1)
  const scaled = o.quantiles === 'mean' ? mul(perPoint, 1 / taus.length) : perPoint
  if (!o.mask) return reduceMean(scaled)
  return div(reduceSum(mul(scaled, o.mask)), reduceSum(o.mask))
}

/** Mean squared error. */
export function mseLoss(pred: Tensor, target: Tensor): Tensor {
  const d = sub(pred, target)
  return reduceMean(mul(d, d))
}

/** Mean absolute error via the pinball loss at τ = ½ (times 2), for symmetry with the above. */
export function maeLoss(pred: Tensor, target: Tensor): Tensor {
  return mul(pinballLoss(unsqueeze(pred, -1), target, [0.5], { quantiles: 'sum' }), 2)
}
