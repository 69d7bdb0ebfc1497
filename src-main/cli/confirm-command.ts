// `frontier confirm <study>`: scores chosen trials' stored models (default: the Pareto front)
// walk-forward on the test split the study never saw, keeps the result in the study file,
// prints validation beside test, and rewrites the exports.

import { stat } from 'node:fs/promises'
import { DataError } from '../engine/data/data-error'
import { GraphError } from '../engine/graph/errors'
import { ModelError } from '../engine/models/model-error'
import { StoreError } from '../engine/store/store-error'
import { ConfirmError } from '../engine/train/confirm-error'
import { TrainError } from '../engine/train/train-error'
import { RunSpecError } from '../services/run-spec'
import { confirmStudy, type TrialSelection } from '../services/study-confirm'
import { confirmJson, formatConfirm } from './confirm-output'
import { fail } from './data-options'
import type { Command } from './main'
import { parseCliArgs } from './parse-cli-args'
import { ProgressBar } from './progress-bar'
import { defaultStudyDir } from './run-request'
import { scanStudies } from './study-summaries'
import { UsageError } from './usage-error'

const usage = `Usage: frontier confirm <study> [--trials front|all|<n,n,…>] [--json] [--study-dir D]

Confirms the pick out of sample: each chosen trial's stored ONNX model forecasts the test split
walk-forward (the same number of origins, horizon and input window as its validation; the
history before each origin spans training and validation; no refit) and is scored with the
same metrics. Prints validation beside test per trial, stores the result in the study file and
rewrites the study's exports (benchmarker JSON and trials CSV) with both.

<study> is a study file, a folder holding exactly one study, or a job id looked up in
--study-dir. Models are kept for the Pareto front and the user's pick only.
Exits 0 when done, 1 when refused (the dataset changed, a trial has no model, the study is
still running), 2 on a usage error.

Options:
  --trials <which>      front (default), all (every trial with a stored model), or numbers
                        such as 3,7
  --study-dir <dir>     where job ids are looked up (default ${defaultStudyDir()})
  --json                the result as JSON
  -h, --help            show this help`

const REFUSALS = [
  ConfirmError,
  StoreError,
  RunSpecError,
  DataError,
  TrainError,
  ModelError,
  GraphError,
]

export function trialsOption(text: string | undefined): TrialSelection {
  if (text === undefined || text === 'front') return 'front'
  if (text === 'all') return 'all'
  const numbers = text.split(',').map((s) => s.trim())
  if (numbers.length === 0 || !numbers.every((s) => /^\d+$/.test(s)))
    throw new UsageError(
      `--trials must be front, all, or trial numbers such as 3,7 (got "${text}")`,
    )
  return numbers.map(Number)
}

/** A study file, a folder with one study, or a job id under studyDir → the study file's path. */
export async function locateStudy(target: string, studyDir: string): Promise<string> {
  const kind = await stat(target).then(
    (s) => (s.isDirectory() ? 'dir' : 'file'),
    () => null,
  )
  if (kind === 'file') return target
  const dir = kind === 'dir' ? target : studyDir
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  )
  if (!exists)
    throw new UsageError(
      `${target} is neither a study file nor a folder, and ${dir} does not exist`,
    )
  const { studies } = await scanStudies(dir)
  const matches = kind === 'dir' ? studies : studies.filter((s) => s.job === target)
  if (matches.length === 1) return matches[0].path
  const where = kind === 'dir' ? `in ${dir}` : `with job id "${target}" in ${dir}`
  if (matches.length === 0) throw new UsageError(`no study ${where}`)
  throw new UsageError(
    `${matches.length} studies ${where}; name the file:\n${matches.map((s) => `  ${s.path}`).join('\n')}`,
  )
}

export const confirmCommand: Command = {
  name: 'confirm',
  summary: 'score the front (or chosen trials) on the test split: validation beside test',
  usage,
  async run(argv) {
    const { values, positionals } = parseCliArgs(
      argv,
      { trials: { type: 'string' }, 'study-dir': { type: 'string' }, json: { type: 'boolean' } },
      1,
    )
    const json = values.json === true
    const trials = trialsOption(values.trials)
    const path = await locateStudy(positionals[0], values['study-dir'] ?? defaultStudyDir())
    const bar = json ? null : new ProgressBar()
    try {
      const result = await confirmStudy(path, {
        trials,
        onProgress: (p) =>
          bar?.update(
            p.done / Math.max(1, p.total),
            'Confirming',
            p.trial === null ? 'done' : `trial ${p.trial} (${p.done + 1}/${p.total})`,
            true,
          ),
      })
      bar?.done()
      if (json) process.stdout.write(`${JSON.stringify(confirmJson(result), null, 2)}\n`)
      else process.stdout.write(`${formatConfirm(result)}\n`)
      return 0
    } catch (error) {
      bar?.done()
      for (const type of REFUSALS)
        if (error instanceof type)
          return fail(json, (error as { code: string }).code, error.message)
      throw error
    }
  },
}
