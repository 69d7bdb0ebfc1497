// Train / validation / test split on the regular grid, by fractions or by dates, checked against
// what training and walk-forward validation need: every part must hold at least one input window
// plus a horizon, and validation and test must hold an input window followed by all forecast
// origins' horizons. Training may begin later than the first row (after a level shift, say): the
// validation and test parts stay where the fractions or dates put them on the whole series, and
// only the training part shrinks to [trainStart, trainEnd).

import type { ResolvedSplit, SplitRequirements, SplitSpec } from './types'
import { DataError } from './data-error'
import { formatCount, formatInstant } from './format'

export const DEFAULT_SPLIT: SplitSpec = { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 }

export const DEFAULT_REQUIREMENTS: SplitRequirements = {
  inputLength: 168,
  horizon: 24,
  origins: 10,
}

const SUM_TOLERANCE = 1e-9

/** `gridTimestamps` is the series' regular grid, ascending. */
export function resolveSplit(
  gridTimestamps: Float64Array,
  spec: SplitSpec,
  req: SplitRequirements,
): ResolvedSplit {
  const length = gridTimestamps.length
  if (length < 2) {
    throw new DataError('INVALID_SPLIT', 'A series of fewer than two time steps cannot be split.')
  }
  const [trainEnd, valEnd] =
    spec.kind === 'fractions' ? byFractions(length, spec) : byDates(gridTimestamps, spec)
  const step = gridTimestamps[1] - gridTimestamps[0]
  const timeAt = (i: number) =>
    i < length ? gridTimestamps[i] : gridTimestamps[length - 1] + (i - length + 1) * step
  const trainStart = byStart(gridTimestamps, spec.trainStart, trainEnd)
  checkExclusion(spec.excludeConstantHours)
  const split: ResolvedSplit = {
    trainStart,
    trainStartTime: gridTimestamps[trainStart],
    trainEnd,
    valEnd,
    length,
    trainEndTime: timeAt(trainEnd),
    valEndTime: timeAt(valEnd),
  }
  checkLengths(split, req, gridTimestamps)
  return split
}

function byFractions(
  length: number,
  spec: { train: number; val: number; test: number },
): [number, number] {
  const parts = [spec.train, spec.val, spec.test]
  if (parts.some((p) => !Number.isFinite(p) || p < 0 || p > 1)) {
    throw new DataError(
      'INVALID_SPLIT',
      `Split fractions must each lie between 0 and 1; got ${parts.join(' / ')}.`,
    )
  }
  const sum = parts[0] + parts[1] + parts[2]
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    throw new DataError(
      'INVALID_SPLIT',
      `The split fractions add up to ${sum} instead of 1 (train ${spec.train}, validation ` +
        `${spec.val}, test ${spec.test}). Adjust them so they sum to 1, e.g. 0.7 / 0.2 / 0.1.`,
    )
  }
  const trainEnd = Math.round(length * spec.train)
  const valEnd = Math.round(length * (spec.train + spec.val))
  return [trainEnd, Math.max(trainEnd, valEnd)]
}

function byDates(grid: Float64Array, spec: { trainEnd: number; valEnd: number }): [number, number] {
  const start = grid[0]
  const end = grid[grid.length - 1]
  const range = `the series runs from ${formatInstant(start)} to ${formatInstant(end)}`
  for (const [label, t] of [
    ['training end', spec.trainEnd],
    ['validation end', spec.valEnd],
  ] as const) {
    if (!Number.isFinite(t) || t <= start || t > end) {
      throw new DataError(
        'INVALID_SPLIT',
        `The ${label} (${Number.isFinite(t) ? formatInstant(t) : String(t)}) lies outside the ` +
          `series: ${range}. Pick a date after the start and no later than the end.`,
      )
    }
  }
  if (!(spec.trainEnd < spec.valEnd)) {
    throw new DataError(
      'INVALID_SPLIT',
      `The training end (${formatInstant(spec.trainEnd)}) must come before the validation end ` +
        `(${formatInstant(spec.valEnd)}).`,
    )
  }
  const trainEnd = lowerBound(grid, spec.trainEnd)
  const valEnd = lowerBound(grid, spec.valEnd)
  if (trainEnd === valEnd) {
    throw new DataError(
      'INVALID_SPLIT',
      `The training end (${formatInstant(spec.trainEnd)}) and validation end ` +
        `(${formatInstant(spec.valEnd)}) fall within one time step, leaving no validation part. ` +
        'Move them further apart.',
    )
  }
  return [trainEnd, valEnd]
}

/** The grid row training starts at: the first at or after `t`, before the training end. */
function byStart(grid: Float64Array, t: number | undefined, trainEnd: number): number {
  if (t === undefined) return 0
  const start = grid[0]
  if (!Number.isFinite(t) || t < start || lowerBound(grid, t) >= trainEnd) {
    const end = trainEnd < grid.length ? formatInstant(grid[trainEnd]) : 'the end of the series'
    throw new DataError(
      'INVALID_SPLIT',
      `The training start (${Number.isFinite(t) ? formatInstant(t) : String(t)}) must lie ` +
        `between the first row (${formatInstant(start)}) and the training end (${end}).`,
    )
  }
  return lowerBound(grid, t)
}

function checkExclusion(hours: number | undefined): void {
  if (hours === undefined || (Number.isFinite(hours) && hours >= 0)) return
  throw new DataError(
    'INVALID_SPLIT',
    `The shortest constant run to exclude from training must be 0 (keep them) or more hours; ` +
      `got ${hours}.`,
  )
}

/** Index of the first grid instant at or after t: instants snap forward to the grid. */
function lowerBound(grid: Float64Array, t: number): number {
  let lo = 0
  let hi = grid.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (grid[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

function checkLengths(split: ResolvedSplit, req: SplitRequirements, grid: Float64Array): void {
  const window = req.inputLength + req.horizon
  // Walk-forward (MODELS.md §7.1) puts its first origin one input length into the part, then
  // steps one horizon per origin: the part must hold L + origins × H steps.
  const walk = req.inputLength + req.origins * req.horizon
  const parts = [
    { name: 'training', from: split.trainStart ?? 0, to: split.trainEnd, needsWalk: false },
    { name: 'validation', from: split.trainEnd, to: split.valEnd, needsWalk: true },
    { name: 'test', from: split.valEnd, to: split.length, needsWalk: true },
  ]
  for (const part of parts) {
    const steps = part.to - part.from
    const need = part.needsWalk ? walk : window
    if (steps >= need) continue
    const span =
      steps > 0 ? ` (${formatInstant(grid[part.from])} to ${formatInstant(grid[part.to - 1])})` : ''
    const why = part.needsWalk
      ? `an input window of ${req.inputLength} steps, then ${req.origins} forecast origins × a horizon of ${req.horizon} steps`
      : `an input window of ${req.inputLength} steps plus a horizon of ${req.horizon}`
    throw new DataError(
      'SPLIT_TOO_SHORT',
      `The ${part.name} part has ${formatCount(steps)} time steps${span} but needs at least ` +
        `${formatCount(need)}: ${why}. Move the split dates or change the fractions to give it ` +
        'more time, use a longer series, or lower the input length, horizon or number of origins.',
    )
  }
}
