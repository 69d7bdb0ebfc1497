// Confirming a finished study out of sample (issue 12 §4), for `frontier confirm` and the app:
// chosen trials (default the Pareto front) have their stored model scored walk-forward on the
// test split of the very file the study ran on (its hash must still match), the results are kept
// in the study file, and the exports are rewritten to carry validation beside test.

import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { readDataset } from '../engine/data/read-dataset'
import { defaultRoles } from '../engine/data/roles'
import { paretoSummary } from '../engine/hpo/pareto'
import type { ProviderChoice } from '../engine/graph/runtime/provider'
import { metricRecord } from '../engine/metrics/summary'
import { ONNX_ARTIFACT, trialArtifactPath } from '../engine/store/artifacts'
import { StoreError } from '../engine/store/store-error'
import type { StudyFile } from '../engine/store/study-file'
import { readStudyFile, saveConfirmations } from '../engine/store/study-file-access'
import type { TrialConfirmation } from '../engine/store/trial-confirmation'
import { ConfirmError } from '../engine/train/confirm-error'
import { confirmModel } from '../engine/train/confirm-model'
import type { TrialData } from '../engine/train/trial-data'
import { DEFAULT_WALK_FORWARD } from '../engine/train/walk-forward-plan'
import { readRunSpec, type RunSpec } from './run-spec'
import { exportStudy, type StudyExport } from './study-export'

/** Which trials: the Pareto front, every trial with a stored model, or these numbers. */
export type TrialSelection = 'front' | 'all' | number[]

export interface ConfirmProgress {
  /** Trials scored so far, of total; `trial` is the one being scored now (null when done). */
  done: number
  total: number
  trial: number | null
}

export interface ConfirmStudyOptions {
  trials?: TrialSelection
  provider?: ProviderChoice
  onProgress?: (progress: ConfirmProgress) => void
  now?: () => Date
}

export interface ConfirmStudyResult {
  studyPath: string
  /** The confirmations made now, in trial order. */
  confirmed: TrialConfirmation[]
  /** The study file as written, with every confirmation it holds. */
  study: StudyFile
  /** The rewritten exports, or why they could not be written. */
  exported: StudyExport | null
  exportProblem: string | null
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function refuseRunning(file: StudyFile): void {
  const running = file.trials.filter((t) => t.state === 'running').map((t) => t.number)
  if (running.length > 0)
    throw new ConfirmError(
      'STUDY_RUNNING',
      `Trial${running.length > 1 ? 's' : ''} ${running.join(', ')} of this study ${running.length > 1 ? 'are' : 'is'} still running; confirm once the study has stopped.`,
    )
}

/** Trials of the study whose ONNX model is kept (the front members and the user's pick). */
export async function trialsWithModels(path: string, file: StudyFile): Promise<number[]> {
  const found: number[] = []
  for (const t of file.trials) {
    if (t.state !== 'complete') continue
    const present = await stat(trialArtifactPath(path, t.number, ONNX_ARTIFACT)).then(
      () => true,
      () => false,
    )
    if (present) found.push(t.number)
  }
  return found
}

/** The front's trial numbers, ascending. */
export function frontTrials(file: StudyFile): number[] {
  const directions = file.config.objectives.map((o) => o.direction)
  return paretoSummary(file.trials, file.userPick, directions)
    .front.map((t) => t.number)
    .sort((a, b) => a - b)
}

function selectTrials(file: StudyFile, selection: TrialSelection, models: number[]): number[] {
  const have = new Set(models)
  const kept = models.length > 0 ? `trials ${models.join(', ')}` : 'no trial'
  const why = `Models are kept for the Pareto front and the user's pick only; this study has them for ${kept}.`
  if (selection === 'all') {
    if (models.length === 0)
      throw new ConfirmError('MODEL_MISSING', `No trial of this study has a stored model. ${why}`)
    return models
  }
  const wanted = selection === 'front' ? frontTrials(file) : [...new Set(selection)]
  if (wanted.length === 0)
    throw new ConfirmError('NOTHING_TO_CONFIRM', 'The study has no complete trial to confirm yet.')
  for (const n of wanted)
    if (file.trials[n]?.state !== 'complete')
      throw new ConfirmError(
        'UNKNOWN_TRIAL',
        `Trial ${n} is not a complete trial of this study (it has trials 0–${file.trials.length - 1}).`,
      )
  const missing = wanted.filter((n) => !have.has(n))
  if (missing.length > 0)
    throw new ConfirmError(
      'MODEL_MISSING',
      `Trial${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ha${missing.length > 1 ? 've' : 's'} no stored model. ${why}`,
    )
  return wanted.sort((a, b) => a - b)
}

/** The dataset exactly as the study's trials read it (run-job.ts), after checking its hash. */
async function studyData(spec: RunSpec): Promise<TrialData> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(spec.data.path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new ConfirmError(
      'DATA_UNREADABLE',
      `Cannot read the study's dataset ${spec.data.path} (${code}); was it moved or deleted?`,
    )
  }
  const hash = sha256(bytes)
  if (hash !== spec.data.hash)
    throw new ConfirmError(
      'DATA_CHANGED',
      `${spec.data.path} changed since the study ran (sha256 ${hash.slice(0, 12)}…, the study's ${spec.data.hash.slice(0, 12)}…): its models cannot be confirmed on other data. Restore the file, or run a new study.`,
    )
  const { series, profile } = readDataset(bytes, spec.data.parse)
  return {
    series,
    roles: spec.data.roles ?? defaultRoles(profile),
    timezone: profile.timezone,
    split: spec.data.split,
  }
}

