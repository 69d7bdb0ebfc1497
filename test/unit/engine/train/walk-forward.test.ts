import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMinMax, fitMinMax, inverseMinMax } from '../../../../src-main/engine/data/scale'
import {
  inputWindow,
  type InputBatch,
  type WindowSource,
} from '../../../../src-main/engine/data/windows'
import { buildPredict } from '../../../../src-main/engine/graph/programs/predict'
import { Predictor } from '../../../../src-main/engine/graph/runtime/predictor'
import { Runtime } from '../../../../src-main/engine/graph/runtime/runtime'
import { initialize } from '../../../../src-main/engine/graph/init'
import { nhits } from '../../../../src-main/engine/models/nhits'
import { resolveParams } from '../../../../src-main/engine/models/resolve-params'
import { walkForward } from '../../../../src-main/engine/train/walk-forward'
import { walkForwardPlan } from '../../../../src-main/engine/train/walk-forward-plan'
import { walkForwardReference } from '../../../../src-main/engine/train/walk-forward-reference'

// 900 hourly steps of a daily cycle; the scored split is rows [600, 900); L = 48, H = 12.
const n = 900
const raw = Float64Array.from(
  { length: n },
  (_, i) => 40 + 12 * Math.sin((2 * Math.PI * i) / 24) + 3 * Math.cos(i / 37),
)
raw[700] = NaN // inside the input window of some origins: they are skipped
const temperature = Float64Array.from({ length: n }, (_, i) => 5 + 4 * Math.sin(i / 90))
const timestamps = Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000)
const columns = [
  { name: 'y', values: raw },
  { name: 't', values: temperature },
]
const scaler = fitMinMax(columns, 600)
const source: WindowSource = {
  target: applyMinMax(scaler, 0, raw),
  covariates: [applyMinMax(scaler, 1, temperature)],
}
const window = { inputLength: 48, horizon: 12 }
const plan = walkForwardPlan({ start: 600, end: 900 }, { origins: 8, horizon: 12, inputLength: 48 })
const scoring = {
  target: raw,
  timestamps,
  toOriginal: (v: Float64Array) => inverseMinMax(scaler, 0, v),
}

/** A stand-in model: p50 repeats the last input value, ±0.05 (scaled) for p10 / p90. */
function persistence(x: InputBatch): Float64Array {
  const out = new Float64Array(x.size * 12 * 3)
  for (let b = 0; b < x.size; b++) {
    const last = x.target[b * 48 + 47] + 0.01 * x.covariates[(b * 48 + 47) * 1]
    for (let h = 0; h < 12; h++) out.set([last - 0.05, last, last + 0.05], (b * 12 + h) * 3)
  }
  return out
}

/** The reference's per-origin callback over precomputed rows [H, Q] per origin. */
function perOrigin(rows: Map<number, ArrayLike<number>>) {
  return (origin: number) => {
    const r = rows.get(origin)
    if (!r) return null
    const level = (q: number) => Float64Array.from({ length: 12 }, (_, h) => r[h * 3 + q])
    return { p10: level(0), p50: level(1), p90: level(2) }
  }
}

describe('walkForward', () => {
  it('equals the one-origin-at-a-time reference, skipped origins included', async () => {
    const rows = new Map<number, Float64Array>()
    for (const o of plan.origins) {
      const w = inputWindow(source, o, window)
      if (w) rows.set(o, persistence(w))
    }
    const fast = await walkForward(async (x) => persistence(x), { plan, source, window, scoring })
    const slow = walkForwardReference(plan, perOrigin(rows), scoring)
    expect(fast.skipped).toEqual(slow.skipped)
    expect(fast.skipped.length).toBeGreaterThan(0)
    expect(fast.forecasts.map((f) => f.origin)).toEqual(slow.forecasts.map((f) => f.origin))
    for (const [k, v] of Object.entries(slow.metrics))
      expect(fast.metrics[k as keyof typeof slow.metrics]).toBeCloseTo(v, 10)
    expect(fast.objectives[0]).toBeCloseTo(slow.objectives[0], 10)
    // forecasts are kept in original units with their actuals and instants
    const f = fast.forecasts[0]
    expect(f.time).toBe(timestamps[f.origin])
    expect(Array.from(f.actual)).toEqual(Array.from(raw.subarray(f.origin, f.origin + 12)))
    expect(f.p50[0]).toBeCloseTo(slow.forecasts[0].p50[0], 10)
    expect(f.p50[0]).toBeGreaterThan(20)
  })

  describe('with an NHITS_Q predict graph', () => {
    let runtime: Runtime
    beforeAll(async () => {
      runtime = await Runtime.create({ provider: 'cpu' })
    })
    afterAll(async () => runtime.dispose())

    it('batched over origins, matches predicting each origin alone', async () => {
      const dims = { ...window, covariates: 1, quantiles: [0.1, 0.5, 0.9] }
      const net = nhits.build(resolveParams(nhits, { num_stacks: 2, layer_widths: 32 }), dims)
      const graph = buildPredict(net)
      const predictor = await Predictor.create(runtime, graph)
      const params = new Map(
        graph.params.map((p) => {
          const size = p.shape.reduce((a, b) => a * b, 1)
          return [p.name, Float32Array.from(initialize(p.init, size, 3, p.name))]
        }),
      )
      const predict = async (x: InputBatch) =>
        (await predictor.predict(net.inputs(x), params)).quantiles.data as Float32Array
      const rows = new Map<number, Float32Array>()
      for (const o of plan.origins) {
        const w = inputWindow(source, o, window)
        if (w) rows.set(o, await predict(w))
      }
      const fast = await walkForward(predict, { plan, source, window, scoring })
      const slow = walkForwardReference(plan, perOrigin(rows), scoring)
      expect(fast.forecasts).toHaveLength(slow.forecasts.length)
      for (const [k, v] of Object.entries(slow.metrics))
        expect(fast.metrics[k as keyof typeof slow.metrics]).toBeCloseTo(v, 3)
    })
  })
})
