import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainingWindows } from '../../../../src-main/engine/data/windows'
import { Rng } from '../../../../src-main/engine/rng'
import { Runtime } from '../../../../src-main/engine/graph/runtime/runtime'
import { nhits } from '../../../../src-main/engine/models/nhits'
import { resolveParams } from '../../../../src-main/engine/models/resolve-params'
import { train, type TrainOptions } from '../../../../src-main/engine/train/trainer'
import { TrainingStopped } from '../../../../src-main/engine/train/training-stopped'

// A small seasonal problem: 400 hourly steps, period 12, one covariate; L = 24, H = 6. With
// batch 16 an epoch is 23 full batches and one of 3 windows: with K = 4 that is 5 Loop runs,
// 3 plain steps and the partial batch.
const N = 400
const rng = new Rng(11)
const target = Float64Array.from(
  { length: N },
  (_, i) => 0.5 + 0.3 * Math.sin((2 * Math.PI * i) / 12) + 0.03 * rng.normal(),
)
const covariate = Float64Array.from({ length: N }, (_, i) => (i % 12) / 11)
const windows = trainingWindows(
  { target, covariates: [covariate] },
  { start: 0, end: N },
  { inputLength: 24, horizon: 6 },
)
const dims = { inputLength: 24, horizon: 6, covariates: 1, quantiles: [0.1, 0.5, 0.9] }
const params = resolveParams(nhits, { num_stacks: 2, layer_widths: 16, dropout: 0.1 })
const net = nhits.build(params, dims)

let runtime: Runtime
beforeAll(async () => {
  runtime = await Runtime.create({ provider: 'cpu' })
})
afterAll(async () => runtime.dispose())

const options = (o: Partial<TrainOptions> = {}): TrainOptions => ({
  epochs: 2,
  batchSize: 16,
  lr: 3e-3,
  adam: {},
  seed: 42,
  stepsPerRun: 4,
  ...o,
})

async function stopped(p: Promise<unknown>): Promise<TrainingStopped> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(TrainingStopped)
    return e as TrainingStopped
  }
  throw new Error('training did not stop')
}

