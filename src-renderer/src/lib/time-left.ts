// How long a running study has left. The rule (also in the README):
// - a trial budget: remaining trials × the median seconds of the complete and pruned trials ÷
//   the workers in use (remaining = budget − trials that ended; running ones count as remaining,
//   since the median already is a whole trial; interrupted ones, which a stopped study runs
//   again, do not count as ended);
// - a time budget: the seconds left of it;
// - both: the smaller;
// - unknown (null) while no trial has ended, or when the study has no budget at all.
// Failed trials are left out of the median: a crash after a second says nothing of a trial's
// length.
import type { TrialRow } from '@shared/study-views'
import { countsAgainstBudget } from './trial-table'

export interface TimeLeftInput {
  budget: { trials: number | null; seconds: number | null }
  /** Time the study has run so far. */
  elapsedMs: number
  rows: readonly Pick<TrialRow, 'state' | 'seconds' | 'error'>[]
  /** Trials running at once: the running ones now, else the study's workers. */
  workers: number
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Seconds left, or null when it cannot be known yet. */
export function estimateSecondsLeft(input: TimeLeftInput): number | null {
  const { budget, rows } = input
  const ended = rows.filter((r) => r.state !== 'running' && countsAgainstBudget(r)).length
  const durations = rows
    .filter((r) => (r.state === 'complete' || r.state === 'pruned') && r.seconds !== null)
    .map((r) => r.seconds as number)
  const typical = median(durations)
  if (typical === null) return null
  const byTrials =
    budget.trials === null
      ? null
      : (Math.max(0, budget.trials - ended) * typical) / Math.max(1, input.workers)
  const byTime =
    budget.seconds === null ? null : Math.max(0, budget.seconds - input.elapsedMs / 1000)
  if (byTrials === null) return byTime
  if (byTime === null) return byTrials
  return Math.min(byTrials, byTime)
}
