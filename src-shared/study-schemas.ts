// The request schemas of the study channels: a study id, and the draft a study is created from.
// They check shape and bounds only; whether a space suits the model, a sampler the space, or a
// split the plan is the engine's check (the same messages the CLI prints), run by the service.
import { z } from 'zod'

/** A study file's path under <data dir>/studies, e.g. NHITS_Q_heat/study_NHITS_Q_heat_local.json. */
export const studyIdSchema = z
  .string()
  .max(512)
  .regex(
    /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9_./-]+\.json$/,
    'a study id is a study file under studies/',
  )

const finite = z.number().finite()
const paramValue = z.union([finite, z.string().max(200), z.boolean()])

/** One parameter's distribution (search-space.ts Distribution). */
export const distributionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('float'),
      low: finite,
      high: finite,
      log: z.boolean().optional(),
      step: finite.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('int'),
      low: finite,
      high: finite,
      log: z.boolean().optional(),
      step: finite.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('categorical'), choices: z.array(paramValue).max(256) }).strict(),
])

const PROVIDERS = ['auto', 'cpu', 'webgpu', 'cuda'] as const

/** What the study setup sends: everything a study is created with, before any check. */
export const studyDraftSchema = z
  .object({
    /** Names the study and its files (the job id part): letters, digits, spaces, _ . - */
    name: z
      .string()
      .trim()
      .min(1, 'give the study a name')
      .max(80)
      .regex(/^[A-Za-z0-9 _.-]+$/, 'a study name uses letters, digits, spaces, _ . and -'),
    datasetId: z.string().regex(/^[0-9a-f]{64}$/, 'a dataset id is a sha256 in hex'),
    model: z.string().min(1).max(40),
    space: z.record(z.string().min(1).max(64), distributionSchema),
    picpTarget: z.number().gt(0).lt(100),
    origins: z.number().int().min(1).max(500),
    horizon: z.number().int().min(1).max(2000),
    inputLength: z.number().int().min(1).max(20_000).optional(),
    budget: z
      .object({
        trials: z.number().int().min(1).max(100_000).nullable(),
        seconds: z
          .number()
          .positive()
          .max(366 * 86_400)
          .nullable(),
      })
      .strict(),
    epochs: z.number().int().min(1).max(10_000).optional(),
    batchSize: z.number().int().min(1).max(65_536).optional(),
    sampler: z.string().min(1).max(32),
    pruner: z.string().min(1).max(32),
    prunerOptions: z.record(z.string().max(64), finite).optional(),
    /** null: from the cores and the device. */
    workers: z.number().int().min(1).max(64).nullable(),
    provider: z.enum(PROVIDERS),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    /** Per-trial limit; null: none. */
    timeoutS: z
      .number()
      .positive()
      .max(30 * 86_400)
      .nullable(),
  })
  .strict()

export type StudyDraft = z.infer<typeof studyDraftSchema>
