// The one definition of the messages between a scheduler and a trial worker. Both directions are
// zod schemas; the types are inferred from them, and each side validates what it receives, so a
// malformed message is caught at the boundary instead of corrupting a study.
//
// Parent → worker: start (once), decision (the study's answer to each intermediate), cancel.
// Worker → parent: ready (once, before start), heartbeat, progress, intermediate, then exactly
// one terminal message: result (complete or pruned) or error.
//
// Messages travel by structured clone (child_process `serialization: 'advanced'`, Electron's
// utilityProcess), so forecasts stay Float64Arrays and NaN survives.

import { z } from 'zod'
import type { ParseOptions, Roles } from '../engine/data/types'
import { MODEL_NAMES, type ModelName } from '../engine/models/model-spec'

const int = z.number().int()
const count = int.nonnegative()
const finite = z.number().finite()
const paramValue = z.union([finite, z.string(), z.boolean()])

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The training part's start and constant-run exclusion (types.ts SplitTraining), optional. */
const splitTrainingFields = {
  trainStart: finite.optional(),
  excludeConstantHours: finite.nonnegative().optional(),
}

export const splitSpecSchema = z.union([
  z.object({
    kind: z.literal('fractions'),
    train: finite,
    val: finite,
    test: finite,
    ...splitTrainingFields,
  }),
  z.object({ kind: z.literal('dates'), trainEnd: finite, valEnd: finite, ...splitTrainingFields }),
])

/** Where the worker reads the series: it parses the file itself (main never trains). */
export const dataRefSchema = z.object({
  path: z.string().min(1),
  // The engine re-checks these when it parses; here they only need to be objects.
  parse: z.custom<ParseOptions>(isRecord, 'parse options must be an object'),
  /** null: the dataset's default roles (target = first numeric column, the rest past covariates). */
  roles: z.custom<Roles>(isRecord, 'roles must be an object').nullable(),
  split: splitSpecSchema.optional(),
})

/** runTrial's options that a study fixes for all its trials. */
export const trialSettingsSchema = z.object({
  epochs: int.positive().optional(),
  batchSize: int.positive().optional(),
  seed: count.optional(),
  inputLength: int.positive().optional(),
  horizon: int.positive().optional(),
  origins: int.positive().optional(),
  picpTarget: z.number().gt(0).lt(100).optional(),
  maxGapFill: count.optional(),
  provider: z.enum(['auto', 'cpu', 'webgpu', 'cuda']),
  threads: int.positive().optional(),
})

export const startMessageSchema = z.object({
  type: z.literal('start'),
  trialId: count,
  model: z.custom<ModelName>(
    (v) => MODEL_NAMES.includes(v as ModelName),
    `model must be one of ${MODEL_NAMES.join(', ')}`,
  ),
  params: z.record(z.string(), paramValue),
  data: dataRefSchema,
  settings: trialSettingsSchema,
  /** How often the worker sends a heartbeat. */
  heartbeatMs: int.positive(),
})

export const CANCEL_REASONS = ['user', 'timeout', 'shutdown'] as const

export const parentMessageSchema = z.discriminatedUnion('type', [
  startMessageSchema,
  z.object({ type: z.literal('decision'), epoch: int.positive(), prune: z.boolean() }),
  z.object({ type: z.literal('cancel'), reason: z.enum(CANCEL_REASONS) }),
])

const epochRecordSchema = z.object({
  epoch: int.positive(),
  step: count,
  trainLoss: z.number(),
  valLoss: z.number().nullable(),
  objectives: z.tuple([z.number(), z.number()]).nullable(),
  seconds: z.number().nonnegative(),
})

const float64 = z.custom<Float64Array>((v) => v instanceof Float64Array, 'expected a Float64Array')

const forecastSchema = z.object({
  origin: count,
  time: z.number(),
  p10: float64,
  p50: float64,
  p90: float64,
  actual: float64,
})

const completeSchema = z.object({
  state: z.literal('complete'),
  values: z.tuple([z.number(), z.number()]),
  /** Finite metrics only (NaN ones are left out by the worker). */
  metrics: z.record(z.string(), finite),
  timings: z.record(z.string(), finite),
  provider: z.enum(['cpu', 'webgpu', 'cuda']),
  providerNotice: z.string().optional(),
  epochs: count,
  steps: count,
  parameterCount: count,
  /** The model's input columns: the target, then the covariates in stacking order. */
  columns: z.array(z.string()),
  forecasts: z.array(forecastSchema),
  /** The trained network as standalone ONNX (kept by the parent for Pareto members only). */
  onnx: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected ONNX bytes').optional(),
})

const prunedSchema = z.object({
  state: z.literal('pruned'),
  epoch: int.positive(),
  timings: z.record(z.string(), finite).optional(),
})

/** What the worker was doing; `notice` carries the provider fallback message once. */
export const TRIAL_PHASES = ['load', 'prepare', 'build', 'train', 'walk-forward'] as const

export const ERROR_KINDS = ['stopped', 'data', 'model', 'train', 'graph', 'internal'] as const

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: int }),
  z.object({
    type: z.literal('heartbeat'),
    trialId: count.nullable(),
    rssBytes: count,
  }),
  z.object({
    type: z.literal('progress'),
    trialId: count,
    phase: z.enum(TRIAL_PHASES),
    epoch: int.positive().optional(),
    epochs: int.positive().optional(),
    step: count.optional(),
    totalSteps: count.optional(),
    loss: z.number().optional(),
    notice: z.string().optional(),
  }),
  z.object({ type: z.literal('intermediate'), trialId: count, record: epochRecordSchema }),
  z.object({
    type: z.literal('result'),
    trialId: count,
    outcome: z.discriminatedUnion('state', [completeSchema, prunedSchema]),
  }),
  z.object({
    type: z.literal('error'),
    trialId: count.nullable(),
    /** DIVERGED, CANCELLED, a DataError/ModelError/TrainError/GraphError code, TRIAL_ERROR… */
    code: z.string().min(1),
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    epoch: int.positive().optional(),
    step: count.optional(),
  }),
])

export type StartMessage = z.infer<typeof startMessageSchema>
export type TrialJob = Omit<StartMessage, 'type' | 'heartbeatMs'>
export type DataRef = z.infer<typeof dataRefSchema>
export type TrialSettings = z.infer<typeof trialSettingsSchema>
export type ParentMessage = z.infer<typeof parentMessageSchema>
export type CancelReason = (typeof CANCEL_REASONS)[number]
export type WorkerMessage = z.infer<typeof workerMessageSchema>
export type ProgressMessage = Extract<WorkerMessage, { type: 'progress' }>
export type ResultMessage = Extract<WorkerMessage, { type: 'result' }>
export type ErrorMessage = Extract<WorkerMessage, { type: 'error' }>
export type CompleteOutcome = z.infer<typeof completeSchema>
export type PrunedOutcome = z.infer<typeof prunedSchema>

export type Parsed<T> = { ok: true; message: T } | { ok: false; problem: string }

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, message: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue.path.length > 0 ? issue.path.join('.') : 'message'
  const type = isRecord(raw) && typeof raw.type === 'string' ? ` (type "${raw.type}")` : ''
  return { ok: false, problem: `malformed message${type}: ${where}: ${issue.message}` }
}

/** Validates what a worker sent (the parent calls this on every message). */
export function parseWorkerMessage(raw: unknown): Parsed<WorkerMessage> {
  return parseWith(workerMessageSchema, raw)
}

/** Validates what the parent sent (the worker calls this on every message). */
export function parseParentMessage(raw: unknown): Parsed<ParentMessage> {
  return parseWith(parentMessageSchema, raw)
}
