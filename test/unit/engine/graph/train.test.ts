// The train-step programs end to end on onnxruntime: Adam/AdamW against a pure-TypeScript
// reference, the K-step Loop against K single steps, and learning on synthetic data.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { init } from '../../../../src-main/engine/graph/init'
import { linear } from '../../../../src-main/engine/graph/nn/linear'
import { mseLoss } from '../../../../src-main/engine/graph/nn/losses'
import { conv } from '../../../../src-main/engine/graph/ops/conv'
import { reshape } from '../../../../src-main/engine/graph/ops/layout'
import { maxPool } from '../../../../src-main/engine/graph/ops/pool'
import { relu } from '../../../../src-main/engine/graph/ops/unary'
import type { AdamConfig } from '../../../../src-main/engine/graph/optim/adam'
import type { Network } from '../../../../src-main/engine/graph/programs/network'
import {
  buildTrainLoop,
  buildTrainStep,
  buildTrainUnrolled,
} from '../../../../src-main/engine/graph/programs/train'
import { Runtime } from '../../../../src-main/engine/graph/runtime/runtime'
import { Trainer } from '../../../../src-main/engine/graph/runtime/trainer'
import { Rng } from '../../../../src-main/engine/rng'
import { mlp, regressionData, variance } from './fixtures'

let runtime: Runtime
beforeAll(async () => {
  runtime = await Runtime.create({ provider: 'cpu', threads: 1 })
})
afterAll(async () => {
  await runtime.dispose()
})

/** y = x·W + b, MSE; W [3, 2], b [2], with fixed initial values. */
const tiny: Network = {
  dtype: 'float64',
  forward(g: GraphBuilder) {
    return { y: linear(g.input('x', ['batch', 3]), 2, 'lin') }
  },
  loss: (g, out) => mseLoss(out.y, g.input('y', ['batch', 2])),
}

/** torch.optim.Adam / AdamW (+ clip_grad_norm_) on the same model, in plain TypeScript. */
function referenceAdam(
  x: number[],
  y: number[],
  w0: number[],
  b0: number[],
  cfg: AdamConfig,
  lrs: number[],
) {
  const n = x.length / 3
  let w = [...w0]
  let b = [...b0]
  const p = () => [...w, ...b]
  const m = new Array<number>(8).fill(0)
  const v = new Array<number>(8).fill(0)
  const [b1, b2, eps] = [cfg.beta1 ?? 0.9, cfg.beta2 ?? 0.999, cfg.eps ?? 1e-8]
  const wd = cfg.weightDecay ?? (cfg.kind === 'adamw' ? 0.01 : 0)
  lrs.forEach((lr, s) => {
    const t = s + 1
    const gw = new Array<number>(6).fill(0)
    const gb = [0, 0]
    for (let r = 0; r < n; r++) {
      for (let o = 0; o < 2; o++) {
        let yh = b[o]
        for (let i = 0; i < 3; i++) yh += x[r * 3 + i] * w[i * 2 + o]
        const d = (2 * (yh - y[r * 2 + o])) / (n * 2)
        for (let i = 0; i < 3; i++) gw[i * 2 + o] += d * x[r * 3 + i]
        gb[o] += d
      }
    }
    let g = [...gw, ...gb]
    if (cfg.clipNorm !== undefined) {
      const norm = Math.sqrt(g.reduce((a, q) => a + q * q, 0))
      g = g.map((q) => q * Math.min(cfg.clipNorm! / (norm + 1e-6), 1))
    }
    let params = p()
    if (cfg.kind === 'adamw') params = params.map((q) => q * (1 - lr * wd))
    else if (wd) g = g.map((q, i) => q + wd * params[i])
    const bc1 = 1 - b1 ** t
    const bc2 = 1 - b2 ** t
    params = params.map((q, i) => {
      m[i] = b1 * m[i] + (1 - b1) * g[i]
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
      return q - (lr / bc1) * (m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + eps))
    })
    w = params.slice(0, 6)
    b = params.slice(6)
  })
  return { params: p(), m, v }
}

