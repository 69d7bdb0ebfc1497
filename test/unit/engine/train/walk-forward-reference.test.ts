import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { applyMinMax, fitMinMax, inverseMinMax } from '../../../../src-main/engine/data/scale'
import {
  DEFAULT_REQUIREMENTS,
  DEFAULT_SPLIT,
  resolveSplit,
} from '../../../../src-main/engine/data/split'
import { referenceForecastMetrics } from '../../../../src-main/engine/metrics/reference'
import { seasonalScale } from '../../../../src-main/engine/metrics/mase'
import { seasonalNaiveForecaster } from '../../../../src-main/engine/train/baselines'
import { TrainError } from '../../../../src-main/engine/train/train-error'
import {
  validationPlan,
  walkForwardPlan,
} from '../../../../src-main/engine/train/walk-forward-plan'
import { walkForwardReference } from '../../../../src-main/engine/train/walk-forward-reference'

const n = 1000
const target = Float64Array.from(
  { length: n },
  (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 24) + (i % 7),
)
const plan = walkForwardPlan({ start: 600, end: 1000 }, { origins: 5 })

describe('walkForwardReference', () => {
  it('scores a perfect forecaster at zero error and 100 % coverage', () => {
    const perfect = (o: number) => {
      const row = target.slice(o, o + 24)
      return { p10: row, p50: row, p90: row }
    }
    const r = walkForwardReference(plan, perfect, { target })
    expect(r.forecasts.map((f) => f.origin)).toEqual([768, 792, 816, 840, 864])
    expect(r.metrics.mae).toBe(0)
    expect(r.metrics.picp).toBe(100)
    expect(r.metrics.points).toBe(120)
    expect(r.objectives).toEqual([0, 20])
  })

  it('inverse-scales the forecasts into original units before scoring', () => {
    const scaler = fitMinMax([{ name: 'y', values: target }], 600)
    const scaled = applyMinMax(scaler, 0, target)
    const forecaster = (o: number) => {
      const row = scaled.slice(o - 24, o - 24 + 24) // yesterday, in scaled units
      return { p10: row.map((v) => v - 0.05), p50: row, p90: row.map((v) => v + 0.05) }
    }
    const r = walkForwardReference(plan, forecaster, {
      target,
      toOriginal: (v) => inverseMinMax(scaler, 0, v),
    })
    const naive = walkForwardReference(plan, seasonalNaiveForecaster(target, 24, 24), { target })
    expect(r.metrics.mae).toBeCloseTo(naive.metrics.mae, 9)
    expect(r.forecasts[0].p50[0]).toBeCloseTo(target[768 - 24], 9)
    expect(r.metrics.miw).toBeCloseTo(0.1 * scaler.range[0], 9)
  })

  it('pools every origin and equals the reference metrics of the pooled points', () => {
    const wobbly = (o: number) => {
      const p50 = target.slice(o - 24, o)
      return {
        p10: p50.map((v, h) => v - 1 - (h % 3)),
        p50,
        p90: p50.map((v, h) => v + 2 + (h % 5)),
      }
    }
    const gappy = Float64Array.from(target)
    gappy[770] = NaN // a missing actual: left out and counted
    const r = walkForwardReference(plan, wobbly, { target: gappy })
    const pooled = (k: 'actual' | 'p10' | 'p50' | 'p90') =>
      r.forecasts.flatMap((f) => Array.from(f[k]))
    const expected = referenceForecastMetrics(
      { actual: pooled('actual'), p10: pooled('p10'), p50: pooled('p50'), p90: pooled('p90') },
      {
        seasonal24: seasonalScale(gappy, 24, 0, 600),
        seasonal168: seasonalScale(gappy, 168, 0, 600),
      },
    )
    expect(r.metrics.missing).toBe(1)
    for (const [k, v] of Object.entries(expected))
      expect(r.metrics[k as keyof typeof expected]).toBeCloseTo(v, 9)
  })

  it('skips declined origins and reports them; fails loudly when nothing is left', () => {
    const some = (o: number) => (o === 792 ? null : seasonalNaiveForecaster(target, 24, 24)(o))
    const r = walkForwardReference(plan, some, { target })
    expect(r.skipped).toEqual([792])
    expect(r.forecasts).toHaveLength(4)
    expect(() => walkForwardReference(plan, () => null, { target })).toThrow(TrainError)
    const short = () => ({ p10: [1], p50: [1], p90: [1] })
    expect(() => walkForwardReference(plan, short, { target })).toThrow(/horizon is 24/)
  })
})

describe('seasonal-naive baselines on the heat demo', () => {
  it('give finite validation MAEs (the bar NHITS_Q must beat by 10 %)', () => {
    const bytes = readFileSync(new URL('../../../../resources/datasets/heat.csv', import.meta.url))
    const { series } = readDataset(new Uint8Array(bytes), {})
    const split = resolveSplit(series.timestamps, DEFAULT_SPLIT, DEFAULT_REQUIREMENTS)
    const heat = series.columns.find((c) => c.name === 'heat_mw')!.values
    const plan = validationPlan(split)
    const scoring = { target: heat, timestamps: series.timestamps }
    const daily = walkForwardReference(plan, seasonalNaiveForecaster(heat, 24, 24), scoring)
    const weekly = walkForwardReference(plan, seasonalNaiveForecaster(heat, 24, 168), scoring)
    for (const r of [daily, weekly]) {
      expect(r.forecasts).toHaveLength(10)
      expect(r.skipped).toEqual([])
      expect(Number.isFinite(r.metrics.mae)).toBe(true)
      expect(r.metrics.mae).toBeGreaterThan(0)
    }
    // MASE with the same period equals MAE over the training-split scale.
    expect(daily.metrics.mase).toBeCloseTo(
      daily.metrics.mae / seasonalScale(heat, 24, 0, split.trainEnd),
      12,
    )
    const first = new Date(daily.forecasts[0].time).toISOString()
    console.log(
      `heat demo, validation walk-forward (10 × 24 h from ${first}): ` +
        `seasonal-naive MAE 24 h = ${daily.metrics.mae.toFixed(4)} MW, ` +
        `168 h = ${weekly.metrics.mae.toFixed(4)} MW ` +
        `(MASE24 ${daily.metrics.mase.toFixed(3)} / ${weekly.metrics.mase.toFixed(3)})`,
    )
  })
})
