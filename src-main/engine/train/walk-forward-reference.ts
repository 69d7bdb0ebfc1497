// The slow, obvious walk-forward evaluation: for each origin of the plan, ask the forecaster for
// H steps from the history before it, map the quantiles back to original units, pair them with
// the raw actuals, and score everything pooled (MODELS.md §7–8). It calls the forecaster one
// origin at a time, so it is the oracle for a batched evaluation, and it is what baselines and
// the first trainers plug into: the NHITS trainer passes a callback that runs its predict graph
// on the input window ending at `historyEnd`.

import { forecastMetrics, objectiveValues, type ForecastMetrics } from '../metrics/summary'
import { seasonalScale } from '../metrics/mase'
import { DEFAULT_PICP_TARGET, type QuantileForecast } from '../metrics/types'
import { TrainError } from './train-error'
import type { WalkForwardPlan } from './walk-forward-plan'

/**
 * Forecasts H steps from the history [0, historyEnd): rows historyEnd … historyEnd + H − 1.
 * Returns null to decline an origin (its input window has a gap it cannot fill); the origin is
 * then skipped and reported, not scored.
 */
export type Forecaster = (historyEnd: number) => QuantileForecast | null

export interface OriginForecast {
  /** Grid row of the first forecast step (= historyEnd). */
  origin: number
  /** Its instant in UTC ms, when timestamps were given; NaN otherwise. */
  time: number
  /** Original units. */
  p10: Float64Array
  p50: Float64Array
  p90: Float64Array
  /** Raw actuals, NaN where missing. */
  actual: Float64Array
}

export interface WalkForwardScoring {
  /** The raw target over the whole grid, original units, NaN for missing. */
  target: ArrayLike<number>
  timestamps?: ArrayLike<number>
  /** Maps one forecast row to original units (e.g. the target's inverse MinMax); identity if absent. */
  toOriginal?: (values: Float64Array) => Float64Array
  /** MASE scales come from raw target rows [0, scaleEnd); default the plan's start (all history before the scored split). */
  scaleEnd?: number
  picpTarget?: number
}

export interface WalkForwardResult {
  plan: WalkForwardPlan
  forecasts: OriginForecast[]
  /** Origins the forecaster declined. */
  skipped: number[]
  metrics: ForecastMetrics
  /** [MAE, |PICP − target|]. */
  objectives: [number, number]
}

export function walkForwardReference(
  plan: WalkForwardPlan,
  forecast: Forecaster,
  scoring: WalkForwardScoring,
): WalkForwardResult {
  const H = plan.horizon
  const toOriginal = scoring.toOriginal ?? ((v: Float64Array) => v)
  const forecasts: OriginForecast[] = []
  const skipped: number[] = []
  for (const origin of plan.origins) {
    const out = forecast(origin)
    if (out === null) {
      skipped.push(origin)
      continue
    }
    const rows = { p10: out.p10, p50: out.p50, p90: out.p90 }
    for (const [name, row] of Object.entries(rows)) {
      if (row.length !== H) {
        throw new TrainError(
          'BAD_FORECAST',
          `The forecast from row ${origin} has ${row.length} ${name} values; the horizon is ${H}.`,
        )
      }
    }
    const actual = new Float64Array(H)
    for (let h = 0; h < H; h++) actual[h] = scoring.target[origin + h]
    forecasts.push({
      origin,
      time: scoring.timestamps ? scoring.timestamps[origin] : NaN,
      p10: toOriginal(Float64Array.from(out.p10)),
      p50: toOriginal(Float64Array.from(out.p50)),
      p90: toOriginal(Float64Array.from(out.p90)),
      actual,
    })
  }
  if (forecasts.length === 0) {
    throw new TrainError(
      'NO_FORECASTS',
      `None of the ${plan.origins.length} walk-forward origins could be forecast: each input ` +
        'window touches a missing value. Allow short gaps to be interpolated, or move the split.',
    )
  }
  // Pool every forecast hour of every origin, as the benchmarker does.
  const pooled = (pick: (f: OriginForecast) => Float64Array) => {
    const all: number[] = []
    for (const f of forecasts) all.push(...pick(f))
    return all
  }
  const points = {
    actual: pooled((f) => f.actual),
    p10: pooled((f) => f.p10),
    p50: pooled((f) => f.p50),
    p90: pooled((f) => f.p90),
  }
  const scaleEnd = scoring.scaleEnd ?? plan.start
  const metrics = forecastMetrics(points, {
    seasonal24: seasonalScale(scoring.target, 24, 0, scaleEnd),
    seasonal168: seasonalScale(scoring.target, 168, 0, scaleEnd),
  })
  return {
    plan,
    forecasts,
    skipped,
    metrics,
    objectives: objectiveValues(metrics, scoring.picpTarget ?? DEFAULT_PICP_TARGET),
  }
}
