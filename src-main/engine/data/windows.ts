// Training windows and batches for the Darts-style models, laid out as Darts' NHiTS reads them
// (MODELS.md §3.2, §6):
//
// - A window starting at grid row s reads the target over [s, s + L + H) (L input steps, then the
//   H steps it learns to forecast) and every covariate over the L input steps [s, s + L) only.
//   NHITS_Q never sees a covariate value of the forecast horizon.
// - Covariates are stacked in StackedColumns order (past, then future-known incl. calendar), so
//   the model's input is [target, cov_0 … cov_{C−1}] per step: D = 1 + C channels, channel 0 the
//   target. `interleaveChannels` builds that [B, L, D] tensor; its row-major flattening is the
//   vector z[t·D + j] that NHiTS pools over.
// - Every window of the split is a candidate (stride 1: N − L − H + 1 of them); one that touches a
//   missing value in any column it reads is skipped, unless the short-gap interpolation option
//   filled that value first. A window that overlaps an excluded row range (a constant run the
//   dataset excludes from training, see constant-exclusion.ts) is skipped too. Each epoch shuffles the kept windows with a seeded generator and
//   cuts them into batches of B, keeping the last partial batch, as Darts' DataLoader does.
//
// Batches are Float32 (what the ONNX graphs take); Darts itself runs in float64, so results agree
// to float32 rounding only.

import { Rng } from '../rng'
import { DataError } from './data-error'
import { fillShortGaps } from './gap-fill'

export interface WindowShape {
  /** L: input steps the model reads. */
  inputLength: number
  /** H: steps it forecasts. */
  horizon: number
}

export const DEFAULT_WINDOW_SHAPE: WindowShape = { inputLength: 168, horizon: 24 }

/** The scaled model columns on the full grid (NaN = missing), in StackedColumns order. */
export interface WindowSource {
  target: Float64Array
  covariates: Float64Array[]
}

export interface WindowOptions extends WindowShape {
  /** Interpolate runs of at most this many missing steps before skipping windows; 0 = never. */
  maxGapFill?: number
  /** Row ranges [from, to) no training window may overlap (its L + H steps); default none. */
  excludedRows?: readonly RowRange[]
}

export interface RowRange {
  from: number
  to: number
}

export interface TrainingWindows {
  /** The source the starts index into: the input itself, or a gap-filled copy of it. */
  source: WindowSource
  shape: WindowShape
  /** First grid row of each kept window, ascending. */
  starts: Int32Array
  /** Windows the range could hold (stride 1). */
  candidates: number
  /** Candidates left out because they touch a missing value. */
  skipped: number
  /** Candidates left out because they overlap an excluded row range (and no missing value). */
  excluded: number
  /** Values filled by interpolation (0 unless maxGapFill > 0). */
  filled: number
}

/** The windows that fit entirely inside grid rows [start, end), e.g. the training split. */
export function trainingWindows(
  source: WindowSource,
  range: { start: number; end: number },
  options: WindowOptions,
): TrainingWindows {
  const { inputLength: L, horizon: H } = checkShape(options)
  const maxGap = options.maxGapFill ?? 0
  const { start, end } = range
  let filled = 0
  let used = source
  if (maxGap > 0) {
    // Fill inside the range only, so no value from a later split reaches a training window.
    const fill = (values: Float64Array) => {
      const result = fillShortGaps(values, maxGap, start, end)
      filled += result.filled
      return result.values
    }
    used = { target: fill(source.target), covariates: source.covariates.map(fill) }
  }
  const candidates = Math.max(0, end - start - L - H + 1)
  if (candidates === 0) {
    throw new DataError(
      'SPLIT_TOO_SHORT',
      `The training part has ${end - start} steps, fewer than one window of ${L} input steps ` +
        `plus a horizon of ${H}. Give training more time or lower the input length or horizon.`,
    )
  }
  // Prefix counts of missing rows make each window's check O(1).
  const badTarget = missingPrefix(start, end, (i) => Number.isNaN(used.target[i]))
  const badCovariate = missingPrefix(start, end, (i) =>
    used.covariates.some((c) => Number.isNaN(c[i])),
  )
  const excludedMark = new Uint8Array(end - start)
  for (const r of options.excludedRows ?? []) {
    for (let i = Math.max(r.from, start); i < Math.min(r.to, end); i++) excludedMark[i - start] = 1
  }
  const inExcluded = missingPrefix(start, end, (i) => excludedMark[i - start] === 1)
  const kept: number[] = []
  let excluded = 0
  for (let s = start; s < start + candidates; s++) {
    const o = s - start
    if (badTarget[o + L + H] - badTarget[o] > 0) continue
    if (badCovariate[o + L] - badCovariate[o] > 0) continue
    if (inExcluded[o + L + H] - inExcluded[o] > 0) {
      excluded++
      continue
    }
    kept.push(s)
  }
  if (kept.length === 0 && excluded > 0) {
    throw new DataError(
      'SPLIT_TOO_SHORT',
      `Every training window either touches a missing value or overlaps a constant run excluded ` +
        `from training (${excluded} of ${candidates}). Keep constant runs in training, move the ` +
        'training start, or give training more time.',
    )
  }
  if (kept.length === 0) {
    throw new DataError(
      'SPLIT_TOO_SHORT',
      `Every one of the ${candidates} training windows touches a missing value. Fill the gaps, ` +
        'allow short gaps to be interpolated, or drop the covariates that are mostly missing.',
    )
  }
  return {
    source: used,
    shape: { inputLength: L, horizon: H },
    starts: Int32Array.from(kept),
    candidates,
    skipped: candidates - kept.length - excluded,
    excluded,
    filled,
  }
}

