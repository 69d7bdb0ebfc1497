// Exports for the Python benchmarker.
//
// (1) <out>/<MODEL>_<DATASET>/best_params_<MODEL>_<DATASET>_<JOBID>.json: the fields the
//     thesis's HPO runner wrote, plus best_balanced, best_picp and selected; validated against
//     benchmarker-export.schema.json before it is written. "best" is, as in the runner, the
//     lowest-MAE member of the Pareto front. n_trials is the trial budget (the runner's requested
//     count; the number of trials asked when only a time budget was set) and n_completed the
//     number of complete trials (the runner counted every trial there).
// (2) <out>/best_params_<NHITS|TFT|TIMESNET>.json: the chosen trial's parameters only, every key
//     the benchmarker reads present, integers as integers (it reads them with dict.get(key,
//     default), so a missing key would silently train a default model).
//
// The chosen trial is the user's pick, else the balanced one (or the fallback asked for).
//
// A trial confirmed out of sample (`frontier confirm`) carries, in addition and only then,
// `validation` and `test`: its metrics on each split side by side (mae, picp in percent,
// picp_penalty, miw, pinball, crps, winkler, mase, mase168), the test side with confirmed_at,
// the number of forecast origins and the first and last forecast instant. The fields above stay
// as they were.

import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { PARAM_SCHEMAS } from '../hpo/default-spaces'
import { paretoSummary } from '../hpo/pareto'
import type { StudyData } from '../hpo/study'
import type { ModelName, ParamValue, TrialParams, TrialRecord } from '../hpo/types'
import schema from './benchmarker-export.schema.json' with { type: 'json' }
import { StoreError } from './store-error'
import {
  confirmationsByTrial,
  type ConfirmedStudyData,
  type TrialConfirmation,
} from './trial-confirmation'

/** One split's metrics of a confirmed trial (picp in percent, picp_penalty = |picp − target|). */
export type SplitMetrics = { mae: number; picp: number; picp_penalty: number } & Record<
  string,
  number
>

/** The test split's metrics (as SplitMetrics), when they were measured, and over what. */
export interface TestMetrics {
  [metric: string]: number | string | null
  mae: number
  picp: number
  picp_penalty: number
  confirmed_at: string
  /** How many forecast origins were scored; the first and last forecast step's instants. */
  origins: number
  from: string | null
  to: string | null
}

/** Present on confirmed trials only. */
export interface OutOfSample {
  validation?: SplitMetrics
  test?: TestMetrics
}

export interface BenchmarkerParetoTrial extends OutOfSample {
  trial: number
  mae: number
  picp_penalty: number
  params: TrialParams
}

export interface BenchmarkerPick extends OutOfSample {
  trial: number
  mae: number
  picp: number
  hyperparameters: TrialParams
}

export interface BenchmarkerExport {
  model: ModelName
  dataset: string
  job_id: string
  optimization_date: string
  n_trials: number
  n_completed: number
  n_pareto_optimal: number
  best_trial_number: number
  best_mae: number
  best_picp_approx: number
  best_params: TrialParams
  study_name: string
  storage_path: string
  all_pareto_trials: BenchmarkerParetoTrial[]
  best_balanced: BenchmarkerPick
  best_picp: BenchmarkerPick
  selected: BenchmarkerPick
}

export interface BenchmarkerExportOptions {
  jobId: string
  /** The study file's path, recorded as storage_path. */
  storagePath: string
  /** Defaults to the dataset's name in the study. */
  dataset?: string
  date?: Date
  /** The chosen trial when the user picked none (default balanced). */
  fallback?: 'balanced' | 'best_mae' | 'best_picp'
}

/** The file-name stem the benchmarker uses for each model. */
export const BENCHMARKER_STEM: Record<ModelName, 'NHITS' | 'TFT' | 'TIMESNET'> = {
  NHITS_Q: 'NHITS',
  TFT_Q: 'TFT',
  TIMESNET_Q: 'TIMESNET',
}

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
const validate = ajv.compile(schema)