describe('train', () => {
  it('runs every window once per epoch: K-step runs, leftover plain steps, the partial batch', async () => {
    expect(windows.starts.length).toBe(371)
    const seen: number[] = []
    const r = await train(runtime, net, windows, {
      ...options(),
      onProgress: (p) => seen.push(p.step),
    })
    expect(r.steps).toBe(2 * 24)
    expect(r.stopped).toBe('completed')
    // per epoch: 5 runs of 4, then 3 single steps, then the partial batch
    expect(seen.slice(0, 9)).toEqual([4, 8, 12, 16, 20, 21, 22, 23, 24])
    expect(r.intermediate.map((e) => [e.epoch, e.step])).toEqual([
      [1, 24],
      [2, 48],
    ])
    expect(r.intermediate[1].trainLoss).toBeLessThan(r.intermediate[0].trainLoss)
    expect(r.intermediate[0].valLoss).toBeNull()
  })

  it('is reproducible with a seed, and K changes speed, not results', async () => {
    const run = async (seed: number, K: number) => {
      const r = await train(runtime, net, windows, options({ seed, stepsPerRun: K }))
      return {
        losses: r.intermediate.map((e) => e.trainLoss),
        weights: r.trainer.parameters().get('stack1.block0.mlp1.weight')!,
      }
    }
    const a = await run(3, 4)
    const b = await run(3, 4)
    expect(b.losses).toEqual(a.losses)
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights))
    const c = await run(4, 4)
    expect(c.losses).not.toEqual(a.losses)
    const plain = await run(3, 1)
    plain.losses.forEach((l, i) => expect(l).toBeCloseTo(a.losses[i], 5))
    plain.weights.forEach((w, i) => expect(w).toBeCloseTo(a.weights[i], 4))
  })

  it('ends a diverging run as DIVERGED with the step number, without crashing', async () => {
    for (const K of [1, 4]) {
      const e = await stopped(train(runtime, net, windows, options({ lr: 1e12, stepsPerRun: K })))
      expect(e.code).toBe('DIVERGED')
      expect(Number.isInteger(e.step) && e.step >= 1 && e.step <= 24).toBe(true)
      expect(e.epoch).toBe(1)
      expect(e.message).toMatch(
        new RegExp(`loss of step ${e.step} \\(epoch 1\\) is (NaN|-?Infinity)`),
      )
    }
    // the runtime still trains afterwards
    const ok = await train(runtime, net, windows, options({ epochs: 1 }))
    expect(Number.isFinite(ok.intermediate[0].trainLoss)).toBe(true)
  })

  it('stops between runs when cancelled, saying after how many steps', async () => {
    const controller = new AbortController()
    const e = await stopped(
      train(runtime, net, windows, {
        ...options({ epochs: 5 }),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.step >= 30) controller.abort()
        },
      }),
    )
    expect(e.code).toBe('CANCELLED')
    // epoch 2 runs 24 → 28 → 32; the abort comes with step 32 and the next run honours it
    expect(e.step).toBe(32)
    expect(e.epoch).toBe(2)
    expect(e.intermediate).toHaveLength(1)

    const before = new AbortController()
    before.abort()
    const early = await stopped(
      train(runtime, net, windows, { ...options(), signal: before.signal }),
    )
    expect([early.code, early.step]).toEqual(['CANCELLED', 0])
  })

  it('stops early when the validation loss stops improving, and restores the best epoch', async () => {
    const r = await train(runtime, net, windows, {
      ...options({ epochs: 10 }),
      earlyStopping: { patience: 2 },
      evaluate: async (_trainer, epoch) => ({ valLoss: epoch === 1 ? 1 : 1 + epoch / 100 }),
    })
    expect(r.stopped).toBe('early-stopping')
    expect(r.intermediate.map((e) => e.valLoss)).toEqual([1, 1.02, 1.03])
    expect(r.steps).toBe(3 * 24)
    expect(r.kept.epoch).toBe(1)
  })

  it('lets the epoch callback prune, and records the evaluation as intermediate values', async () => {
    const e = await stopped(
      train(runtime, net, windows, {
        ...options({ epochs: 5 }),
        evaluate: async () => ({ valLoss: 0.5, objectives: [3, 4] }),
        onEpoch: (r) => (r.epoch === 2 ? 'stop' : undefined),
      }),
    )
    expect(e.code).toBe('PRUNED')
    expect(e.intermediate.map((r) => [r.epoch, r.valLoss, r.objectives])).toEqual([
      [1, 0.5, [3, 4]],
      [2, 0.5, [3, 4]],
    ])
  })
  it('keeps the weights of the epoch with the lowest validation loss, or the last ones', async () => {
    // A scripted validation loss: epoch 2 is best, so its weights are the ones kept.
    const scripted = [0.3, 0.1, 0.2]
    const snapshots: Float32Array[] = []
    const evaluate: TrainOptions['evaluate'] = async (trainer, epoch) => {
      snapshots.push(trainer.parameters().get('stack1.block0.mlp1.weight') as Float32Array)
      return { valLoss: scripted[epoch - 1] }
    }
    const best = await train(runtime, net, windows, options({ epochs: 3, evaluate }))
    expect(best.kept.epoch).toBe(2)
    expect(best.kept.parameters.get('stack1.block0.mlp1.weight')).toEqual(snapshots[1])
    expect(snapshots[1]).not.toEqual(snapshots[2])

    snapshots.length = 0
    const last = await train(
      runtime,
      net,
      windows,
      options({ epochs: 3, evaluate, keepBest: false }),
    )
    expect(last.kept.epoch).toBe(3)
    expect(last.kept.parameters.get('stack1.block0.mlp1.weight')).toEqual(snapshots[2])

    // without a validation loss there is nothing to choose by: the last epoch is kept
    const blind = await train(runtime, net, windows, options({ epochs: 2 }))
    expect(blind.kept.epoch).toBe(2)
  })
})
