// All metrics of one scored forecast in one record, and the two objective values the study
// minimises: [MAE, |PICP − target|] (MODELS.md §7.1; target 80 %, PICP in percent).

import { miw, picp, winkler } from './interval'
import { mase } from './mase'
import { countMissing, mae } from './point'
import { crps, pinball } from './quantile'
import { DEFAULT_PICP_TARGET, WINKLER_ALPHA, type ScoredPoints } from './types'

/** In-sample seasonal-naive scales for MASE (see `seasonalScale`); NaN when undefined. */
export interface MaseScales {
  seasonal24: number
  seasonal168: number
}

export interface ForecastMetrics {
  mae: number
  /** Percent. */
  picp: number
  miw: number
  pinball: number
  crps: number
  winkler: number
  /** MASE with the daily (m = 24) scale: the thesis's MASE. */
  mase: number
  /** MASE with the weekly (m = 168) scale. */
  mase168: number
  /** Points scored (their actual is present). */
  points: number
  /** Points left out because their actual is missing. */
  missing: number
}

/** Metric names as stored on a trial (`TrialResult.metrics`), in display order. */
export const METRIC_NAMES = [
  'mae',
  'picp',
  'miw',
  'pinball',
  'crps',
  'winkler',
  'mase',
  'mase168',
] as const

export type MetricName = (typeof METRIC_NAMES)[number]

export function forecastMetrics(points: ScoredPoints, scales: MaseScales): ForecastMetrics {
  const { actual, p10, p50, p90 } = points
  return {
    mae: mae(actual, p50),
    picp: picp(actual, p10, p90),
    miw: miw(actual, p10, p90),
    pinball: pinball(points),
    crps: crps(points),
    winkler: winkler(actual, p10, p90, WINKLER_ALPHA),
    mase: mase(actual, p50, scales.seasonal24),
    mase168: mase(actual, p50, scales.seasonal168),
    points: actual.length - countMissing(actual),
    missing: countMissing(actual),
  }
}

/** The study's objectives, both minimised: [MAE, |PICP − target|]. */
export function objectiveValues(
  metrics: Pick<ForecastMetrics, 'mae' | 'picp'>,
  picpTarget: number = DEFAULT_PICP_TARGET,
): [number, number] {
  return [metrics.mae, Math.abs(metrics.picp - picpTarget)]
}

/**
 * The metrics as a trial stores them: finite values only, because the study file accepts only
 * finite numbers. An undefined metric (MASE on a constant series, say) is left out, not zeroed.
 */
export function metricRecord(metrics: ForecastMetrics): Partial<Record<MetricName, number>> {
  const record: Partial<Record<MetricName, number>> = {}
  for (const name of METRIC_NAMES) if (Number.isFinite(metrics[name])) record[name] = metrics[name]
  return record
}
