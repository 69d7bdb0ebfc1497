// Seasonal-naive forecasts, the bar every model must clear (DESIGN.md: a model must beat them on
// a seasonal series; issue 4: NHITS_Q by 10 % in MAE on the heat demo). The forecast for step h
// (0-based) after origin o repeats the value one season earlier: y[o + h − m·(⌊h/m⌋ + 1)], i.e.
// yesterday's (m = 24) or last week's (m = 168) value at the same hour, from history only. It is
// a point forecast, returned as p10 = p50 = p90 so every metric applies (its PICP counts only
// exact hits, its MIW is 0, its CRPS equals its MAE).

import type { QuantileForecast } from '../metrics/types'

export const SEASONAL_PERIODS = [24, 168] as const

/** Null when the history is too short or a value it repeats is missing: the origin is skipped. */
export function seasonalNaive(
  target: ArrayLike<number>,
  origin: number,
  horizon: number,
  period: number,
): QuantileForecast | null {
  const p50 = new Float64Array(horizon)
  for (let h = 0; h < horizon; h++) {
    const source = origin + h - period * (Math.floor(h / period) + 1)
    if (source < 0) return null
    const value = target[source]
    if (Number.isNaN(value)) return null
    p50[h] = value
  }
  return { p10: p50, p50, p90: p50 }
}

/** The seasonal-naive forecaster in the walk-forward callback's form. */
export function seasonalNaiveForecaster(
  target: ArrayLike<number>,
  horizon: number,
  period: number,
): (historyEnd: number) => QuantileForecast | null {
  return (historyEnd) => seasonalNaive(target, historyEnd, horizon, period)
}
