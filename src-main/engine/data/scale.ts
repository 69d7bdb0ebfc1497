// The two scalers of MODELS.md §2.
//
// 1. Darts models (NHITS_Q, TFT_Q): a global MinMax to [0, 1] per component, fitted on the
//    training split only and applied to every split. The thesis fits three Darts `Scaler()`s
//    (target, past covariates, future covariates), but each scales its components
//    independently, so one per-column scaler over all columns is the same map. The arithmetic is
//    sklearn's MinMaxScaler's (x·s + o with s = 1/range, o = −min·s), so float64 results match it
//    bit for bit rather than to rounding; missing values are ignored when fitting (nanmin/nanmax)
//    and stay NaN when applying.
// 2. NeuralForecast's `scaler_type="robust"` (TIMESNET_Q): per window and channel, median and MAD
//    of the insample rows, as a pure function for the TimesNet trainer.

import { DataError } from './data-error'
import type { SeriesColumn } from './types'

/** Per-component MinMax parameters; index i belongs to the i-th fitted column. */
export interface MinMaxScaler {
  names: string[]
  min: Float64Array
  /** max − min over the training rows; a (near-)zero range is replaced by 1, as sklearn does. */
  range: Float64Array
}

// sklearn's _handle_zeros_in_scale treats ranges below 10 machine epsilons as constant.
const CONSTANT_RANGE = 10 * Number.EPSILON

/** Fits on rows [start, end) of each column: the training split, never more. */
export function fitMinMax(columns: readonly SeriesColumn[], end: number, start = 0): MinMaxScaler {
  const min = new Float64Array(columns.length)
  const range = new Float64Array(columns.length)
  columns.forEach((column, c) => {
    let lo = Infinity
    let hi = -Infinity
    for (let i = start; i < end; i++) {
      const v = column.values[i]
      if (v < lo) lo = v // NaN compares false: skipped
      if (v > hi) hi = v
    }
    if (lo === Infinity) {
      throw new DataError(
        'INVALID_ROLES',
        `The column "${column.name}" has no values in the training split, so it cannot be ` +
          'scaled. Give it another role (or none), or move the split so training includes some.',
      )
    }
    const r = hi - lo
    min[c] = lo
    range[c] = r < CONSTANT_RANGE ? 1 : r
  })
  return { names: columns.map((c) => c.name), min, range }
}

/** Scales one component's values into a new array (or into `out`). */
export function applyMinMax(
  scaler: MinMaxScaler,
  component: number,
  values: ArrayLike<number>,
  out: Float64Array = new Float64Array(values.length),
): Float64Array {
  const s = 1 / scaler.range[component]
  const o = -scaler.min[component] * s
  for (let i = 0; i < values.length; i++) out[i] = values[i] * s + o
  return out
}

/** Maps scaled values of one component back to original units (forecasts, samples). */
export function inverseMinMax(
  scaler: MinMaxScaler,
  component: number,
  values: ArrayLike<number>,
  out: Float64Array = new Float64Array(values.length),
): Float64Array {
  const s = 1 / scaler.range[component]
  const o = -scaler.min[component] * s
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - o) / s
  return out
}

/** Every fitted column scaled, in the scaler's order. */
export function applyMinMaxColumns(
  scaler: MinMaxScaler,
  columns: readonly SeriesColumn[],
): SeriesColumn[] {
  return columns.map((column, c) => ({
    name: column.name,
    values: applyMinMax(scaler, c, column.values),
  }))
}

// ---------------------------------------------------------------------------------------------
// NeuralForecast robust scaler (MODELS.md §2.2)

/** NF's fallback constant: MAD ≈ 0.6745·σ for a normal distribution. */
const MAD_PER_STD = 0.6744897501960817
const ROBUST_EPS = 1e-6

export interface RobustStats {
  median: number
  /** MAD (or its fallbacks) + 1e-6; divide by it to normalise. */
  scale: number
}

/**
 * Robust statistics of one channel over the positions where `mask` is non-zero (all positions
 * when absent). NaN values count as masked, like torch.nanmedian. Medians are LOWER medians (the
 * smaller middle value for an even count), as torch.nanmedian returns. With no usable value the
 * result is NaN, so a window that NF would never build cannot pass unnoticed.
 */
export function robustStatistics(
  values: ArrayLike<number>,
  mask?: ArrayLike<number | boolean>,
): RobustStats {
  const xs: number[] = []
  for (let i = 0; i < values.length; i++) {
    if (mask && !mask[i]) continue
    if (!Number.isNaN(values[i])) xs.push(values[i])
  }
  if (xs.length === 0) return { median: NaN, scale: NaN }
  const median = lowerMedian(xs)
  let mad = lowerMedian(xs.map((x) => Math.abs(x - median)))
  if (mad === 0) {
    let mean = 0
    for (const x of xs) mean += x
    mean /= xs.length
    let ss = 0
    for (const x of xs) ss += (x - mean) * (x - mean)
    mad = MAD_PER_STD * Math.sqrt(ss / xs.length) // population std, as NF's masked mean
  }
  if (mad === 0) mad = 1
  return { median, scale: mad + ROBUST_EPS }
}

function lowerMedian(xs: number[]): number {
  const sorted = Float64Array.from(xs).sort()
  return sorted[(sorted.length - 1) >> 1]
}

export interface RobustWindow {
  /** The window normalised, same [rows, channels] row-major layout as the input. */
  normalized: Float64Array
  median: Float64Array
  scale: Float64Array
}

/**
 * Normalises one window laid out [rows = L + H, channels] row-major, channel by channel, with
 * statistics from the first `insample` rows only, restricted to rows where `available` (the
 * target's availability, applied to every channel as NF does) is non-zero. Every row, horizon
 * included, is mapped with the same statistics. Keep median[0] and scale[0] of the target channel
 * to map predictions back with `robustInverse`.
 */
export function robustScaleWindow(
  window: ArrayLike<number>,
  rows: number,
  channels: number,
  insample: number,
  available?: ArrayLike<number | boolean>,
): RobustWindow {
  if (window.length !== rows * channels) {
    throw new RangeError(
      `A window of ${rows} × ${channels} needs ${rows * channels} values; got ${window.length}.`,
    )
  }
  const normalized = new Float64Array(rows * channels)
  const median = new Float64Array(channels)
  const scale = new Float64Array(channels)
  const mask = new Uint8Array(insample)
  for (let t = 0; t < insample; t++) mask[t] = !available || available[t] ? 1 : 0
  const column = new Float64Array(insample)
  for (let c = 0; c < channels; c++) {
    for (let t = 0; t < insample; t++) column[t] = window[t * channels + c]
    const stats = robustStatistics(column, mask)
    median[c] = stats.median
    scale[c] = stats.scale
    for (let t = 0; t < rows; t++) {
      normalized[t * channels + c] = (window[t * channels + c] - stats.median) / stats.scale
    }
  }
  return { normalized, median, scale }
}

/** Maps normalised predictions back: ŷ = z·scale + median. */
export function robustInverse(z: ArrayLike<number>, stats: RobustStats): Float64Array {
  const out = new Float64Array(z.length)
  for (let i = 0; i < z.length; i++) out[i] = z[i] * stats.scale + stats.median
  return out
}
