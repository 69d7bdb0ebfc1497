// Walk-forward validation as a trial runs it (MODELS.md §7): the trained model forecasts H steps
// from every origin of the plan, all origins in one predict run, from the input window of L
// steps just before each origin (history only; no refit). Forecasts are mapped back to original
// units and kept with their actuals (they feed the forecast plot), then scored pooled.
// walk-forward-reference.ts is the slow oracle: one origin at a time through a callback.

import type { InputBatch, WindowOptions, WindowSource } from '../data/windows'
import { inputWindow, stackInputs } from '../data/windows'
import { seasonalScale } from '../metrics/mase'
import { forecastMetrics, objectiveValues } from '../metrics/summary'
import { DEFAULT_PICP_TARGET } from '../metrics/types'
import { TrainError } from './train-error'
import type { WalkForwardPlan } from './walk-forward-plan'
import type {
  OriginForecast,
  WalkForwardResult,
  WalkForwardScoring,
} from './walk-forward-reference'

/**
 * Quantile forecasts [n, H, Q] (levels sorted: p10, p50, p90) for n stacked input windows, in
 * the scaled space.
 */
export type BatchForecaster = (inputs: InputBatch) => Promise<ArrayLike<number>>

export interface WalkForwardInputs {
  plan: WalkForwardPlan
  /** The scaled model columns the input windows are read from. */
  source: WindowSource
  window: WindowOptions
  scoring: WalkForwardScoring
  /** Quantile count of the forecaster's output (3). */
  quantiles?: number
}

export async function walkForward(
  forecast: BatchForecaster,
  inputs: WalkForwardInputs,
): Promise<WalkForwardResult> {
  const { plan, source, scoring } = inputs
  const H = plan.horizon
  const Q = inputs.quantiles ?? 3
  if (inputs.window.horizon !== H) {
    throw new TrainError(
      'INVALID_OPTIONS',
      `The walk-forward horizon (${H}) differs from the model's (${inputs.window.horizon}).`,
    )
  }
  const used: number[] = []
  const windows: InputBatch[] = []
  const skipped: number[] = []
  for (const origin of plan.origins) {
    const w = inputWindow(source, origin, inputs.window)
    if (w === null) skipped.push(origin)
    else {
      used.push(origin)
      windows.push(w)
    }
  }
  if (used.length === 0) {
    throw new TrainError(
      'NO_FORECASTS',
      `None of the ${plan.origins.length} walk-forward origins could be forecast: each input ` +
        'window touches a missing value. Allow short gaps to be interpolated, or move the split.',
    )
  }
  const batch = stackInputs(windows, inputs.window, source.covariates.length)
  const out = await forecast(batch)
  if (out.length !== used.length * H * Q) {
    throw new TrainError(
      'BAD_FORECAST',
      `The forecaster returned ${out.length} values for ${used.length} origins × ${H} × ${Q}.`,
    )
  }
  const toOriginal = scoring.toOriginal ?? ((v: Float64Array) => v)
  const forecasts: OriginForecast[] = used.map((origin, i) => {
    const level = (q: number) => {
      const row = new Float64Array(H)
      for (let h = 0; h < H; h++) row[h] = out[(i * H + h) * Q + q]
      return toOriginal(row)
    }
    const actual = new Float64Array(H)
    for (let h = 0; h < H; h++) actual[h] = scoring.target[origin + h]
    return {
      origin,
      time: scoring.timestamps ? scoring.timestamps[origin] : NaN,
      p10: level(0),
      p50: level(Math.floor(Q / 2)),
      p90: level(Q - 1),
      actual,
    }
  })
  const pooled = (pick: (f: OriginForecast) => Float64Array) => {
    const all = new Float64Array(forecasts.length * H)
    forecasts.forEach((f, i) => all.set(pick(f), i * H))
    return all
  }
  const scaleEnd = scoring.scaleEnd ?? plan.start
  const metrics = forecastMetrics(
    {
      actual: pooled((f) => f.actual),
      p10: pooled((f) => f.p10),
      p50: pooled((f) => f.p50),
      p90: pooled((f) => f.p90),
    },
    {
      seasonal24: seasonalScale(scoring.target, 24, 0, scaleEnd),
      seasonal168: seasonalScale(scoring.target, 168, 0, scaleEnd),
    },
  )
  return {
    plan,
    forecasts,
    skipped,
    metrics,
    objectives: objectiveValues(metrics, scoring.picpTarget ?? DEFAULT_PICP_TARGET),
  }
}
