// Facts the Datasets view derives from a record: the target's gaps, the parts of the split with
// their lengths. Kept out of components so they are tested without a DOM.
import type {
  ColumnRun,
  ConstantRun,
  Profile,
  ResolvedSplit,
  SplitSpec,
} from '@shared/dataset-types'

/** A stretch of time the user asked to look at (first and last instant). */
export interface TimeSpan {
  from: number
  to: number
}

/** Missing-value runs of one column; absent rows are included, as the profile records them. */
export function gapRunsOf(profile: Profile, column: string): ColumnRun[] {
  return profile.gaps.filter((g) => g.column === column)
}

export function constantRunsOf(profile: Profile, column: string): ConstantRun[] {
  return profile.constantRuns.filter((r) => r.column === column)
}

export interface SplitPart {
  key: 'train' | 'val' | 'test'
  label: string
  /** First instant. */
  start: number
  /** Last instant (inclusive). */
  last: number
  steps: number
  /** Duration covered, steps × frequency. */
  ms: number
}

export function splitParts(profile: Profile, split: ResolvedSplit): SplitPart[] {
  const step = profile.frequencyMs
  const part = (key: SplitPart['key'], label: string, from: number, to: number): SplitPart => ({
    key,
    label,
    start: profile.start + from * step,
    last: profile.start + (to - 1) * step,
    steps: to - from,
    ms: (to - from) * step,
  })
  return [
    part('train', 'Train', split.trainStart ?? 0, split.trainEnd),
    part('val', 'Validation', split.trainEnd, split.valEnd),
    part('test', 'Test', split.valEnd, split.length),
  ]
}

export interface Percents {
  train: number
  val: number
  test: number
}

/** The split as percentages: the user's own numbers for a fraction split, else measured. */
export function splitPercents(spec: SplitSpec, resolved: ResolvedSplit): Percents {
  if (spec.kind === 'fractions') {
    return { train: pct(spec.train), val: pct(spec.val), test: pct(spec.test) }
  }
  const n = Math.max(1, resolved.length)
  return {
    train: pct(resolved.trainEnd / n),
    val: pct((resolved.valEnd - resolved.trainEnd) / n),
    test: pct((resolved.length - resolved.valEnd) / n),
  }
}

function pct(f: number): number {
  return Math.round(f * 1000) / 10
}