describe('Adam and AdamW match a reference implementation (5 steps, float64)', () => {
  const rng = new Rng(7)
  const x = Array.from({ length: 4 * 3 }, () => rng.normal())
  const y = Array.from({ length: 4 * 2 }, () => rng.normal())
  const w0 = Array.from({ length: 6 }, () => rng.uniform() - 0.5)
  const b0 = [0.1, -0.2]
  const lrs = [0.1, 0.05, 0.05, 0.02, 0.1]
  const configs: [string, AdamConfig][] = [
    ['adam', {}],
    ['adam + L2 weight decay 0.05', { weightDecay: 0.05 }],
    ['adamw 0.1', { kind: 'adamw', weightDecay: 0.1 }],
    ['adam + clip 0.5, betas (0.8, 0.99)', { clipNorm: 0.5, beta1: 0.8, beta2: 0.99, eps: 1e-6 }],
  ]
  it.each(configs)('%s', async (_name, cfg) => {
    const trainer = await Trainer.create(runtime, buildTrainStep(tiny, cfg), {
      seed: 1,
      key: `adam:${_name}`,
      initial: new Map([
        ['lin.weight', w0],
        ['lin.bias', b0],
      ]),
    })
    for (const lr of lrs)
      await trainer.step({ x: Float64Array.from(x), y: Float64Array.from(y) }, lr)
    const got = [
      ...trainer.parameters().get('lin.weight')!,
      ...trainer.parameters().get('lin.bias')!,
    ]
    const want = referenceAdam(x, y, w0, b0, cfg, lrs)
    got.forEach((v, i) => expect(Math.abs(v - want.params[i])).toBeLessThan(1e-6))
    // The moments read back in PyTorch's convention (the graph carries them rescaled).
    const moments = trainer.moments()
    const m = [...moments.get('lin.weight')!.expAvg, ...moments.get('lin.bias')!.expAvg]
    const v = [...moments.get('lin.weight')!.expAvgSq, ...moments.get('lin.bias')!.expAvgSq]
    m.forEach((q, i) => expect(Math.abs(q - want.m[i])).toBeLessThan(1e-9))
    v.forEach((q, i) => expect(Math.abs(q - want.v[i])).toBeLessThan(1e-9))
    // And the run is far from the start, so the comparison is not vacuous.
    expect(Math.abs(got[0] - w0[0])).toBeGreaterThan(1e-3)
  })
})

describe('K steps per run equal K single steps', () => {
  it.each([
    ['Loop', buildTrainLoop],
    ['unrolled', buildTrainUnrolled],
  ] as const)(
    '%s, with dropout masks and gradient clipping, float64, K = 3',
    async (kind, build) => {
      const net = mlp({ dtype: 'float64', sizes: [4, 8, 2], dropout: 0.3 })
      const cfg: AdamConfig = { weightDecay: 1e-3, clipNorm: 0.5 }
      const { x, y } = regressionData(3 * 5, 4, 2, 11, 'float64')
      const plain = await Trainer.create(runtime, buildTrainStep(net, cfg), {
        seed: 5,
        key: `eq1-${kind}`,
      })
      const multi = await Trainer.create(runtime, build(net, 3, cfg), {
        seed: 5,
        key: `eq3-${kind}`,
      })
      const losses: number[] = []
      const norms: number[] = []
      for (let k = 0; k < 3; k++) {
        const r = await plain.step(
          { x: x.subarray(k * 20, (k + 1) * 20), y: y.subarray(k * 10, (k + 1) * 10) },
          0.01,
        )
        losses.push(...r.losses)
        norms.push(...(r.gradNorms ?? []))
      }
      const r = await multi.step(
        { x: { data: x, shape: [3, 5, 4] }, y: { data: y, shape: [3, 5, 2] } },
        0.01,
      )
      expect(multi.stepCount).toBe(3)
      expect(r.losses).toHaveLength(3)
      r.losses.forEach((l, i) => expect(l).toBeCloseTo(losses[i], 12))
      r.gradNorms?.forEach((n, i) => expect(n).toBeCloseTo(norms[i], 12))
      for (const [name, values] of plain.parameters()) {
        const other = multi.parameters().get(name)!
        values.forEach((v, i) => expect(other[i]).toBeCloseTo(v, 12))
      }
    },
  )
})

