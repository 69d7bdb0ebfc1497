// One `frontier run` from request to exit code: check the data and the split once (not in every
// trial), create or resume the study, decide where trials run, schedule them in worker processes
// with a live display, stop cleanly on Ctrl-C or SIGTERM (a cluster's time limit), and export
// and report whatever is complete. Exit codes: 0 done, 1 refused or nothing complete, 130 stopped.

import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { DataError } from '../engine/data/data-error'
import { DEFAULT_SPLIT, resolveSplit } from '../engine/data/split'
import { HpoError } from '../engine/hpo/hpo-error'
import { prunerConfig } from '../engine/hpo/pruners/registry'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../engine/hpo/study-config'
import { StoreError } from '../engine/store/store-error'
import { planExecution, type ExecutionPlan } from '../services/execution-plan'
import { GpuAdmission } from '../services/gpu-admission'
import { sampleSystem } from '../services/gpu-monitor'
import { RunSpecError, type RunSpec } from '../services/run-spec'
import { exportStudy, type StudyExport } from '../services/study-export'
import {
  openOrCreateStudy,
  studyScheduler,
  StudyRunError,
  type OpenedStudy,
} from '../services/study-runner'
import { NodeWorkerHost } from '../worker/node-worker-host'
import { fail } from './data-options'
import { isRefusal, resolveRunData } from './run-data'
import { RunDisplay } from './run-display'
import { formatRun, runJson } from './run-report'
import type { RunRequest } from './run-request'

export interface RunIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): boolean; isTTY?: boolean; columns?: number }
}

const REFUSALS = [DataError, HpoError, StoreError, StudyRunError, RunSpecError]

function refusal(error: unknown): { code: string; message: string } | null {
  for (const type of REFUSALS)
    if (error instanceof type)
      return { code: (error as { code: string }).code, message: error.message }
  return null
}

/** The study file's path: <dir>/<MODEL>_<DATASET>/study_<MODEL>_<DATASET>_<JOBID>.json */
export function studyPathFor(dir: string, model: string, dataset: string, jobId: string): string {
  const folder = `${model}_${dataset}`
  return join(dir, folder, `study_${folder}_${jobId}.json`)
}

/** Reads and checks the data once; the parts of the study config and run spec that come from it. */
async function prepare(req: RunRequest) {
  const data = await resolveRunData(req.data, req.choices, req.dataDir)
  if (isRefusal(data)) return { ok: false as const, code: data.code, message: data.message }
  const { series, roles, split: chosen, hash, label, parse } = data
  const split = chosen ?? DEFAULT_SPLIT
  // The split must hold every trial's windows and origins; say so now rather than in each trial.
  resolveSplit(series.timestamps, split, {
    inputLength: req.settings.inputLength ?? 168,
    horizon: req.settings.horizon ?? 24,
    origins: req.settings.origins ?? 10,
  })
  const config: StudyConfig = {
    name: `${req.model}_${label}_${req.jobId}`,
    model: req.model,
    dataset: {
      hash,
      name: label,
      columns: series.columns.map((c) => c.name),
      target: roles.target,
      split,
    },
    space: req.space,
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: req.sampler },
    pruner: prunerConfig(req.pruner, req.prunerOptions),
    seed: req.seed,
    budget: { trials: req.trials, seconds: null },
  }
  const spec: RunSpec = {
    version: 1,
    model: req.model,
    jobId: req.jobId,
    data: {
      path: resolve(data.path),
      label,
      hash,
      parse,
      roles,
      ...(chosen ? { split: chosen } : {}),
    },
    settings: req.settings,
  }
  return {
    ok: true as const,
    config,
    spec,
    path: studyPathFor(req.studyDir, req.model, label, req.jobId),
  }
}

async function plan(req: RunRequest, spec: RunSpec): Promise<ExecutionPlan> {
  const provider = spec.settings.provider
  // Only a GPU-capable request needs to look at the machine (systeminformation may call nvidia-smi).
  const system = provider === 'cpu' ? null : await sampleSystem().catch(() => null)
  return planExecution({ provider, workers: req.workers, cores: availableParallelism(), system })
}

