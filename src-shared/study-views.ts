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
  status: StudyStatus
  failed: number
  pruned: number
  budget: { trials: number | null; seconds: number | null }
  /** Time the study has run, over all its sessions. */
  elapsedMs: number
  /** The dataset in the app's registry it trains on (null: a file outside it). */
  datasetId: string | null
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
  /** null for a study without a run file. */
  settings: StudySettingsView | null
}

export interface StudyConfirmProgress {
  id: StudyId
  done: number
  total: number
  trial: number | null
}

/**
 * Where a study stands. Live states (running, paused, stopping) exist only while this service
 * runs it (or, `running` alone, while another live process on this machine does, e.g. a
 * `frontier run`: then only that process can pause or cancel it); the others are read from the
 * file: `new` (no trial yet), `stopped` (cancelled, or the budget not spent), `interrupted`
 * (trials left `running` by a process that is gone: resumable), `finished` (budget spent,
 * nothing running).
 */
export type StudyStatus =
  'new' | 'running' | 'paused' | 'stopping' | 'stopped' | 'interrupted' | 'finished'

/** One row of the trial table: what a trial is and how it ended. */
export interface TrialRow {
  number: number
  state: 'running' | 'complete' | 'pruned' | 'failed'
  params: TrialParams
  /** [MAE, |PICP − target|] (complete trials only). */
  values: number[] | null
  /** Wall-clock seconds from start to end; null while running. */
  seconds: number | null
  startedAt: string
  finishedAt: string | null
  /** The execution provider that ran it (cpu, webgpu, cuda), once known. */
  provider: string | null
  /** Why it failed (code and message a user can act on), or null. */
  error: { code: string; message: string } | null
  /** Why the pruner stopped it, or null. */
  prunedReason: string | null
  /** Epochs reported so far (the last one for an ended trial). */
  epochs: number
}

export interface TrialsPage {
  /** All trials of the study (the rows are [offset, offset + rows.length)). */
  total: number
  offset: number
  rows: TrialRow[]
}

/** One epoch of a trial's learning curve. */
export interface EpochPoint {
  epoch: number
  /** Mean training loss (pinball) of the epoch; null where it was not kept. */
  trainLoss: number | null
  /** Validation loss (pinball); null when not computed. */
  valLoss: number | null
  /** [MAE, |PICP − target|] on the validation split after the epoch, when computed. */
  objectives: number[] | null
}

export interface TrialDetailView extends TrialRow {
  /** Finite validation metrics (mae, picp, miw, pinball, crps, winkler, mase…). */
  metrics: Record<string, number> | null
  timings: Record<string, number> | null
  curve: EpochPoint[]
}

/** What a study was set up with: its config and the settings its trials train with. */
export interface StudySettingsView {
  model: string
  datasetId: string | null
  /** The search space as stored (parameter → distribution). */
  space: Record<string, unknown>
  sampler: string
  pruner: string
  prunerOptions: Record<string, number>
  seed: number
  budget: { trials: number | null; seconds: number | null }
  picpTarget: number
  epochs: number | null
  batchSize: number | null
  inputLength: number | null
  horizon: number | null
  origins: number | null
  provider: string
  workers: number | null
  timeoutS: number | null
  /** The columns the trials train on: target, covariates, calendar. */
  target: string
  pastCovariates: string[]
  futureCovariates: string[]
  calendar: string[]
}

/** One model the setup can offer (only models that exist are listed). */
export interface ModelOption {
  name: string
  /** The model's default search space. */
  space: Record<string, unknown>
  /** Each parameter the model reads: kind, allowed range or values, what it means. */
  params: {
    name: string
    kind: 'float' | 'int' | 'categorical'
    min?: number
    max?: number
    allowed?: (number | string | boolean)[]
    required: boolean
    description: string
  }[]
  defaults: {
    epochs: number
    batchSize: number
    inputLength: number
    horizon: number
    origins: number
  }
}

export interface ProviderOption {
  name: 'auto' | 'cpu' | 'webgpu' | 'cuda'
  available: boolean
  /** In words: what this machine has, or why the provider is not usable here. */
  note: string
}

export interface StudyOptionsView {
  models: ModelOption[]
  samplers: { name: string; description: string }[]
  pruners: { name: string; description: string; options: string[] }[]
  providers: ProviderOption[]
  cores: number
  /** The sampler the setup picks for a trial budget, and the rule in words. */
  samplerRule: string
}

/** A problem of a draft study; field names the form field (a parameter name for the space). */
export interface DraftProblem {
  field: string | null
  message: string
}

export interface DraftCheck {
  ok: boolean
  problems: DraftProblem[]
  /** Distinct configurations of the space, or null when some parameter is continuous. */
  configurations: number | null
  /** Seconds per trial estimated from this machine's past trials of the model, or null. */
  estimateSeconds: number | null
  /** How the estimate was made (e.g. "median of 12 NHITS_Q trials here, scaled by epochs"). */
  estimateBasis: string | null
  /** The sampler the budget suggests (samplerRule). */
  suggestedSampler: string
  /** Where the walk-forward origins fall, to draw over the series; null when the plan does not fit. */
  plan: WalkForwardPlanView | null
}

/** The validation split and the forecast origins in it (ms since the epoch, UTC). */
export interface WalkForwardPlanView {
  trainFrom: number
  validationFrom: number
  validationTo: number
  testTo: number
  /** Each origin's first forecast instant. */
  origins: number[]
  /** Length of one forecast in ms (horizon × step). */
  horizonMs: number
}

export interface StudyStateEvent {
  id: StudyId
  status: StudyStatus
  /** Trials running now. */
  running: number[]
}

export interface StudyTrialEvent {
  id: StudyId
  trial: TrialRow
}

export interface StudyEpochEvent {
  id: StudyId
  trial: number
  epoch: number
  /** Epochs the trial will train at most, when known. */
  epochs: number | null
  point: EpochPoint
  /** The study's decision after this epoch. */
  prune: boolean
}

export interface StudyNoticeEvent {
  id: StudyId
  message: string
}