const iso = (t: number | undefined) =>
  t !== undefined && Number.isFinite(t) ? new Date(t).toISOString() : null

export async function confirmStudy(
  studyPath: string,
  options: ConfirmStudyOptions = {},
): Promise<ConfirmStudyResult> {
  const now = options.now ?? (() => new Date())
  const file = await readStudyFile(studyPath)
  refuseRunning(file)
  const spec = await readRunSpec(studyPath)
  const trials = selectTrials(
    file,
    options.trials ?? 'front',
    await trialsWithModels(studyPath, file),
  )
  const data = await studyData(spec)
  const { origins, maxGapFill, picpTarget } = spec.settings
  // The window the study's trials were trained with (runTrial's defaults where none was set).
  const inputLength = spec.settings.inputLength ?? DEFAULT_WALK_FORWARD.inputLength
  const horizon = spec.settings.horizon ?? DEFAULT_WALK_FORWARD.horizon
  const confirmed: TrialConfirmation[] = []
  // One confirmation, one instant: every trial scored by this call carries the same date.
  const confirmedAt = now().toISOString()
  for (const [i, trial] of trials.entries()) {
    options.onProgress?.({ done: i, total: trials.length, trial })
    const onnx = new Uint8Array(await readFile(trialArtifactPath(studyPath, trial, ONNX_ARTIFACT)))
    const result = await confirmModel({
      data,
      onnx,
      settings: { inputLength, horizon, origins, maxGapFill, picpTarget },
      provider: options.provider ?? 'cpu',
      label: `Trial ${trial}'s model`,
    })
    const used = result.forecasts
    const stamps = data.series.timestamps
    confirmed.push({
      trial,
      confirmedAt,
      part: 'test',
      modelSha256: sha256(onnx),
      datasetHash: spec.data.hash,
      origins: result.plan.origins,
      from: iso(used[0]?.time),
      to: iso(stamps[(used.at(-1)?.origin ?? NaN) + result.plan.horizon - 1]),
      horizon: result.plan.horizon,
      metrics: metricRecord(result.metrics),
      values: result.objectives,
      skippedOrigins: result.skipped,
      provider: result.provider,
    })
  }
  options.onProgress?.({ done: trials.length, total: trials.length, trial: null })
  const study = await saveConfirmations(studyPath, confirmed, refuseRunning)
  // The exports sit where `frontier run` wrote them: <study-dir>/<MODEL>_<DATASET>/study_….json.
  const outDir = dirname(dirname(studyPath))
  try {
    const exported = await exportStudy(studyPath, study, spec.jobId, outDir)
    return { studyPath, confirmed, study, exported, exportProblem: null }
  } catch (error) {
    if (!(error instanceof StoreError)) throw error
    return {
      studyPath,
      confirmed,
      study,
      exported: null,
      exportProblem: `${error.code}: ${error.message}`,
    }
  }
}
