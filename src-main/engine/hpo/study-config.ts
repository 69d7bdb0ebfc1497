// What a study is created with, and the check that refuses a bad set-up — every problem at once —
// before the first trial runs (an unsupported sampler/pruner pairing included).

import type { SplitSpec } from '../data/types'
import { PARAM_SCHEMAS } from './default-spaces'
import { HpoError } from './hpo-error'
import { schemaIssues, type ParamSchema } from './param-schema'
import { createPruner, PRUNER_OPTIONS, type PrunerConfig } from './pruners/registry'
import { PRUNER_NAMES } from './pruners/pruner'
import { searchSpaceIssues, type SearchSpace } from './search-space'
import { createSampler, type SamplerConfig } from './samplers/registry'
import { SAMPLER_NAMES } from './samplers/sampler'
import { MODEL_NAMES, type Direction, type ModelName } from './types'

export interface DatasetFingerprint {
  /** sha256 of the imported bytes (the dataset registry's id). */
  hash: string
  name: string
  columns: string[]
  target: string
  split: SplitSpec
}

export interface ObjectiveSpec {
  name: string
  direction: Direction
}

/** The product's two objectives: MAE of the median forecast and |PICP − 80|. */
export const FORECAST_OBJECTIVES: ObjectiveSpec[] = [
  { name: 'mae', direction: 'minimize' },
  { name: 'picp_gap', direction: 'minimize' },
]

export interface StudyBudget {
  trials: number | null
  seconds: number | null
}

export interface StudyConfig {
  name: string
  model: ModelName
  dataset: DatasetFingerprint
  space: SearchSpace
  objectives: ObjectiveSpec[]
  sampler: SamplerConfig
  pruner: PrunerConfig
  seed: number
  budget: StudyBudget
}

/** One problem of a config: which part of the set-up it is about, and the message. */
export interface ConfigProblem {
  /** config: general settings; space: the search space; pairing: sampler or pruner refused. */
  kind: 'config' | 'space' | 'pairing'
  /** The setting it is about (name, model, seed, budget, objectives, sampler, pruner) or a
   *  parameter name for the space; null when it is about the space as a whole. */
  field: string | null
  message: string
}

function configIssues(config: StudyConfig): ConfigProblem[] {
  const out: ConfigProblem[] = []
  const add = (field: string, message: string) => out.push({ kind: 'config', field, message })
  if (typeof config.name !== 'string' || config.name.trim() === '')
    add('name', 'Give the study a name.')
  if (!MODEL_NAMES.includes(config.model))
    add(
      'model',
      `Unknown model ${JSON.stringify(config.model)} (known: ${MODEL_NAMES.join(', ')}).`,
    )
  if (!Number.isSafeInteger(config.seed))
    add('seed', `The seed must be an integer (got ${config.seed}).`)
  const { trials, seconds } = config.budget
  if (trials === null && seconds === null)
    add('budget', 'Set a budget: a number of trials, a time limit, or both.')
  if (trials !== null && (!Number.isInteger(trials) || trials < 1))
    add('budget', `The trial budget must be a positive integer (got ${trials}).`)
  if (seconds !== null && !(seconds > 0))
    add('budget', `The time budget must be a positive number of seconds (got ${seconds}).`)
  if (config.objectives.length === 0) add('objectives', 'The study needs at least one objective.')
  const names = new Set(config.objectives.map((o) => o.name))
  if (names.size !== config.objectives.length)
    add('objectives', 'Objective names must be distinct.')
  for (const o of config.objectives)
    if (o.direction !== 'minimize' && o.direction !== 'maximize')
      add('objectives', `Objective ${o.name}: direction must be minimize or maximize.`)
  return out
}

function pairingIssues(config: StudyConfig): ConfigProblem[] {
  const out: ConfigProblem[] = []
  const add = (field: string, message: string) => out.push({ kind: 'pairing', field, message })
  if (!SAMPLER_NAMES.includes(config.sampler.name))
    add(
      'sampler',
      `Unknown sampler ${JSON.stringify(config.sampler.name)} (known: ${SAMPLER_NAMES.join(', ')}).`,
    )
  else {
    const sampler = createSampler(config.sampler, config.budget.trials)
    const refusal = sampler.refusal({
      space: config.space,
      directions: config.objectives.map((o) => o.direction),
      budgetTrials: config.budget.trials,
    })
    if (refusal) add('sampler', refusal)
  }
  if (!PRUNER_NAMES.includes(config.pruner.name))
    add(
      'pruner',
      `Unknown pruner ${JSON.stringify(config.pruner.name)} (known: ${PRUNER_NAMES.join(', ')}).`,
    )
  else {
    const known = PRUNER_OPTIONS[config.pruner.name]
    const options = 'options' in config.pruner ? (config.pruner.options ?? {}) : {}
    const unknown = Object.keys(options).filter((k) => !known.includes(k))
    if (unknown.length > 0)
      add(
        'pruner',
        `The ${config.pruner.name} pruner has no option ${unknown.map((k) => JSON.stringify(k)).join(', ')} (it reads: ${known.join(', ') || 'none'}).`,
      )
    else {
      const refusal = createPruner(config.pruner).refusal(config.objectives.map((o) => o.direction))
      if (refusal) add('pruner', refusal)
    }
  }
  return out
}

/**
 * Every problem of a config, in the order validateStudyConfig reports them: general settings
 * first (nothing else is checked while they fail), then the space (structure, then the model's
 * schema), then the sampler and pruner pairing. The study setup shows them per form field.
 */
export function studyConfigProblems(config: StudyConfig, schema?: ParamSchema): ConfigProblem[] {
  const general = configIssues(config)
  if (general.length > 0) return general
  const model = schema ?? PARAM_SCHEMAS[config.model]
  const spaceIssues = searchSpaceIssues(config.space)
  if (spaceIssues.length === 0) spaceIssues.push(...schemaIssues(config.space, model))
  const space = spaceIssues.map((i): ConfigProblem => ({
    kind: 'space',
    field: i.param,
    message: i.message,
  }))
  // A sampler cannot judge a space that is not one.
  return space.length > 0 ? space : pairingIssues(config)
}

const CODES = {
  config: 'INVALID_CONFIG',
  space: 'INVALID_SEARCH_SPACE',
  pairing: 'UNSUPPORTED_PAIRING',
} as const

/**
 * Throws HpoError unless the config can run: INVALID_CONFIG, INVALID_SEARCH_SPACE or
 * UNSUPPORTED_PAIRING, each listing every problem of its kind.
 */
export function validateStudyConfig(config: StudyConfig, schema?: ParamSchema): void {
  const problems = studyConfigProblems(config, schema)
  if (problems.length === 0) return
  throw new HpoError(CODES[problems[0].kind], problems.map((p) => p.message).join('\n'))
}
