// What `frontier trial` leaves behind and prints: the validation forecasts as CSV (one row per
// forecast hour, original units, for plotting), the whole result as JSON, and a text summary.

import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatInstant } from '../engine/data/format'
import { METRIC_NAMES } from '../engine/metrics/summary'
import type { TrialResult } from '../engine/train/run-trial'
import { formatSeconds } from './progress-bar'

export interface TrialFiles {
  folder: string
  forecasts: string
  result: string
  /** The trained network, standalone (null when the trial did not export one). */
  onnx: string | null
}

/** `<out>/<MODEL>-<dataset>-<UTC stamp>/forecasts.csv`, `trial.json` and `model.onnx`. */
export async function writeTrialFiles(
  out: string,
  dataset: string,
  result: TrialResult,
  now = new Date(),
): Promise<TrialFiles> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  const folder = join(out, `${result.model}-${dataset.replace(/[^\w.-]+/g, '_')}-${stamp}`)
  await mkdir(folder, { recursive: true })
  const files = {
    folder,
    forecasts: join(folder, 'forecasts.csv'),
    result: join(folder, 'trial.json'),
    onnx: result.onnx ? join(folder, 'model.onnx') : null,
  }
  await writeFile(files.forecasts, forecastsCsv(result))
  if (files.onnx && result.onnx) await writeFile(files.onnx, result.onnx)
  await writeFile(files.result, `${JSON.stringify(trialJson(result, dataset), null, 2)}\n`)
  return files
}

function forecastsCsv(result: TrialResult): string {
  const lines = ['origin,time,step,actual,p10,p50,p90']
  for (const f of result.forecasts) {
    const origin = new Date(f.time).toISOString()
    const stepMs = f.actual.length > 0 ? hourMs(result) : 0
    for (let h = 0; h < f.actual.length; h++) {
      const time = new Date(f.time + h * stepMs).toISOString()
      const cells = [f.actual[h], f.p10[h], f.p50[h], f.p90[h]].map(cell)
      lines.push([origin, time, String(h), ...cells].join(','))
    }
  }
  return `${lines.join('\n')}\n`
}

/** The grid step, from the split instants and rows (both on the same grid). */
function hourMs(result: TrialResult): number {
  const s = result.split
  return (s.valEndTime - s.trainEndTime) / (s.valEnd - s.trainEnd)
}

function cell(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : ''
}

/** The result as plain JSON (typed arrays as arrays; NaN becomes null). */
export function trialJson(result: TrialResult, dataset: string) {
  return {
    model: result.model,
    dataset,
    params: result.params,
    values: result.values,
    metrics: result.metrics,
    intermediate: result.intermediate,
    keptEpoch: result.keptEpoch,
    provider: result.provider,
    ...(result.providerNotice ? { providerNotice: result.providerNotice } : {}),
    timings: result.timings,
    epochs: result.epochs,
    steps: result.steps,
    stoppedEarly: result.stoppedEarly,
    parameterCount: result.parameterCount,
    windows: result.windows,
    split: result.split,
    columns: result.columns,
    skippedOrigins: result.skippedOrigins,
    forecasts: result.forecasts.map((f) => ({
      origin: new Date(f.time).toISOString(),
      actual: Array.from(f.actual),
      p10: Array.from(f.p10),
      p50: Array.from(f.p50),
      p90: Array.from(f.p90),
    })),
  }
}

export function formatTrial(result: TrialResult, dataset: string, files: TrialFiles): string {
  const p = result.params
  const m = result.metrics
  const first = result.forecasts[0]
  const lines = [
    `${result.model} on ${dataset}: ${JSON.stringify(p)}`,
    `  ${result.parameterCount.total.toLocaleString('en')} parameters ` +
      `(${result.parameterCount.trainable.toLocaleString('en')} trainable), columns ` +
      `${result.columns.join(', ')}; ${result.windows.train} training windows ` +
      `(${result.windows.trainSkipped} skipped for gaps` +
      (result.windows.trainExcluded > 0
        ? `, ${result.windows.trainExcluded} for constant runs`
        : '') +
      ')',
    `Provider: ${result.provider}${result.providerNotice ? ` (${result.providerNotice})` : ''}`,
    '',
    'epoch  train loss   val loss       MAE  |PICP-80|  seconds',
    ...result.intermediate.map(
      (e) =>
        `${String(e.epoch).padStart(5)}  ${e.trainLoss.toFixed(5).padStart(10)}  ` +
        `${(e.valLoss === null ? '-' : e.valLoss.toFixed(5)).padStart(9)}  ` +
        `${(e.objectives ? e.objectives[0].toFixed(4) : '-').padStart(8)}  ` +
        `${(e.objectives ? e.objectives[1].toFixed(2) : '-').padStart(9)}  ${e.seconds.toFixed(1).padStart(7)}` +
        (e.epoch === result.keptEpoch && result.epochs > 1 ? '  ← kept' : ''),
    ),
    '',
    `Validation walk-forward with the weights after epoch ${result.keptEpoch}` +
      (result.keptEpoch === result.epochs ? '' : ' (the lowest validation loss)') +
      `: ${result.forecasts.length} origins × ${first?.actual.length ?? 0} ` +
      `steps from ${first ? formatInstant(first.time) : '-'}` +
      (result.skippedOrigins.length > 0 ? `, ${result.skippedOrigins.length} skipped (gaps)` : ''),
    ...METRIC_NAMES.map((name) => {
      const v = m[name]
      const unit = name === 'picp' ? ' %' : ''
      return `  ${name.padEnd(8)} ${Number.isFinite(v) ? v.toFixed(4) : 'n/a'}${unit}`
    }),
    `Objectives [MAE, |PICP − target|]: [${result.values.map((v) => v.toFixed(4)).join(', ')}]`,
    '',
    `Timings: ${Object.entries(result.timings)
      .map(([k, v]) => `${k} ${formatSeconds(v)}`)
      .join(', ')}; ${result.steps} steps in ${result.epochs} epochs` +
      (result.stoppedEarly ? ' (stopped early)' : ''),
    `Forecasts written to ${files.forecasts} (CSV, original units); full result in ${files.result}` +
      (files.onnx ? `; model in ${files.onnx}` : ''),
  ]
  return lines.join('\n')
}
