// Confirming a trained trial's stored model: on the test split it must give exactly what the slow
// reference walk-forward gives over the test origins (one session run per origin, windows read by
// hand from the scaled columns), and pointed at the validation split it must reproduce the
// trial's own validation metrics — which proves the stored model is the one that was scored.

import * as ort from 'onnxruntime-node'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../../../src-main/engine/data/roles'
import { confirmModel } from '../../../../src-main/engine/train/confirm-model'
import { runTrial, type TrialResult } from '../../../../src-main/engine/train/run-trial'
import { readStoredModel } from '../../../../src-main/engine/train/stored-model'
import { prepareTrialData, type TrialData } from '../../../../src-main/engine/train/trial-data'
import { testPlan } from '../../../../src-main/engine/train/walk-forward-plan'
import { walkForwardReference } from '../../../../src-main/engine/train/walk-forward-reference'

// 70 days of an hourly daily cycle with a slow drift and a temperature covariate.
const HOURS = 70 * 24
const start = Date.UTC(2024, 0, 1)
const lines = ['timestamp,load,temp']
for (let i = 0; i < HOURS; i++) {
  const temp = 5 + 4 * Math.sin(i / 90)
  const load = 40 + 12 * Math.sin((2 * Math.PI * i) / 24) + 3 * Math.cos(i / 37) - 0.8 * temp
  lines.push(
    `${new Date(start + i * 3_600_000).toISOString()},${load.toFixed(3)},${temp.toFixed(2)}`,
  )
}
const { series, profile } = readDataset(new TextEncoder().encode(lines.join('\n')), {})
const data: TrialData = {
  series,
  roles: defaultRoles(profile),
  timezone: profile.timezone,
  split: { kind: 'dates', trainEnd: Date.UTC(2024, 1, 10), valEnd: Date.UTC(2024, 1, 25) },
}
const settings = { inputLength: 48, horizon: 12, origins: 3 }
const off = { hour: false, weekday: false, month: false, weekend: false, holidays: null }
const PARAMS = { num_stacks: 1, num_blocks: 1, num_layers: 1, layer_widths: 16, lr: 3e-3 }

let trial: TrialResult
let onnx: Uint8Array
beforeAll(async () => {
  trial = await runTrial(data, 'NHITS_Q', PARAMS, {
    ...settings,
    epochs: 2,
    provider: 'cpu',
    exportOnnx: true,
  })
  onnx = trial.onnx as Uint8Array
}, 60_000)

/** The slow oracle's forecaster: one run of the stored model per origin, its window read by hand. */
async function perOriginForecasts(origins: number[]) {
  const prepared = prepareTrialData(data, settings)
  const session = await ort.InferenceSession.create(onnx)
  const columns = [prepared.source.target, ...prepared.source.covariates]
  const L = settings.inputLength
  const H = settings.horizon
  const rows = new Map<number, { p10: Float64Array; p50: Float64Array; p90: Float64Array }>()
  for (const origin of origins) {
    const x = new Float32Array(L * columns.length)
    for (let t = 0; t < L; t++)
      for (let c = 0; c < columns.length; c++)
        x[t * columns.length + c] = columns[c][origin - L + t]
    const out = await session.run({ x: new ort.Tensor('float32', x, [1, L, columns.length]) })
    const q = out.quantiles.data as Float32Array
    const level = (k: number) => Float64Array.from({ length: H }, (_, h) => q[h * 3 + k])
    rows.set(origin, { p10: level(0), p50: level(1), p90: level(2) })
  }
  await session.release()
  return { prepared, forecast: (origin: number) => rows.get(origin) ?? null }
}

describe('confirmModel', () => {
  it('scores the test split exactly as the slow reference walk-forward does', async () => {
    const result = await confirmModel({ data, onnx, settings })
    const prepared = prepareTrialData(data, settings)
    const plan = testPlan(prepared.split, settings)
    expect(result.plan).toEqual(plan)
    // Same count, horizon and offset as validation, placed in the test split.
    expect(plan.origins).toEqual([0, 1, 2].map((i) => prepared.split.valEnd + 48 + i * 12))
    expect(plan.origins.length).toBe(trial.forecasts.length)
    const oracle = await perOriginForecasts(plan.origins)
    const reference = walkForwardReference(plan, oracle.forecast, {
      target: prepared.target,
      timestamps: series.timestamps,
      toOriginal: prepared.toOriginal,
    })
    for (const [name, value] of Object.entries(reference.metrics))
      expect(result.metrics[name as keyof typeof result.metrics], name).toBeCloseTo(value, 6)
    expect(result.objectives[0]).toBeCloseTo(reference.objectives[0], 6)
    expect(result.objectives[1]).toBeCloseTo(reference.objectives[1], 6)
    expect(result.forecasts.map((f) => f.origin)).toEqual(plan.origins)
    expect(result.forecasts[0].time).toBe(series.timestamps[plan.origins[0]])
    expect(result.part).toBe('test')
    expect(result.provider).toBe('cpu')
    // The test split is not the validation split: different actuals, different scores.
    expect(result.metrics.mae).not.toBeCloseTo(trial.metrics.mae, 6)
  })

  it('pointed at the validation split, reproduces the trial’s stored validation metrics', async () => {
    const result = await confirmModel({ data, onnx, settings, part: 'validation' })
    expect(result.forecasts.map((f) => f.origin)).toEqual(trial.forecasts.map((f) => f.origin))
    for (const name of ['mae', 'picp', 'miw', 'pinball', 'crps', 'winkler', 'mase'] as const) {
      const stored = trial.metrics[name]
      expect(Math.abs(result.metrics[name] - stored), name).toBeLessThanOrEqual(
        1e-5 * Math.max(1, Math.abs(stored)),
      )
    }
    expect(result.objectives[0]).toBeCloseTo(trial.values[0], 4)
    expect(result.objectives[1]).toBeCloseTo(trial.values[1], 4)
  })

  it('reads the model’s own description and refuses data it was not built for', async () => {
    const info = readStoredModel(onnx)
    expect(info).toMatchObject({
      model: 'NHITS_Q',
      inputLength: 48,
      horizon: 12,
      quantiles: [0.1, 0.5, 0.9],
      columns: trial.columns,
    })
    expect(info.params).toMatchObject(PARAMS)
    // Another split fits MinMax on other rows: the stored scaler no longer matches.
    const moved = {
      ...data,
      split: {
        kind: 'dates' as const,
        trainEnd: Date.UTC(2024, 0, 6),
        valEnd: Date.UTC(2024, 1, 25),
      },
    }
    await expect(
      confirmModel({ data: moved, onnx, settings, label: 'Trial 0’s model' }),
    ).rejects.toThrow(/Trial 0’s model was scaled with .* the data or the split differ/)
    // A study whose trials read another window cannot have made this model.
    await expect(
      confirmModel({ data, onnx, settings: { ...settings, inputLength: 72 } }),
    ).rejects.toThrow(/reads 48 steps and forecasts 12, but the study's trials use 72 and 12/)
    // Other roles give other columns: here the hour of day besides the default target alone.
    const withHour = { ...data, roles: { ...data.roles, calendar: { ...off, hour: true } } }
    await expect(confirmModel({ data: withHour, onnx, settings })).rejects.toMatchObject({
      code: 'MODEL_MISMATCH',
    })
    await expect(
      confirmModel({ data, onnx: new Uint8Array([8, 10, 0x72, 3, 1, 2]), settings }),
    ).rejects.toMatchObject({ code: 'MODEL_METADATA_INVALID' })
  })
})
