// What `frontier run` (and `frontier demo`) asks for, as one checked object: the parsed options
// turned into the study's config pieces and the trials' settings.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CalendarOptions, SplitSpec } from '../engine/data/types'
import { defaultSearchSpace } from '../engine/hpo/default-spaces'
import { PRUNER_NAMES, type PrunerName } from '../engine/hpo/pruners/pruner'
import { SAMPLER_NAMES, type SamplerName } from '../engine/hpo/samplers/sampler'
import type { SearchSpace } from '../engine/hpo/search-space'
import { QUANTILE_LEVELS } from '../engine/metrics/types'
import { MODEL_NAMES, type ModelName } from '../engine/models/model-spec'
import { defaultDataDir } from '../paths'
import { suggestSampler } from '../services/sampler-rule'
import type { TrialSettings } from '../worker/protocol'
import {
  calendarOption,
  numericTrialOptions,
  positiveInt,
  splitOption,
  type OptionValues,
} from './data-options'
import { UsageError } from './usage-error'

export interface RunRequest {
  /** --data as given: a CSV path or demo:<name>. */
  data: string
  model: ModelName
  trials: number
  sampler: SamplerName
  pruner: PrunerName
  /** --pruner-options: checked with the study's config (unknown names and bad values refused). */
  prunerOptions: Record<string, number>
  /** null: from the cores and the device. */
  workers: number | null
  studyDir: string
  jobId: string
  resume: boolean
  /** Per-trial limit in seconds, or null. */
  timeoutS: number | null
  /** The study's seed; also the seed every trial trains with. */
  seed: number
  json: boolean
  space: SearchSpace
  split: SplitSpec | undefined
  /** --calendar, when given: replaces the default roles' calendar covariates. */
  calendar: CalendarOptions | undefined
  settings: TrialSettings
}

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/

export function defaultStudyDir(): string {
  return join(defaultDataDir(), 'studies')
}

function oneOf<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback
  if (!allowed.includes(value as T))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`)
  return value as T
}

/** --space: a JSON object (or @file.json) of distributions that replace the default ones. */
export function spaceOption(model: ModelName, text: string | undefined): SearchSpace {
  const space = defaultSearchSpace(model)
  if (text === undefined) return space
  let source = text
  if (text.startsWith('@')) {
    try {
      source = readFileSync(text.slice(1), 'utf8')
    } catch {
      throw new UsageError(`--space: cannot read ${text.slice(1)}`)
    }
  }
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch {
    throw new UsageError(`--space is not valid JSON: ${source}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(
      `--space must be a JSON object of distributions, e.g. '{"layer_widths":{"kind":"categorical","choices":[32,64]}}'`,
    )
  return { ...space, ...(value as SearchSpace) }
}

/** --pruner-options: a JSON object of numbers; which names and values fit is the study's check. */
function prunerOptionsOption(text: string | undefined): Record<string, number> {
  if (text === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError(`--pruner-options is not valid JSON: ${text}`)
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !Object.values(value).every((v) => typeof v === 'number')
  )
    throw new UsageError(
      `--pruner-options must be a JSON object of numbers, e.g. '{"maxChance":0.6}' (got ${text})`,
    )
  return value as Record<string, number>
}

function quantilesOption(text: string | undefined): void {
  if (text === undefined) return
  const levels = text.split(',').map(Number)
  const same =
    levels.length === QUANTILE_LEVELS.length && levels.every((q, i) => q === QUANTILE_LEVELS[i])
  if (!same)
    throw new UsageError(
      `--quantiles: the models emit the levels ${QUANTILE_LEVELS.join(',')} (the benchmarker's); other levels are not supported`,
    )
}

function picpTargetOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const v = Number(text)
  if (!(v > 0 && v < 100))
    throw new UsageError('--picp-target must be a percentage between 0 and 100')
  return v
}

export function runRequest(values: OptionValues): RunRequest {
  if (!values.data) throw new UsageError('--data is required (a CSV file, demo:heat or demo:water)')
  const model = oneOf(values.model as string | undefined, 'model', MODEL_NAMES, 'NHITS_Q')
  const numeric = numericTrialOptions(values)
  const jobId = (values['job-id'] as string | undefined) ?? process.env.SLURM_JOB_ID ?? 'local'
  if (!SAFE_NAME.test(jobId))
    throw new UsageError(
      `--job-id "${jobId}" goes into file names: use letters, digits, _, . and -`,
    )
  const timeout = positiveInt(values, 'timeout')
  quantilesOption(values.quantiles as string | undefined)
  const seed = numeric.seed ?? 42
  const picpTarget = picpTargetOption(values['picp-target'] as string | undefined)
  const trials = positiveInt(values, 'trials') ?? 50
  const space = spaceOption(model, values.space as string | undefined)
  return {
    data: values.data as string,
    model,
    trials,
    // Without --sampler the budget chooses, as in the app (sampler-rule.ts).
    sampler: oneOf(
      values.sampler as string | undefined,
      'sampler',
      SAMPLER_NAMES,
      suggestSampler(trials, space),
    ),
    pruner: oneOf(values.pruner as string | undefined, 'pruner', PRUNER_NAMES, 'none'),
    prunerOptions: prunerOptionsOption(values['pruner-options'] as string | undefined),
    workers: positiveInt(values, 'workers') ?? null,
    studyDir: (values['study-dir'] as string | undefined) ?? defaultStudyDir(),
    jobId,
    resume: values.resume === true,
    timeoutS: timeout ?? null,
    seed,
    json: values.json === true,
    space,
    split: splitOption(
      values['train-end'] as string | undefined,
      values['val-end'] as string | undefined,
      {
        trainStart: values['train-start'] as string | undefined,
        excludeConstant: values['exclude-constant'] as string | undefined,
      },
    ),
    calendar: calendarOption(values.calendar as string | undefined),
    settings: {
      provider: numeric.provider,
      seed,
      threads: numeric.threads ?? 1,
      ...(numeric.epochs !== undefined ? { epochs: numeric.epochs } : {}),
      ...(numeric.batchSize !== undefined ? { batchSize: numeric.batchSize } : {}),
      ...(numeric.origins !== undefined ? { origins: numeric.origins } : {}),
      ...(numeric.horizon !== undefined ? { horizon: numeric.horizon } : {}),
      ...(numeric.inputLength !== undefined ? { inputLength: numeric.inputLength } : {}),
      ...(picpTarget !== undefined ? { picpTarget } : {}),
    },
  }
}