/** Problems of a document measured against the schema (empty: valid). */
export function benchmarkerExportIssues(doc: unknown): string[] {
  if (validate(doc)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
}

/** PICP in percent: the measured one when the trial recorded it, else the runner's estimate. */
function picpOf(trial: TrialRecord): number {
  const measured = trial.metrics?.picp
  if (measured !== undefined) return measured
  const gap = (trial.values as number[])[1]
  return gap <= 80 ? 80 - gap : 80 + gap
}

function splitMetrics(
  values: readonly number[],
  picp: number,
  metrics: Readonly<Record<string, number>>,
): SplitMetrics {
  return { ...metrics, mae: values[0], picp, picp_penalty: values[1] }
}

/** Validation beside test for a confirmed trial; nothing for the others. */
function outOfSample(trial: TrialRecord, confirmation: TrialConfirmation | undefined): OutOfSample {
  if (!confirmation) return {}
  const testPicp = confirmation.metrics.picp
  return {
    validation: splitMetrics(trial.values as number[], picpOf(trial), trial.metrics ?? {}),
    test: {
      ...splitMetrics(confirmation.values, testPicp, confirmation.metrics),
      confirmed_at: confirmation.confirmedAt,
      origins: confirmation.origins.length - confirmation.skippedOrigins.length,
      from: confirmation.from,
      to: confirmation.to,
    },
  }
}

function pick(trial: TrialRecord, confirmation?: TrialConfirmation): BenchmarkerPick {
  return {
    trial: trial.number,
    mae: (trial.values as number[])[0],
    picp: picpOf(trial),
    hyperparameters: { ...trial.params },
    ...outOfSample(trial, confirmation),
  }
}

function checkObjectives(data: StudyData): void {
  const names = data.config.objectives.map((o) => `${o.name}:${o.direction}`)
  if (names.join(',') !== 'mae:minimize,picp_gap:minimize')
    throw new StoreError(
      'EXPORT_UNSUPPORTED',
      `The benchmarker export needs the objectives (mae, picp_gap), both minimised; this study has ${names.join(', ')}.`,
    )
}

export function buildBenchmarkerExport(
  data: ConfirmedStudyData,
  options: BenchmarkerExportOptions,
): BenchmarkerExport {
  checkObjectives(data)
  const dataset = options.dataset ?? data.config.dataset.name
  for (const [label, value] of [
    ['dataset', dataset],
    ['job id', options.jobId],
  ] as const)
    if (!SAFE_NAME.test(value))
      throw new StoreError(
        'EXPORT_INVALID',
        `The ${label} "${value}" goes into a file name: use letters, digits, _, . and - only.`,
      )
  const summary = paretoSummary(data.trials, data.userPick)
  const { bestMae, bestPicp, balanced } = summary
  if (!bestMae || !bestPicp || !balanced)
    throw new StoreError('NO_COMPLETED_TRIALS', 'The study has no complete trial to export yet.')
  const fallback = options.fallback ?? 'balanced'
  const chosen =
    summary.user ??
    (fallback === 'best_mae' ? bestMae : fallback === 'best_picp' ? bestPicp : balanced)
  const asked = data.trials.filter((t) => t.error?.code !== 'INTERRUPTED').length
  const confirmed = confirmationsByTrial(data)
  return {
    model: data.config.model,
    dataset,
    job_id: options.jobId,
    optimization_date: (options.date ?? new Date()).toISOString(),
    n_trials: data.config.budget.trials ?? asked,
    n_completed: data.trials.filter((t) => t.state === 'complete').length,
    n_pareto_optimal: summary.front.length,
    best_trial_number: bestMae.number,
    best_mae: (bestMae.values as number[])[0],
    best_picp_approx: picpOf(bestMae),
    best_params: { ...bestMae.params },
    study_name: data.config.name,
    storage_path: options.storagePath,
    all_pareto_trials: summary.front.map((t) => ({
      trial: t.number,
      mae: (t.values as number[])[0],
      picp_penalty: (t.values as number[])[1],
      params: { ...t.params },
      ...outOfSample(t, confirmed.get(t.number)),
    })),
    best_balanced: pick(balanced, confirmed.get(balanced.number)),
    best_picp: pick(bestPicp, confirmed.get(bestPicp.number)),
    selected: pick(chosen, confirmed.get(chosen.number)),
  }
}

/** Exactly the keys the benchmarker reads for this model, in its order, integers checked. */
export function benchmarkerParams(
  model: ModelName,
  params: TrialParams,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {}
  const problems: string[] = []
  for (const [key, entry] of Object.entries(PARAM_SCHEMAS[model])) {
    if (!entry.required) continue
    const value = params[key]
    if (value === undefined) problems.push(`${key} is missing`)
    else if (entry.kind === 'int' && !Number.isInteger(value))
      problems.push(`${key} must be an integer (got ${JSON.stringify(value)})`)
    else if (entry.kind === 'float' && typeof value !== 'number')
      problems.push(`${key} must be a number (got ${JSON.stringify(value)})`)
    else out[key] = value
  }
  if (problems.length > 0)
    throw new StoreError(
      'MISSING_BENCHMARKER_KEY',
      `The benchmarker would silently train a default ${model}: ${problems.join('; ')}. Keep every key in the search space (a categorical with one choice fixes a value).`,
    )
  return out
}

export function benchmarkerExportPath(outDir: string, doc: BenchmarkerExport): string {
  const folder = `${doc.model}_${doc.dataset}`
  return join(outDir, folder, `best_params_${folder}_${doc.job_id}.json`)
}

export function benchmarkerParamsPath(outDir: string, model: ModelName): string {
  return join(outDir, `best_params_${BENCHMARKER_STEM[model]}.json`)
}

/** Builds, validates and writes both files; returns their paths and the document. */
export async function writeBenchmarkerExport(
  outDir: string,
  data: ConfirmedStudyData,
  options: BenchmarkerExportOptions,
): Promise<{ exportPath: string; paramsPath: string; document: BenchmarkerExport }> {
  const document = buildBenchmarkerExport(data, options)
  const issues = benchmarkerExportIssues(document)
  if (issues.length > 0)
    throw new StoreError(
      'EXPORT_INVALID',
      `The export does not match its schema: ${issues.join('; ')}.`,
    )
  const flat = benchmarkerParams(data.config.model, document.selected.hyperparameters)
  const exportPath = benchmarkerExportPath(outDir, document)
  const paramsPath = benchmarkerParamsPath(outDir, data.config.model)
  await mkdir(join(outDir, `${document.model}_${document.dataset}`), { recursive: true })
  await writeFile(exportPath, JSON.stringify(document, null, 2) + '\n')
  await writeFile(paramsPath, JSON.stringify(flat, null, 4) + '\n')
  return { exportPath, paramsPath, document }
}
