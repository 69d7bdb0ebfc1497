// The metric groups, re-exported; no logic here.

export * from './types'
export { assertAligned, countMissing, mae } from './point'
export { miw, picp, winkler } from './interval'
export {
  CRPS_NODES,
  crps,
  crpsPinball,
  crpsPoint,
  pinball,
  pinballAt,
  quantileFunction,
} from './quantile'
export { MASE_PERIODS, mase, seasonalScale } from './mase'
export * from './summary'
