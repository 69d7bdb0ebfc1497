// The acceptance run of issue 4 on the bundled heat demo: NHITS_Q trained by the graph engine,
// scored walk-forward on the validation split (default 70/20/10 split, 10 origins × 24 h, first
// origin L = 168 steps into validation) must beat both seasonal-naive forecasts by 10 % in MAE
// with a PICP between 60 and 95 %.
//
// Configuration, chosen to run in seconds on a 2-core machine: 2 stacks × 1 block × 2 layers,
// width 256 (the smallest of the default search space), lr 1e-3, dropout 0.1, no weight decay,
// batch 32, 3 epochs (1,776 steps), seed 42. The full reference configuration
// (3 × 1 × 2 × 512, 15 epochs) is timed by test/bench/nhits-trial.ts instead.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../../../src-main/engine/data/roles'
import { seasonalNaiveForecaster } from '../../../../src-main/engine/train/baselines'
import { runTrial, type TrialData } from '../../../../src-main/engine/train/run-trial'
import { TrainingStopped } from '../../../../src-main/engine/train/training-stopped'
import { prepareTrialData } from '../../../../src-main/engine/train/trial-data'
import { walkForwardReference } from '../../../../src-main/engine/train/walk-forward-reference'

const bytes = readFileSync(new URL('../../../../resources/datasets/heat.csv', import.meta.url))
const { series, profile } = readDataset(new Uint8Array(bytes), {})
const heat: TrialData = { series, roles: defaultRoles(profile), timezone: profile.timezone }

const EPOCHS = 3
const PARAMS = { num_stacks: 2, num_blocks: 1, num_layers: 2, layer_widths: 256, lr: 1e-3 }

describe('runTrial on the heat demo (acceptance)', () => {
  it(`NHITS_Q beats both seasonal-naive MAEs by 10 % after ${EPOCHS} epochs, PICP 60–95 %`, async () => {
    const prepared = prepareTrialData(heat, { inputLength: 168, horizon: 24, origins: 10 })
    const scoring = { target: prepared.target, timestamps: series.timestamps }
    const naive = [24, 168].map(
      (m) =>
        walkForwardReference(
          prepared.plan,
          seasonalNaiveForecaster(prepared.target, 24, m),
          scoring,
        ).metrics.mae,
    )
    const epochs: number[] = []
    const t0 = performance.now()
    const r = await runTrial(heat, 'NHITS_Q', PARAMS, {
      epochs: EPOCHS,
      provider: 'cpu',
      onEpoch: (e) => void epochs.push(e.epoch),
    })
    const seconds = (performance.now() - t0) / 1000
    console.log(
      `heat demo, NHITS_Q ${JSON.stringify(PARAMS)}, ${EPOCHS} epochs: MAE ${r.metrics.mae.toFixed(4)} ` +
        `MW (seasonal-naive 24 h ${naive[0].toFixed(4)}, 168 h ${naive[1].toFixed(4)}), PICP ` +
        `${r.metrics.picp.toFixed(2)} %, ${r.steps} steps, ${seconds.toFixed(1)} s ` +
        `(train ${r.timings.train.toFixed(1)} s) on ${r.provider}`,
    )
    expect(r.metrics.mae).toBeLessThanOrEqual(0.9 * naive[0])
    expect(r.metrics.mae).toBeLessThanOrEqual(0.9 * naive[1])
    expect(r.metrics.picp).toBeGreaterThanOrEqual(60)
    expect(r.metrics.picp).toBeLessThanOrEqual(95)

    // the result's shape, as the trial worker will forward it
    expect(r.values).toEqual([r.metrics.mae, Math.abs(r.metrics.picp - 80)])
    expect(epochs).toEqual([1, 2, 3])
    expect(r.intermediate.map((e) => e.epoch)).toEqual([1, 2, 3])
    for (const e of r.intermediate) {
      expect(e.valLoss).toBeGreaterThan(0)
      expect(e.objectives).toHaveLength(2)
    }
    // scored with the weights of the epoch with the lowest validation loss
    const losses = r.intermediate.map((e) => e.valLoss as number)
    expect(r.keptEpoch).toBe(losses.indexOf(Math.min(...losses)) + 1)
    expect(r.intermediate[r.keptEpoch - 1].objectives).toEqual(r.values)
    expect(r.provider).toBe('cpu')
    expect(r.forecasts).toHaveLength(10)
    expect(r.forecasts[0].p50).toHaveLength(24)
    expect(r.forecasts[0].origin).toBe(prepared.plan.origins[0])
    expect(r.columns).toEqual(['heat_mw']) // the default roles: the target alone
    expect(r.params).toMatchObject({ ...PARAMS, dropout: 0.1, weight_decay: 0 })
    expect(r.parameterCount.total).toBeGreaterThan(r.parameterCount.trainable)
    expect(r.steps).toBe(EPOCHS * Math.ceil(r.windows.train / 32))
    for (const k of ['prepare', 'build', 'train', 'validate', 'walkForward', 'total'] as const)
      expect(r.timings[k]).toBeGreaterThanOrEqual(0)
  }, 60_000)

  it('ends a cancelled trial with the typed error, and refuses bad parameters up front', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      runTrial(
        heat,
        'NHITS_Q',
        { layer_widths: 8 },
        { provider: 'cpu', signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(TrainingStopped)
    await expect(runTrial(heat, 'NHITS_Q', { widths: 8 })).rejects.toThrow(/no parameter "widths"/)
  })
})
