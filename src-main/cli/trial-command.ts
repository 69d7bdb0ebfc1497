// `frontier trial`: one trial from the command line — train a model once on a CSV (or a demo
// dataset), score it by walk-forward validation, print the metrics, write the forecasts.
import { join } from 'node:path'
import { DataError } from '../engine/data/data-error'
import { ModelError } from '../engine/models/model-error'
import { availableModels, modelSpec } from '../engine/models/registry'
import { runTrial } from '../engine/train/run-trial'
import { TrainError } from '../engine/train/train-error'
import { TrainingStopped } from '../engine/train/training-stopped'
import { GraphError } from '../engine/graph/errors'
import { defaultDataDir } from '../paths'
import {
  DATA_OPTIONS,
  DATA_SOURCE_USAGE,
  DATA_USAGE,
  dataChoices,
  fail,
  numericTrialOptions,
} from './data-options'
import { isRefusal, resolveRunData } from './run-data'
import type { Command } from './main'
import { parseCliArgs } from './parse-cli-args'
import { ProgressBar } from './progress-bar'
import { formatTrial, trialJson, writeTrialFiles } from './trial-output'
import { UsageError } from './usage-error'

const usage = `Usage: frontier trial --data <file.csv|demo:heat|demo:water> [options]

Trains one model once (70/20/10 split unless dates are given, training from --train-start or
the first row, MinMax fitted on those training rows, windows over constant runs skipped),
forecasts the validation split walk-forward (N origins × H steps, no refit) and prints MAE,
PICP, MIW, pinball, CRPS, Winkler and MASE. The forecasts go to a CSV in a results folder.
Exits 1 when the data or the training fails (e.g. DIVERGED), 2 on a usage error.

Options:
  --data <src>          ${DATA_SOURCE_USAGE}
  --model <name>        ${availableModels().join(', ')} (default NHITS_Q)
  --params '<json>'     hyperparameters by the benchmarker's names, e.g.
                        '{"num_stacks":3,"layer_widths":512,"lr":0.001}'; left out = defaults
  --epochs <n>          epochs (default: the model's, 15 for NHITS_Q)
  --seed <s>            seed for weights, dropout and batch order (default 42)
${DATA_USAGE}
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
        ...DATA_OPTIONS,
        model: { type: 'string' },
        params: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
      0,
    )
    const json = values.json === true
    if (!values.data)
      throw new UsageError('--data is required (a CSV file, demo:heat or demo:water)')
    const params = parseParams(values.params)
    const options = numericTrialOptions(values)
    const model = specOf(values.model ?? 'NHITS_Q')
    const choices = dataChoices(values)
    const bar = new ProgressBar()
    try {
      const chosen = await resolveRunData(
        values.data,
        choices,
        values['data-dir'] ?? defaultDataDir(),
      )
      if (isRefusal(chosen)) return fail(json, chosen.code, chosen.message)
      const { series, profile, roles, split, label } = chosen
      const data = { series, roles, timezone: profile.timezone, split }
      const result = await runTrial(data, model, params, {
        ...options,
        exportOnnx: true,
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
