// What the app shows of one study: its list entry (counts, status, budget, time run), and the
// detail view with the Pareto front (validation and, once confirmed, test metrics), why the front
// cannot be confirmed yet, and the settings the study was set up with.

import { paretoSummary } from '../engine/hpo/pareto'
import type { TrialRecord } from '../engine/hpo/types'
import { DEFAULT_PICP_TARGET } from '../engine/metrics/types'
import { modelSpec } from '../engine/models/registry'
import type { StudyFile } from '../engine/store/study-file'
import { DEFAULT_WALK_FORWARD } from '../engine/train/walk-forward-plan'
import type {
  FrontTrialView,
  PickName,
  StudyDetailView,
  StudyId,
  StudyListEntry,
  StudySettingsView,
  StudyStatus,
} from '@shared/study-views'
import type { RunSpec } from './run-spec'
import { countedTrials } from './study-status'

const LIVE: StudyStatus[] = ['running', 'paused', 'stopping']

function latest(dates: string[]): string | null {
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b))
}

export function studyEntry(
  id: StudyId,
  file: StudyFile,
  spec: RunSpec | null,
  status: StudyStatus,
  elapsedMs: number = file.elapsedMs,
): StudyListEntry {
  const directions = file.config.objectives.map((o) => o.direction)
  const count = (state: TrialRecord['state']) =>
    countedTrials(file).filter((t) => t.state === state).length
  return {
    id,
    name: file.config.name,
    model: file.config.model,
    dataset: file.config.dataset.name,
    jobId: spec?.jobId ?? null,
    trials: countedTrials(file).length,
    complete: count('complete'),
    // Trials a dead process left `running` are not running (an interrupted study).
    running: LIVE.includes(status) ? count('running') : 0,
    front: paretoSummary(file.trials, file.userPick, directions).front.length,
    createdAt: file.createdAt,
    confirmedAt: latest(file.confirmations.map((c) => c.confirmedAt)),
    status,
    failed: count('failed'),
    pruned: count('pruned'),
    budget: { ...file.config.budget },
    elapsedMs,
    datasetId: spec?.datasetId ?? null,
  }
}

function calendarNames(calendar: NonNullable<RunSpec['data']['roles']>['calendar']): string[] {
  const names = (['hour', 'weekday', 'month', 'weekend'] as const).filter((k) => calendar[k])
  return calendar.holidays ? [...names, `holidays=${calendar.holidays}`] : names
}

export function settingsView(file: StudyFile, spec: RunSpec): StudySettingsView {
  const { config } = file
  const s = spec.settings
  const training = (() => {
    try {
      return modelSpec(config.model).training
    } catch {
      return null
    }
  })()
  const roles = spec.data.roles
  return {
    model: config.model,
    datasetId: spec.datasetId ?? null,
    space: structuredClone(config.space),
    sampler: config.sampler.name,
    pruner: config.pruner.name,
    prunerOptions: { ...('options' in config.pruner ? (config.pruner.options ?? {}) : {}) },
    seed: config.seed,
    budget: { ...config.budget },
    picpTarget: s.picpTarget ?? DEFAULT_PICP_TARGET,
    epochs: s.epochs ?? training?.epochs ?? null,
    batchSize: s.batchSize ?? training?.batchSize ?? null,
    inputLength: s.inputLength ?? DEFAULT_WALK_FORWARD.inputLength,
    horizon: s.horizon ?? DEFAULT_WALK_FORWARD.horizon,
    origins: s.origins ?? DEFAULT_WALK_FORWARD.origins,
    provider: s.provider,
    workers: spec.run?.workers ?? null,
    timeoutS: spec.run?.timeoutS ?? null,
    // Without roles in the run file the trials take the dataset's default roles: the target alone.
    target: roles?.target ?? config.dataset.target,
    pastCovariates: [...(roles?.pastCovariates ?? [])],
    futureCovariates: [...(roles?.futureCovariates ?? [])],
    calendar: roles ? calendarNames(roles.calendar) : [],
  }
}

function confirmProblem(entry: StudyListEntry, front: FrontTrialView[]): string | null {
  if (entry.jobId === null)
    return 'This study has no run file beside it, so the data it ran on is unknown.'
  if (LIVE.includes(entry.status))
    return 'Trials are still running; confirm once the study has stopped.'
  if (front.length === 0) return 'The study has no complete trial yet.'
  const missing = front.filter((t) => !t.hasModel).map((t) => t.trial)
  if (missing.length > 0)
    return `Trial${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the front kept no model (studies run before models were kept).`
  return null
}

/** The detail view; `withModels` are the trials whose ONNX model is kept. */
export function studyDetail(
  entry: StudyListEntry,
  file: StudyFile,
  spec: RunSpec | null,
  withModels: number[],
): StudyDetailView {
  const directions = file.config.objectives.map((o) => o.direction)
  const summary = paretoSummary(file.trials, file.userPick, directions)
  const picks: [PickName, TrialRecord | null][] = [
    ['best_mae', summary.bestMae],
    ['best_picp', summary.bestPicp],
    ['balanced', summary.balanced],
    ['selected', summary.user],
  ]
  const models = new Set(withModels)
  const confirmations = new Map(file.confirmations.map((c) => [c.trial, c]))
  const frontTrials: FrontTrialView[] = [...summary.front]
    .sort((a, b) => (a.values as number[])[0] - (b.values as number[])[0])
    .map((t) => {
      const c = confirmations.get(t.number)
      return {
        trial: t.number,
        params: { ...t.params },
        values: [...(t.values as number[])],
        validation: { ...(t.metrics ?? {}) },
        picks: picks.filter(([, p]) => p?.number === t.number).map(([name]) => name),
        hasModel: models.has(t.number),
        test: c
          ? {
              confirmedAt: c.confirmedAt,
              metrics: { ...c.metrics },
              values: [...c.values],
              origins: c.origins.length - c.skippedOrigins.length,
              horizon: c.horizon,
              from: c.from,
              to: c.to,
            }
          : null,
      }
    })
  return {
    ...entry,
    frontTrials,
    confirmProblem: confirmProblem(entry, frontTrials),
    settings: spec ? settingsView(file, spec) : null,
  }
}
