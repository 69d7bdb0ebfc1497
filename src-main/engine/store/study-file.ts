// The study file: one JSON document per study, the study's state plus a schema version. The
// zod schema checks what the engine relies on when a file is opened (trial records, config
// shape); the search space and sampler options are checked again by the study itself.

import { z } from 'zod'
import type { StudyData } from '../hpo/study'
import type { TrialConfirmation } from './trial-confirmation'

export const CURRENT_SCHEMA_VERSION = 3

export type StudyFile = StudyData & { schemaVersion: number; confirmations: TrialConfirmation[] }

const finite = z.number().finite()
const paramValue = z.union([finite, z.string(), z.boolean()])
const params = z.record(z.string(), paramValue)
const numbers = z.record(z.string(), finite)

const trialSchema = z.object({
  number: z.number().int().nonnegative(),
  state: z.enum(['running', 'complete', 'pruned', 'failed']),
  params,
  values: z.array(finite).nullable(),
  metrics: numbers.nullable(),
  intermediate: z.array(
    z.object({
      step: z.number().int().nonnegative(),
      loss: finite.nullable(),
      objectives: z.array(finite).nullable(),
    }),
  ),
  prunedAtStep: z.number().int().nullable(),
  prunedReason: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  timings: numbers.nullable(),
  provider: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  samplerData: numbers,
  enqueued: z.boolean(),
})

const confirmationSchema = z.object({
  trial: z.number().int().nonnegative(),
  confirmedAt: z.string(),
  part: z.literal('test'),
  modelSha256: z.string(),
  datasetHash: z.string(),
  origins: z.array(z.number().int().nonnegative()),
  from: z.string().nullable(),
  to: z.string().nullable(),
  horizon: z.number().int().positive(),
  metrics: numbers,
  values: z.array(finite),
  skippedOrigins: z.array(z.number().int().nonnegative()),
  provider: z.string(),
})

const configSchema = z.object({
  name: z.string(),
  model: z.enum(['NHITS_Q', 'TFT_Q', 'TIMESNET_Q']),
  dataset: z.object({
    hash: z.string(),
    name: z.string(),
    columns: z.array(z.string()),
    target: z.string(),
    split: z.union([
      z.object({ kind: z.literal('fractions'), train: finite, val: finite, test: finite }),
      z.object({ kind: z.literal('dates'), trainEnd: finite, valEnd: finite }),
    ]),
  }),
  space: z.record(z.string(), z.object({ kind: z.enum(['float', 'int', 'categorical']) }).loose()),
  objectives: z.array(z.object({ name: z.string(), direction: z.enum(['minimize', 'maximize']) })),
  sampler: z.object({ name: z.string() }).loose(),
  pruner: z.object({ name: z.string() }).loose(),
  seed: z.number().int(),
  budget: z.object({ trials: z.number().int().nullable(), seconds: finite.nullable() }),
})

export const studyFileSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  config: configSchema,
  createdAt: z.string(),
  elapsedMs: finite,
  trials: z.array(trialSchema),
  queue: z.array(params),
  userPick: z.number().int().nullable(),
  /** Out-of-sample confirmations (schema version 3), one per confirmed trial. */
  confirmations: z.array(confirmationSchema),
})
