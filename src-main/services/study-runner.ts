// A study as something to run: create it (run spec first, then the study file) or open it again
// (crash recovery included), and wire it to a Scheduler whose finished trials leave their
// validation forecasts in the artifacts folder. The study service (study-service.ts, study-run.ts)
// builds on it for the app, `frontier serve` and `frontier run`; no Electron here.

import { CodedError } from '../engine/coded-error'
import { rm, stat } from 'node:fs/promises'
import type { StudyConfig } from '../engine/hpo/study-config'
import {
  FORECAST_ARTIFACT,
  ONNX_ARTIFACT,
  retainOnnxFor,
  writeTrialArtifact,
} from '../engine/store/artifacts'
import {
  createPersistentStudy,
  openPersistentStudy,
  type PersistentStudy,
} from '../engine/store/persistent-study'
import type { TrialRecord } from '../engine/hpo/types'
import type { TrialEnd } from '../worker/trial-process'
import { readRunSpec, runSpecPath, trialJob, writeRunSpec, type RunSpec } from './run-spec'
import { Scheduler, type SchedulerOptions } from './scheduler'

export class StudyRunError extends CodedError<'STUDY_EXISTS' | 'DATA_CHANGED'> {
  override readonly name = 'StudyRunError'
}

export interface OpenedStudy extends PersistentStudy {
  path: string
  /** The stored spec when resumed (it wins over the one asked for), else the new one. */
  spec: RunSpec
  resumed: boolean
  /** Trials a crash had left running, now failed (INTERRUPTED) and queued again. */
  recovered: number[]
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/**
 * Creates the study at path, or — with resume — opens the one there. A resumed study keeps its
 * stored config and run spec; the data file must still hash the same.
 */
export async function openOrCreateStudy(
  path: string,
  config: StudyConfig,
  spec: RunSpec,
  resume: boolean,
): Promise<OpenedStudy> {
  if (await exists(path)) {
    if (!resume)
      throw new StudyRunError(
        'STUDY_EXISTS',
        `A study already exists at ${path}. Pass --resume to continue it, or choose another --job-id or --study-dir.`,
      )
    const stored = await readRunSpec(path)
    if (stored.data.hash !== spec.data.hash)
      throw new StudyRunError(
        'DATA_CHANGED',
        `${spec.data.path} is not the file this study began with (its contents changed). Start a new study for the new data.`,
      )
    const opened = await openPersistentStudy(path)
    return { ...opened, path, spec: stored, resumed: true }
  }
  // The run spec first: a crash between the two writes leaves no study without its spec.
  await writeRunSpec(path, spec)
  try {
    const created = await createPersistentStudy(path, config)
    return { ...created, path, spec, resumed: false, recovered: [] }
  } catch (error) {
    // A config the study refuses leaves no run file behind either (unless a study file
    // appeared there meanwhile: then the run file is that study's).
    if (!(await exists(path))) await rm(runSpecPath(path), { force: true })
    throw error
  }
}

/** The forecasts as JSON (NaN — a missing actual — as null). */
function forecastJson(end: TrialEnd & { state: 'complete' }): string {
  const list = (a: Float64Array) => Array.from(a, (v) => (Number.isFinite(v) ? v : null))
  const forecasts = end.outcome.forecasts.map((f) => ({
    origin: f.origin,
    time: Number.isFinite(f.time) ? new Date(f.time).toISOString() : null,
    p10: list(f.p10),
    p50: list(f.p50),
    p90: list(f.p90),
    actual: list(f.actual),
  }))
  return `${JSON.stringify({ forecasts })}\n`
}

export type StudySchedulerOptions = Omit<SchedulerOptions, 'study' | 'job'>

/** A Scheduler for an opened study; complete trials' forecasts go to the artifacts folder. */
export function studyScheduler(opened: OpenedStudy, options: StudySchedulerOptions): Scheduler {
  return new Scheduler({
    ...options,
    study: opened.study,
    job: (trial) => trialJob(opened.spec, trial),
    onTrialEnd: async (record: TrialRecord, end: TrialEnd) => {
      if (end.state === 'complete') {
        await writeTrialArtifact(opened.path, record.number, FORECAST_ARTIFACT, forecastJson(end))
        if (end.outcome.onnx) {
          await writeTrialArtifact(opened.path, record.number, ONNX_ARTIFACT, end.outcome.onnx)
          // Only models a user can still choose are kept: the front and the user's own pick.
          const { front, user } = opened.study.pareto()
          await retainOnnxFor(
            opened.path,
            [...front, ...(user ? [user] : [])].map((t) => t.number),
          )
        }
      }
      await options.onTrialEnd?.(record, end)
    },
  })
}
