// Where the walk-forward validation forecasts from (MODELS.md §7). The model is trained once and
// then rolled forward over the scored split with no refit: origin i forecasts grid rows
// [o_i, o_i + H) from the history [0, o_i) (the model reads its last L rows).
//
// Which origins: the FIRST N of the split, stride H, as the thesis's HPO objective does
// (hpo/run_hpo.py, §7.1). For the Darts models (NHITS_Q, TFT_Q) it builds the history from the
// validation split alone, so the first origin sits L rows into the split (o_i = start + L + i·H,
// validation days 8…17 for L = 168, N = 10) — that is the default here, `offset = inputLength`.
// Its TimesNet path and the test benchmark (§7.2) start at the split's first row instead
// (`offset: 0`); the history then reaches back into the previous split, which is allowed because
// only actuals of the scored split are scored. Spreading origins over the whole split is not
// what the thesis does and is not offered.
//
// The thesis stops quietly when the split runs out; here a plan that cannot hold all N origins is
// refused, so a study never scores fewer forecast days than it says.

import { DataError } from '../data/data-error'
import type { ResolvedSplit } from '../data/types'
import { TrainError } from './train-error'

export interface WalkForwardOptions {
  /** N: forecast origins (default 10). */
  origins?: number
  /** H: steps forecast from each origin (default 24). */
  horizon?: number
  /** Steps between origins (default H: consecutive, non-overlapping days). */
  stride?: number
  /** L: the model's input length (default 168); the default offset. */
  inputLength?: number
  /** Rows from the split's start to the first origin (default L, the thesis's Darts convention). */
  offset?: number
}

export const DEFAULT_WALK_FORWARD = { origins: 10, horizon: 24, inputLength: 168 } as const

export interface WalkForwardPlan {
  /** The scored split, grid rows [start, end). */
  start: number
  end: number
  horizon: number
  stride: number
  /** Grid row of each origin's first forecast step, ascending; history = rows before it. */
  origins: number[]
}

/** The plan over grid rows [start, end) — usually the validation split. */
export function walkForwardPlan(
  range: { start: number; end: number },
  options: WalkForwardOptions = {},
): WalkForwardPlan {
  const count = options.origins ?? DEFAULT_WALK_FORWARD.origins
  const horizon = options.horizon ?? DEFAULT_WALK_FORWARD.horizon
  const stride = options.stride ?? horizon
  const inputLength = options.inputLength ?? DEFAULT_WALK_FORWARD.inputLength
  const offset = options.offset ?? inputLength
  const positive = { origins: count, horizon, stride, 'input length': inputLength }
  for (const [name, v] of Object.entries(positive)) {
    if (!Number.isInteger(v) || v < 1) {
      throw new TrainError(
        'INVALID_OPTIONS',
        `The walk-forward ${name} must be a positive whole number; got ${v}.`,
      )
    }
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new TrainError(
      'INVALID_OPTIONS',
      `The first-origin offset must be a whole number ≥ 0; got ${offset}.`,
    )
  }
  const { start, end } = range
  const needed = offset + (count - 1) * stride + horizon
  if (end - start < needed) {
    throw new DataError(
      'SPLIT_TOO_SHORT',
      `Walk-forward validation needs ${needed} steps in the validation part (${offset} before the ` +
        `first origin, then ${count} origins ${stride} apart with a horizon of ${horizon}) but it ` +
        `has ${end - start}. Give validation more time, or use fewer origins or a shorter horizon.`,
    )
  }
  if (start - inputLength + offset < 0) {
    throw new DataError(
      'SPLIT_TOO_SHORT',
      `The first forecast origin has fewer than ${inputLength} steps of history before it. ` +
        'Give training more time or lower the input length.',
    )
  }
  const origins: number[] = []
  for (let i = 0; i < count; i++) origins.push(start + offset + i * stride)
  return { start, end, horizon, stride, origins }
}

/** The plan over the validation split of a resolved split. */
export function validationPlan(
  split: ResolvedSplit,
  options: WalkForwardOptions = {},
): WalkForwardPlan {
  return walkForwardPlan({ start: split.trainEnd, end: split.valEnd }, options)
}

/**
 * The plan over the test split: the same origins, horizon and first-origin offset as
 * validationPlan, placed in [valEnd, end of series). The history before each origin spans the
 * training and validation splits (and the test rows already past); the model is not refit.
 */
export function testPlan(split: ResolvedSplit, options: WalkForwardOptions = {}): WalkForwardPlan {
  return walkForwardPlan({ start: split.valEnd, end: split.length }, options)
}
