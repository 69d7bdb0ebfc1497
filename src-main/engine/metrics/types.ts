// Shapes shared by the metric groups. A forecast is three quantile rows (p10, p50, p90) over the
// same points as the actuals; all metrics pool every point (every forecast hour of every origin),
// in original units, as the thesis's benchmarker does (MODELS.md §8).

/** The quantile levels every Frontier model emits, in sorted order (MODELS.md §1). */
export const QUANTILE_LEVELS = [0.1, 0.5, 0.9] as const

/** The PICP target in percent: the nominal coverage of the 10–90 % interval. */
export const DEFAULT_PICP_TARGET = 80

/** Winkler's α: the interval is the central 1 − α = 80 % one. */
export const WINKLER_ALPHA = 0.2

/**
 * Forecast quantiles over N points. Struct of arrays, because a predict graph returns whole rows
 * and the metrics read each level as one stream.
 */
export interface QuantileForecast {
  p10: ArrayLike<number>
  p50: ArrayLike<number>
  p90: ArrayLike<number>
}

/** Forecasts and the actuals they are scored against, index for index. */
export interface ScoredPoints extends QuantileForecast {
  /** NaN marks a missing actual: that point is left out of every metric and counted. */
  actual: ArrayLike<number>
}
