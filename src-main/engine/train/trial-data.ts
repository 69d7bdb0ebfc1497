// A trial's data, ready to train on (DESIGN.md "Data flow of one trial"): the split resolved and
// checked against the window and walk-forward needs, the model's columns in stacking order,
// MinMax fitted on the training split (from its start, so a regime the user cut off does not
// stretch the scale) and applied to all rows, the kept training windows (none overlapping an
// excluded constant run) and validation windows, and the walk-forward plan over the validation
// split.

import { DEFAULT_EXCLUDE_CONSTANT_HOURS, excludedConstantRows } from '../data/constant-exclusion'
import { DataError } from '../data/data-error'
import { applyMinMaxColumns, fitMinMax, inverseMinMax, type MinMaxScaler } from '../data/scale'
import { DEFAULT_SPLIT, resolveSplit } from '../data/split'
import { stackedColumns } from '../data/stacked-covariates'
import type { ResolvedSplit, Roles, Series, SplitSpec } from '../data/types'
import {
  trainingWindows,
  type TrainingWindows,
  type WindowOptions,
  type WindowSource,
} from '../data/windows'
import { validationPlan, type WalkForwardPlan } from './walk-forward-plan'

export interface TrialData {
  series: Series
  roles: Roles
  /** IANA zone the calendar covariates are computed in (the dataset's profile timezone). */
  timezone: string
  /**
   * Default: 70 / 20 / 10 by fractions. Its trainStart and excludeConstantHours (default 24)
   * decide which rows training windows may read.
   */
  split?: SplitSpec
}

export interface PrepareOptions extends WindowOptions {
  origins: number
}

export interface PreparedData {
  split: ResolvedSplit
  /** Names of the model's columns: the target, then the covariates in stacking order. */
  columns: string[]
  scaler: MinMaxScaler
  /** Scaled columns on the full grid. */
  source: WindowSource
  /** The raw target, original units (what forecasts are scored against). */
  target: Float64Array
  train: TrainingWindows
  /** Null when every validation window touches a gap (no validation loss then). */
  validation: TrainingWindows | null
  plan: WalkForwardPlan
  /** Scaled target values → original units. */
  toOriginal: (values: Float64Array) => Float64Array
}

export function prepareTrialData(data: TrialData, o: PrepareOptions): PreparedData {
  const { series } = data
  const split = resolveSplit(series.timestamps, data.split ?? DEFAULT_SPLIT, {
    inputLength: o.inputLength,
    horizon: o.horizon,
    origins: o.origins,
  })
  const stacked = stackedColumns(series, data.roles, data.timezone)
  const columns = [stacked.target, ...stacked.covariates]
  const trainStart = split.trainStart ?? 0
  const scaler = fitMinMax(columns, split.trainEnd, trainStart)
  const scaled = applyMinMaxColumns(scaler, columns)
  const source = { target: scaled[0].values, covariates: scaled.slice(1).map((c) => c.values) }
  const hours = data.split?.excludeConstantHours ?? DEFAULT_EXCLUDE_CONSTANT_HOURS
  const excludedRows = excludedConstantRows(series, data.roles, hours)
  const train = trainingWindows(
    source,
    { start: trainStart, end: split.trainEnd },
    { ...o, excludedRows },
  )
  let validation: TrainingWindows | null = null
  try {
    validation = trainingWindows(source, { start: split.trainEnd, end: split.valEnd }, o)
  } catch (error) {
    if (!(error instanceof DataError)) throw error
  }
  return {
    split,
    columns: columns.map((c) => c.name),
    scaler,
    source,
    target: stacked.target.values,
    train,
    validation,
    plan: validationPlan(split, {
      origins: o.origins,
      horizon: o.horizon,
      inputLength: o.inputLength,
    }),
    toOriginal: (values) => inverseMinMax(scaler, 0, values),
  }
}
