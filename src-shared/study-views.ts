// What the app shows of the studies in the data folder: one entry per study for the list, and a
// study's Pareto front with validation metrics and, once confirmed, test metrics beside them.
// Plain JSON, so both transports carry it as it is.

import type { TrialParams } from '../src-main/engine/hpo/types'

/** A study's id: its file's path under <data dir>/studies, with forward slashes. */
export type StudyId = string

export interface StudyListEntry {
  id: StudyId
  name: string
  model: string
  dataset: string
  /** The job that ran it (null for a study without a run file). */
  jobId: string | null
  /** Trials counted against the budget, complete ones, still running ones, front size. */
  trials: number
  complete: number
  running: number
  front: number
  createdAt: string
  /** The latest confirmation on the test split, or null. */
  confirmedAt: string | null
}

export type PickName = 'best_mae' | 'best_picp' | 'balanced' | 'selected'

export interface TrialTestView {
  confirmedAt: string
  /** Finite metrics on the test split (mae, picp in percent, miw, …). */
  metrics: Record<string, number>
  /** [MAE, |PICP − target|] on the test split. */
  values: number[]
  origins: number
  horizon: number
  from: string | null
  to: string | null
}

export interface FrontTrialView {
  trial: number
  params: TrialParams
  /** [MAE, |PICP − target|] on the validation split. */
  values: number[]
  /** The trial's validation metrics (mae, picp, miw, …). */
  validation: Record<string, number>
  picks: PickName[]
  hasModel: boolean
  test: TrialTestView | null
}

export interface StudyDetailView extends StudyListEntry {
  /** The front members, by validation MAE. */
  frontTrials: FrontTrialView[]
  /** Why the front cannot be confirmed (no run file, no stored model, running), or null. */
  confirmProblem: string | null
}

export interface StudyConfirmProgress {
  id: StudyId
  done: number
  total: number
  trial: number | null
}
