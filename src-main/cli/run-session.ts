// One `frontier run` from request to exit code, as a thin client of the study service: check
// the data and the split once (not in every trial), create or resume the study, and hand it to
// the StudyService that the app and `frontier serve` run studies with (execution plan, GPU
// admission, worker processes, curves, exports). What stays here: the request → study mapping,
// the live display, Ctrl-C or SIGTERM (a cluster's time limit) and the report. Exit codes: 0
// done, 1 refused or nothing complete, 130 stopped.

import { createHash } from 'node:crypto'
import { basename, resolve } from 'node:path'
import { readDataset } from '../engine/data/read-dataset'
import { defaultRoles } from '../engine/data/roles'
import { DEFAULT_SPLIT, resolveSplit } from '../engine/data/split'
import type { ParseOptions } from '../engine/data/types'
import { prunerConfig } from '../engine/hpo/pruners/registry'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../engine/hpo/study-config'
import type { RunSpec } from '../services/run-spec'
import { studyPathFor } from '../services/study-files'
import { refusalOf } from '../services/study-run'
import type { OpenedStudy } from '../services/study-runner'
import { StudyService } from '../services/study-service'
import { dataSource, fail, readDataFile, withCalendar } from './data-options'
import { RunDisplay } from './run-display'
import { formatRun, runJson } from './run-report'
import type { RunRequest } from './run-request'

export { studyPathFor }

export interface RunIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): boolean; isTTY?: boolean; columns?: number }
}

/** Reads and checks the data once; the parts of the study config and run spec that come from it. */
async function prepare(req: RunRequest) {
  const source = dataSource(req.data)
  const label = source.label.replace(/[^A-Za-z0-9_.-]+/g, '_')
  const file = await readDataFile(source.path)
  if (!('bytes' in file)) return { ok: false as const, code: file.code, message: file.message }
  // Trials read the file with the same options, so columns get the same names there.
  const parse: ParseOptions = { sourceName: basename(source.path) }
  const { series, profile } = readDataset(file.bytes, parse)
  const roles = withCalendar(defaultRoles(profile), req.calendar)
  const split = req.split ?? DEFAULT_SPLIT
  // The split must hold every trial's windows and origins; say so now rather than in each trial.
  resolveSplit(series.timestamps, split, {
    inputLength: req.settings.inputLength ?? 168,
    horizon: req.settings.horizon ?? 24,
    origins: req.settings.origins ?? 10,
  })
  const hash = createHash('sha256').update(file.bytes).digest('hex')
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
      path: resolve(source.path),
      label,
      hash,
      parse,
      // null: the worker takes the dataset's default roles, as this process did.
      roles: req.calendar ? roles : null,
      split: req.split,
    },
    settings: req.settings,
    // What the app's start reuses for this study; `frontier run` takes its own options each time.
    run: { workers: req.workers, timeoutS: req.timeoutS },
  }
  return {
    ok: true as const,
    config,
    spec,
    path: studyPathFor(req.studyDir, req.model, label, req.jobId),
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
  // The service's exports go to its studies folder: the CLI's --study-dir.
  const service = new StudyService({ studiesDir: req.studyDir })
  let opened: OpenedStudy
  try {
    const prepared = await prepare(req)
    if (!prepared.ok) return fail(req.json, prepared.code, prepared.message)
    const { path, config, spec } = prepared
    opened = await service.openForRun(path, config, spec, req.resume)
  } catch (error) {
    const r = refusalOf(error)
    if (r) return fail(req.json, r.code, r.message)
    throw error
  }
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

  const run = await service.launch(opened, {
    workers: req.workers,
    timeoutS: req.timeoutS,
    onPlan: (plan) => display.line(plan.note),
    onEvent: (e) => display.event(e),
  })
  let interrupts = 0
  const onSignal = () => {
    interrupts++
    if (interrupts === 1) {
      display.line('Stopping (Ctrl-C again to kill the running trials now); --resume continues.')
      void run.stop()
    } else void run.stop({ force: true })
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let result
  try {
    result = await run.done
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    display.done()
  }
  const { stopped, exported, exportProblem } = result
  const outcome = {
    studyPath: opened.path,
    resumed: opened.resumed,
    recovered: opened.recovered,
    plan: run.plan,
    stopped,
    exported,
    exportProblem,
  }
  if (req.json) io.stdout.write(`${JSON.stringify(runJson(opened.study, outcome), null, 2)}\n`)
  else io.stdout.write(`\n${formatRun(opened.study, outcome)}\n`)
  if (stopped) return 130
  return exported ? 0 : 1
}
