// What a study's trials are trained with, beyond what the study itself records: where the data
// file is and how to read it, and runTrial's settings (epochs, origins, horizon, provider…).
// Written once, beside the study file (<study>.run.json), before the study file itself, so a
// resumed study — after a crash, a Ctrl-C or a cluster requeue — trains exactly as it began.

import { CodedError } from '../engine/coded-error'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { AskedTrial } from '../engine/hpo/study'
import { MODEL_NAMES, type ModelName } from '../engine/models/model-spec'
import { writeFileAtomic } from '../engine/store/atomic-write'
import { dataRefSchema, trialSettingsSchema, type TrialJob } from '../worker/protocol'

export const runSpecSchema = z.object({
  version: z.literal(1),
  model: z.custom<ModelName>((v) => MODEL_NAMES.includes(v as ModelName)),
  /** The cluster job (or `local`) that runs the study; it names the export files. */
  jobId: z.string().min(1),
  data: dataRefSchema.extend({
    /** The dataset's name in file names and tables (heat, water, the CSV's base name). */
    label: z.string().min(1),
    /** sha256 of the file's bytes when the study began; a resume refuses a changed file. */
    hash: z.string().min(1),
  }),
  settings: trialSettingsSchema,
  /** The app's dataset (registry id) the data file is; absent for a file outside the registry. */
  datasetId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** How the study is run when the app starts it; the CLI's own options win for `frontier run`. */
  run: z
    .object({
      /** Trials at a time; null: from the cores and the device. */
      workers: z.number().int().positive().nullable(),
      /** Per-trial limit in seconds; null: none. */
      timeoutS: z.number().positive().nullable(),
    })
    .optional(),
})

export type RunSpec = z.infer<typeof runSpecSchema>

export class RunSpecError extends CodedError<'RUN_SPEC_MISSING' | 'RUN_SPEC_INVALID'> {
  override readonly name = 'RunSpecError'
}

/** <dir>/<name>.json → <dir>/<name>.run.json */
export function runSpecPath(studyPath: string): string {
  return `${studyPath.replace(/\.json$/i, '')}.run.json`
}

export async function writeRunSpec(studyPath: string, spec: RunSpec): Promise<void> {
  await mkdir(dirname(studyPath), { recursive: true })
  await writeFileAtomic(runSpecPath(studyPath), `${JSON.stringify(spec, null, 2)}\n`)
}

export async function readRunSpec(studyPath: string): Promise<RunSpec> {
  const path = runSpecPath(studyPath)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new RunSpecError(
      'RUN_SPEC_MISSING',
      `${path} is missing: without it the study's data and training settings are unknown. Start a new study.`,
    )
  }
  let parsed
  try {
    parsed = runSpecSchema.safeParse(JSON.parse(text))
  } catch {
    parsed = null
  }
  if (!parsed?.success)
    throw new RunSpecError('RUN_SPEC_INVALID', `${path} is not a valid run file.`)
  return parsed.data
}

/** The worker's start payload for one asked trial. */
export function trialJob(spec: RunSpec, trial: AskedTrial): TrialJob {
  const { path, parse, roles, split } = spec.data
  return {
    trialId: trial.trialId,
    model: spec.model,
    params: trial.params,
    data: { path, parse, roles, ...(split ? { split } : {}) },
    settings: spec.settings,
  }
}
