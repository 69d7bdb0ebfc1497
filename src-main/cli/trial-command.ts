// `frontier trial`: one trial from the command line — train a model once on a CSV (or a demo
// dataset), score it by walk-forward validation, print the metrics, write the forecasts.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DataError } from '../engine/data/data-error'
import { readDataset } from '../engine/data/read-dataset'
import { defaultRoles } from '../engine/data/roles'
import type { SplitSpec } from '../engine/data/types'
import type { ProviderChoice } from '../engine/graph/runtime/provider'
import { ModelError } from '../engine/models/model-error'
import { availableModels, modelSpec } from '../engine/models/registry'
import { runTrial, type TrialOptions } from '../engine/train/run-trial'
import { TrainError } from '../engine/train/train-error'
import { TrainingStopped } from '../engine/train/training-stopped'
import { GraphError } from '../engine/graph/errors'
import { defaultDataDir, projectRoot } from '../paths'
import type { Command } from './main'
import { intOption, parseCliArgs } from './parse-cli-args'
import { ProgressBar } from './progress-bar'
import { formatTrial, trialJson, writeTrialFiles } from './trial-output'
import { UsageError } from './usage-error'

const DEMOS = ['heat', 'water']
const PROVIDERS: ProviderChoice[] = ['auto', 'cpu', 'webgpu', 'cuda']

const usage = `Usage: frontier trial --data <file.csv|demo:heat|demo:water> [options]

Trains one model once (70/20/10 split unless dates are given, MinMax fitted on training),
forecasts the validation split walk-forward (N origins × H steps, no refit) and prints MAE,
PICP, MIW, pinball, CRPS, Winkler and MASE. The forecasts go to a CSV in a results folder.
Exits 1 when the data or the training fails (e.g. DIVERGED), 2 on a usage error.

Options:
  --data <src>          a CSV file, or demo:heat / demo:water (the bundled demo data)
  --model <name>        ${availableModels().join(', ')} (default NHITS_Q)
  --params '<json>'     hyperparameters by the benchmarker's names, e.g.
                        '{"num_stacks":3,"layer_widths":512,"lr":0.001}'; left out = defaults
  --epochs <n>          epochs (default: the model's, 15 for NHITS_Q)
  --batch-size <n>      windows per step (default 32)
  --train-end <iso>     first instant of validation (training ends just before it)
  --val-end <iso>       first instant of test; give both dates or neither
  --origins <n>         walk-forward origins (default 10)
  --horizon <h>         steps forecast per origin (default 24)
  --input-length <l>    input window (default 168)
  --seed <s>            seed for weights, dropout and batch order (default 42)
  --ep <provider>       auto, cpu, webgpu or cuda (default auto: WebGPU if present, else CPU)
  --threads <n>         onnxruntime intra-op threads (default 1)
  --out <dir>           results folder (default <data dir>/trials: ${join(defaultDataDir(), 'trials')})
  --json                print the result as JSON ({"metrics":{"mae":…,"picp":…},…})
  -h, --help            show this help`