describe('parameters the loss does not reach', () => {
  it.each([
    ['step', (n: Network) => buildTrainStep(n, { weightDecay: 0.1 })],
    ['Loop', (n: Network) => buildTrainLoop(n, 2, { weightDecay: 0.1 })],
    ['unrolled', (n: Network) => buildTrainUnrolled(n, 2, { weightDecay: 0.1 })],
  ] as const)(
    'stay untouched, as torch.optim skips grad-less parameters (%s)',
    async (kind, build) => {
      const net: Network = {
        dtype: 'float64',
        forward(g) {
          const x = g.input('x', ['batch', 3])
          return { y: linear(x, 2, 'used'), spare: linear(x, 2, 'unused') }
        },
        loss: (g, out) => mseLoss(out.y, g.input('y', ['batch', 2])),
      }
      const graph = build(net)
      const trainer = await Trainer.create(runtime, graph, { seed: 8, key: `unused-${kind}` })
      const before = trainer.parameters()
      const rows = 4 * graph.steps
      const shape = (f: number) =>
        graph.steps > 1
          ? { data: new Float64Array(rows * f).fill(0.5), shape: [graph.steps, 4, f] }
          : new Float64Array(rows * f).fill(0.5)
      await trainer.step({ x: shape(3), y: shape(2) }, 0.1)
      await trainer.step({ x: shape(3), y: shape(2) }, 0.1)
      const after = trainer.parameters()
      expect(Array.from(after.get('unused.weight')!)).toEqual(
        Array.from(before.get('unused.weight')!),
      )
      expect(Array.from(after.get('used.weight')!)).not.toEqual(
        Array.from(before.get('used.weight')!),
      )
    },
  )
})

describe('networks learn synthetic data (float32)', () => {
  it('an MLP fits a smooth regression: MSE < 5 % of the target variance', async () => {
    const { x, y } = regressionData(256, 8, 2, 3)
    const trainer = await Trainer.create(
      runtime,
      buildTrainLoop(mlp({ sizes: [8, 32, 32, 2] }), 8),
      { seed: 2, key: 'mlp' },
    )
    const batch = 32
    let last = Infinity
    for (let epoch = 0; epoch < 40; epoch++) {
      // 8 batches of 32 rows = one epoch per Loop run.
      const r = await trainer.step(
        { x: { data: x, shape: [8, batch, 8] }, y: { data: y, shape: [8, batch, 2] } },
        3e-3,
      )
      last = r.losses.reduce((a, b) => a + b, 0) / r.losses.length
    }
    expect(last).toBeLessThan(0.05 * variance(y))
  })

  it('a Conv1d + MaxPool net fits a local pattern: MSE < 10 % of the target variance', async () => {
    // Target: the maximum over each window of 4 of a smoothed copy of the input — a job for
    // conv → relu → maxPool → linear.
    const L = 16
    const n = 128
    const rng = new Rng(9)
    const x = new Float32Array(n * L).map(() => rng.normal())
    const y = new Float32Array(n * 4)
    for (let r = 0; r < n; r++) {
      for (let w = 0; w < 4; w++) {
        let best = -Infinity
        for (let t = w * 4; t < w * 4 + 4; t++) {
          const s =
            0.5 * x[r * L + t] +
            0.25 * (x[r * L + Math.max(t - 1, 0)] + x[r * L + Math.min(t + 1, L - 1)])
          best = Math.max(best, s)
        }
        y[r * 4 + w] = best
      }
    }
    const net: Network = {
      forward(g) {
        const input = g.input('x', ['batch', 1, L])
        const w = g.param('conv.weight', [8, 1, 3], init.torchDefault(3))
        const b = g.param('conv.bias', [8], init.torchDefault(3))
        const h = maxPool(relu(conv(input, w, b, { padding: 'same' })), { kernel: 4 })
        return { y: linear(reshape(h, ['batch', 32]), 4, 'head') }
      },
      loss: (g, out) => mseLoss(out.y, g.input('y', ['batch', 4])),
    }
    const trainer = await Trainer.create(runtime, buildTrainLoop(net, 4), { seed: 4, key: 'conv' })
    let last = Infinity
    for (let epoch = 0; epoch < 60; epoch++) {
      const r = await trainer.step(
        { x: { data: x, shape: [4, 32, 1, L] }, y: { data: y, shape: [4, 32, 4] } },
        1e-2,
      )
      last = r.losses.reduce((a, b) => a + b, 0) / r.losses.length
    }
    expect(last).toBeLessThan(0.1 * variance(y))
  })
})