function checkShape(shape: WindowShape): WindowShape {
  for (const [name, v] of [
    ['input length', shape.inputLength],
    ['horizon', shape.horizon],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`The ${name} must be a positive whole number of steps; got ${v}.`)
    }
  }
  return shape
}

function missingPrefix(start: number, end: number, missing: (i: number) => boolean): Int32Array {
  const prefix = new Int32Array(end - start + 1)
  for (let i = start; i < end; i++) prefix[i - start + 1] = prefix[i - start] + (missing(i) ? 1 : 0)
  return prefix
}

/** Model inputs of B windows: target [B, L] and covariates [B, L, C], row-major. */
export interface InputBatch {
  size: number
  target: Float32Array
  covariates: Float32Array
}

/** A training batch: the inputs plus the forecast targets [B, H]. */
export interface WindowBatch extends InputBatch {
  /** First grid row of each window. */
  starts: Int32Array
  future: Float32Array
}

/** Copies the windows starting at `starts` out of the source. */
export function gatherBatch(
  source: WindowSource,
  starts: ArrayLike<number>,
  shape: WindowShape,
): WindowBatch {
  const { inputLength: L, horizon: H } = shape
  const C = source.covariates.length
  const B = starts.length
  const target = new Float32Array(B * L)
  const covariates = new Float32Array(B * L * C)
  const future = new Float32Array(B * H)
  for (let b = 0; b < B; b++) {
    const s = starts[b]
    for (let t = 0; t < L; t++) {
      target[b * L + t] = source.target[s + t]
      const row = (b * L + t) * C
      for (let c = 0; c < C; c++) covariates[row + c] = source.covariates[c][s + t]
    }
    for (let h = 0; h < H; h++) future[b * H + h] = source.target[s + L + h]
  }
  return { size: B, starts: Int32Array.from(starts), target, covariates, future }
}

/**
 * Seeded shuffled batches over the kept windows. Epoch e's order depends only on (seed, e), so a
 * trial can be resumed or replayed epoch by epoch. The generator is the graph engine's (the one
 * that also draws initial weights and dropout masks), on its own named stream.
 */
export class BatchSampler {
  readonly batchSize: number
  readonly batchesPerEpoch: number

  constructor(
    private readonly windows: TrainingWindows,
    batchSize: number,
    private readonly seed: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`The batch size must be a positive whole number; got ${batchSize}.`)
    }
    this.batchSize = batchSize
    this.batchesPerEpoch = Math.ceil(windows.starts.length / batchSize)
  }

  /** The epoch's window starts in visiting order (a Fisher–Yates shuffle of the kept starts). */
  order(epoch: number): Int32Array {
    return new Rng(this.seed, 'window-order', epoch).shuffle(Int32Array.from(this.windows.starts))
  }

  /** The epoch's batches; the last one is smaller when the windows do not divide evenly. */
  *epoch(epoch: number): Generator<WindowBatch> {
    const order = this.order(epoch)
    for (let i = 0; i < order.length; i += this.batchSize) {
      yield gatherBatch(
        this.windows.source,
        order.subarray(i, i + this.batchSize),
        this.windows.shape,
      )
    }
  }
}

/**
 * The input window that ends just before grid row `end` (the forecast origin): rows [end − L,
 * end). With `maxGapFill`, short gaps are interpolated from the history alone (rows before `end`),
 * so no future value leaks in. Null when a value is still missing or the history is too short:
 * the caller skips that origin.
 */
export function inputWindow(
  source: WindowSource,
  end: number,
  options: WindowOptions,
): InputBatch | null {
  const { inputLength: L } = checkShape(options)
  const maxGap = options.maxGapFill ?? 0
  if (end - L < 0 || end > source.target.length) return null
  // A gap reaching into the window may start up to maxGap steps before it.
  const from = Math.max(0, end - L - maxGap)
  const read = (values: Float64Array) =>
    maxGap > 0
      ? fillShortGaps(values.subarray(from, end), maxGap).values.subarray(end - L - from)
      : values.subarray(end - L, end)
  const target = read(source.target)
  const columns = source.covariates.map(read)
  if (target.some(Number.isNaN) || columns.some((c) => c.some(Number.isNaN))) return null
  const C = columns.length
  const covariates = new Float32Array(L * C)
  for (let t = 0; t < L; t++) for (let c = 0; c < C; c++) covariates[t * C + c] = columns[c][t]
  return { size: 1, target: Float32Array.from(target), covariates }
}

/** Stacks single inputs (e.g. one per walk-forward origin) into one batch. */
export function stackInputs(
  inputs: readonly InputBatch[],
  shape: WindowShape,
  channels: number,
): InputBatch {
  const L = shape.inputLength
  const size = inputs.reduce((n, x) => n + x.size, 0)
  const target = new Float32Array(size * L)
  const covariates = new Float32Array(size * L * channels)
  let b = 0
  for (const x of inputs) {
    target.set(x.target, b * L)
    covariates.set(x.covariates, b * L * channels)
    b += x.size
  }
  return { size, target, covariates }
}

/**
 * NHiTS' input tensor [B, L, D] with D = 1 + C: channel 0 the target, channels 1… the covariates
 * in stacking order. Flattened row-major it is z[b][t·D + j] (MODELS.md §3.2).
 */
export function interleaveChannels(
  batch: InputBatch,
  inputLength: number,
  covariateCount: number,
): Float32Array {
  const L = inputLength
  const C = covariateCount
  const D = 1 + C
  const out = new Float32Array(batch.size * L * D)
  for (let b = 0; b < batch.size; b++) {
    for (let t = 0; t < L; t++) {
      const row = (b * L + t) * D
      out[row] = batch.target[b * L + t]
      for (let c = 0; c < C; c++) out[row + 1 + c] = batch.covariates[(b * L + t) * C + c]
    }
  }
  return out
}