export const trialCommand: Command = {
  name: 'trial',
  summary: 'train one model once and score it by walk-forward validation',
  usage,
  async run(argv) {
    const { values } = parseCliArgs(
      argv,
      {
        data: { type: 'string' },
        model: { type: 'string' },
        params: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        'train-end': { type: 'string' },
        'val-end': { type: 'string' },
        origins: { type: 'string' },
        horizon: { type: 'string' },
        'input-length': { type: 'string' },
        seed: { type: 'string' },
        ep: { type: 'string' },
        threads: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
      0,
    )
    const json = values.json === true
    if (!values.data)
      throw new UsageError('--data is required (a CSV file, demo:heat or demo:water)')
    const params = parseParams(values.params)
    const options = trialOptions(values)
    const split = splitOption(values['train-end'], values['val-end'])
    const model = specOf(values.model ?? 'NHITS_Q')
    const { path, label } = dataSource(values.data)

    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(path))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      return fail(json, 'FILE_UNREADABLE', `Cannot read ${path}: ${code}`)
    }
    const bar = new ProgressBar()
    try {
      const { series, profile } = readDataset(bytes, {})
      const data = { series, roles: defaultRoles(profile), timezone: profile.timezone, split }
      const result = await runTrial(data, model, params, {
        ...options,
        onNotice: (m) => {
          if (!json) process.stderr.write(`note: ${m}\n`)
        },
        onProgress: (p) => {
          if (p.phase !== 'train') bar.update(0, p.phase, '', true)
          else
            bar.update(
              p.step / p.totalSteps,
              `epoch ${p.epoch}/${p.epochs}`,
              `step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)}`,
            )
        },
      })
      bar.done()
      const files = await writeTrialFiles(
        values.out ?? join(defaultDataDir(), 'trials'),
        label,
        result,
      )
      if (json) {
        // The forecasts are in the files; stdout carries the summary.
        const summary: Partial<ReturnType<typeof trialJson>> = trialJson(result, label)
        delete summary.forecasts
        process.stdout.write(`${JSON.stringify({ ...summary, files }, null, 2)}\n`)
      } else {
        process.stdout.write(`${formatTrial(result, label, files)}\n`)
      }
      return 0
    } catch (error) {
      bar.done()
      if (error instanceof ModelError) throw new UsageError(error.message)
      if (
        error instanceof DataError ||
        error instanceof TrainError ||
        error instanceof TrainingStopped ||
        error instanceof GraphError
      ) {
        return fail(json, error.code, error.message)
      }
      throw error
    }
  },
}

function specOf(name: string) {
  try {
    return modelSpec(name)
  } catch (error) {
    if (error instanceof ModelError) throw new UsageError(error.message)
    throw error
  }
}

function parseParams(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError(`--params is not valid JSON: ${text}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--params must be a JSON object, e.g. \'{"lr":0.001}\'')
  }
  return value as Record<string, unknown>
}

function trialOptions(values: Record<string, string | boolean | undefined>): TrialOptions {
  const int = (name: string, min = 1) => {
    const v = values[name] as string | undefined
    if (v === undefined) return undefined
    const n = intOption(v, name, 0)
    if (n < min) throw new UsageError(`--${name} must be at least ${min}`)
    return n
  }
  const ep = (values.ep as string | undefined) ?? 'auto'
  if (!PROVIDERS.includes(ep as ProviderChoice))
    throw new UsageError(`--ep must be one of ${PROVIDERS.join(', ')}`)
  return {
    epochs: int('epochs'),
    batchSize: int('batch-size'),
    origins: int('origins'),
    horizon: int('horizon'),
    inputLength: int('input-length'),
    seed: int('seed', 0),
    threads: int('threads'),
    provider: ep as ProviderChoice,
  }
}

function splitOption(trainEnd?: string, valEnd?: string): SplitSpec | undefined {
  if (trainEnd === undefined && valEnd === undefined) return undefined
  if (trainEnd === undefined || valEnd === undefined)
    throw new UsageError('give both --train-end and --val-end, or neither (70/20/10 split)')
  const instant = (text: string, name: string) => {
    // Without an offset the instant is read as UTC, as the demo data's timestamps are.
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`)
    if (!Number.isFinite(ms)) throw new UsageError(`--${name} is not an ISO date: ${text}`)
    return ms
  }
  return {
    kind: 'dates',
    trainEnd: instant(trainEnd, 'train-end'),
    valEnd: instant(valEnd, 'val-end'),
  }
}

function dataSource(data: string): { path: string; label: string } {
  if (data.startsWith('demo:')) {
    const name = data.slice(5)
    if (!DEMOS.includes(name))
      throw new UsageError(
        `unknown demo "${name}": use ${DEMOS.map((d) => `demo:${d}`).join(' or ')}`,
      )
    return { path: join(projectRoot(), 'resources', 'datasets', `${name}.csv`), label: name }
  }
  const base = data.split(/[\\/]/).pop() ?? data
  return { path: data, label: base.replace(/\.csv$/i, '') }
}

function fail(json: boolean, code: string, message: string): number {
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`)
  else process.stderr.write(`error ${code}: ${message}\n`)
  return 1
}