async function exportResults(opened: OpenedStudy, outDir: string) {
  const complete = opened.study.trials.some((t) => t.state === 'complete')
  if (!complete) return { exported: null, exportProblem: 'no trial is complete yet' }
  try {
    const exported: StudyExport = await exportStudy(
      opened.path,
      opened.study.data,
      opened.spec.jobId,
      outDir,
    )
    return { exported, exportProblem: null }
  } catch (error) {
    const r = refusal(error)
    if (!r) throw error
    return { exported: null, exportProblem: `${r.code}: ${r.message}` }
  }
}

/** On resume the stored settings win; says which of the options given differ from them. */
function ignoredOnResume(asked: RunSpec['settings'], stored: RunSpec['settings']): string | null {
  const keys = [
    ...new Set([...Object.keys(asked), ...Object.keys(stored)]),
  ] as (keyof RunSpec['settings'])[]
  const differ = keys.filter((k) => asked[k] !== stored[k])
  if (differ.length === 0) return null
  const what = differ.map(
    (k) => `${k} ${asked[k] ?? 'default'} (the study uses ${stored[k] ?? 'the default'})`,
  )
  return `Resuming with the study's own training settings; ignored: ${what.join(', ')}.`
}

export async function runStudySession(req: RunRequest, io: RunIo = process): Promise<number> {
  let opened: OpenedStudy
  try {
    const prepared = await prepare(req)
    if (!prepared.ok) return fail(req.json, prepared.code, prepared.message)
    opened = await openOrCreateStudy(prepared.path, prepared.config, prepared.spec, req.resume)
  } catch (error) {
    const r = refusal(error)
    if (r) return fail(req.json, r.code, r.message)
    throw error
  }
  const execution = await plan(req, opened.spec)
  const plain = req.json ? io.stderr : io.stdout
  const display = new RunDisplay(opened.study, io.stderr.isTTY ? io.stderr : null, plain)
  const done = opened.study.trials.filter(
    (t) => t.state !== 'running' && t.error?.code !== 'INTERRUPTED',
  ).length
  display.line(
    opened.resumed
      ? `Resuming ${opened.path} (${done} trials done${opened.recovered.length > 0 ? `; ${opened.recovered.length} left running by a crash queued again` : ''}).`
      : `Study ${opened.path}`,
  )
  const ignored = opened.resumed ? ignoredOnResume(req.settings, opened.spec.settings) : null
  if (ignored) display.line(ignored)
  display.line(execution.note)

  const scheduler = studyScheduler(
    {
      ...opened,
      spec: { ...opened.spec, settings: { ...opened.spec.settings, provider: execution.provider } },
    },
    {
      host: new NodeWorkerHost(),
      workers: execution.workers,
      timeoutMs: req.timeoutS === null ? null : req.timeoutS * 1000,
      admission:
        execution.device === 'gpu'
          ? new GpuAdmission(opened.spec.model, { sample: () => sampleSystem() })
          : undefined,
      onEvent: (e) => display.event(e),
    },
  )
  let interrupts = 0
  const onSignal = () => {
    interrupts++
    if (interrupts === 1) {
      display.line('Stopping (Ctrl-C again to kill the running trials now); --resume continues.')
      void scheduler.stop()
    } else void scheduler.stop({ force: true })
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let stopped: boolean
  try {
    stopped = (await scheduler.run()).stopped
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    display.done()
    await opened.store.close()
  }
  const { exported, exportProblem } = await exportResults(opened, req.studyDir)
  const outcome = {
    studyPath: opened.path,
    resumed: opened.resumed,
    recovered: opened.recovered,
    plan: execution,
    stopped,
    exported,
    exportProblem,
  }
  if (req.json) io.stdout.write(`${JSON.stringify(runJson(opened.study, outcome), null, 2)}\n`)
  else io.stdout.write(`\n${formatRun(opened.study, outcome)}\n`)
  if (stopped) return 130
  return exported ? 0 : 1
}
