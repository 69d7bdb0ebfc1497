// A trial's out-of-sample confirmation as the study file keeps it (schema version 3): its
// stored model scored walk-forward on the test split — the metrics and objectives, when, which
// model (the sha256 of its ONNX bytes) on which data (the dataset's hash), and the origins.
// One per trial: confirming again replaces it.

import type { StudyData } from '../hpo/study'

export interface TrialConfirmation {
  trial: number
  /** ISO instant of the confirmation. */
  confirmedAt: string
  part: 'test'
  /** sha256 of the ONNX model that was scored (trial-<n>/model.onnx). */
  modelSha256: string
  /** sha256 of the dataset file it was scored on. */
  datasetHash: string
  /** Grid rows of the forecast origins, and the first and last forecast step's instants. */
  origins: number[]
  from: string | null
  to: string | null
  horizon: number
  /** Finite metrics only (as a trial's), e.g. mae, picp (percent), miw, pinball, crps, … */
  metrics: Record<string, number>
  /** The study's objectives on the test split: [MAE, |PICP − target|]. */
  values: number[]
  /** Origins whose input window has a gap (not scored). */
  skippedOrigins: number[]
  provider: string
}

/** A study's data with its confirmations (absent on data that never went through the store). */
export type ConfirmedStudyData = StudyData & { confirmations?: readonly TrialConfirmation[] }

/** The confirmation of each trial that has one, by trial number. */
export function confirmationsByTrial(data: ConfirmedStudyData): Map<number, TrialConfirmation> {
  return new Map((data.confirmations ?? []).map((c) => [c.trial, c]))
}

/** The list with `fresh` replacing earlier confirmations of the same trials, by trial number. */
export function mergeConfirmations(
  earlier: readonly TrialConfirmation[],
  fresh: readonly TrialConfirmation[],
): TrialConfirmation[] {
  const byTrial = new Map(earlier.map((c) => [c.trial, c]))
  for (const c of fresh) byTrial.set(c.trial, c)
  return [...byTrial.values()].sort((a, b) => a.trial - b.trial)
}
