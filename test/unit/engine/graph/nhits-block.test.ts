// The op set and API issue 4 builds on, exercised as one NHITS-style block: MaxPool with ceil
// mode over the flattened input, an MLP with dropout, interpolation by constant MatMul, three
// quantile outputs with Darts' raw reshape, and the pinball loss. Trains a few Loop runs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { interpolateLinear } from '../../../../src-main/engine/graph/nn/interpolate'
import { dropout, linear } from '../../../../src-main/engine/graph/nn/linear'
import { pinballLoss } from '../../../../src-main/engine/graph/nn/losses'
import { sub } from '../../../../src-main/engine/graph/ops/binary'
import { reshape, unsqueeze } from '../../../../src-main/engine/graph/ops/layout'
import { maxPool } from '../../../../src-main/engine/graph/ops/pool'
import { relu } from '../../../../src-main/engine/graph/ops/unary'
import type { Network } from '../../../../src-main/engine/graph/programs/network'
import { buildPredict } from '../../../../src-main/engine/graph/programs/predict'
import { buildTrainLoop } from '../../../../src-main/engine/graph/programs/train'
import { Predictor } from '../../../../src-main/engine/graph/runtime/predictor'
import { Runtime } from '../../../../src-main/engine/graph/runtime/runtime'
import { Trainer } from '../../../../src-main/engine/graph/runtime/trainer'
import { Rng } from '../../../../src-main/engine/rng'

const L = 12
const H = 4
const D = 2
const Q = 3

const nhitsBlock: Network = {
  forward(g: GraphBuilder) {
    const z = reshape(g.input('x', ['batch', L, D]), ['batch', L * D])
    const pooled = reshape(maxPool(unsqueeze(z, 1), { kernel: 5, ceilMode: true }), ['batch', 5])
    let h = pooled
    for (let i = 0; i < 2; i++) h = dropout(relu(linear(h, 16, `mlp${i}`)), 0.1, `mlp${i}`)
    const backcast = interpolateLinear(linear(h, 6, 'theta_b'), L * D)
    const coeffs = reshape(linear(h, Q * 2, 'theta_f'), ['batch', Q, 2])
    const forecast = reshape(interpolateLinear(coeffs, H * D), ['batch', H * D, Q])
    const out = reshape(forecast, ['batch', H, D, Q])
    return { quantiles: out, residual: sub(z, backcast) }
  },
  loss(g, out) {
    const target = g.input('y', ['batch', H, D])
    return pinballLoss(out.quantiles, target, [0.1, 0.5, 0.9], { quantiles: 'sum' })
  },
}

let runtime: Runtime
beforeAll(async () => {
  runtime = await Runtime.create()
})
afterAll(async () => runtime.dispose())

describe('an NHITS-style block', () => {
  it('trains (pinball loss falls) and predicts three quantiles per step', async () => {
    const K = 4
    const B = 8
    const rng = new Rng(3)
    const n = K * B
    const x = new Float32Array(n * L * D)
    const y = new Float32Array(n * H * D)
    for (let s = 0; s < n; s++) {
      const phase = rng.uniform() * 6
      for (let t = 0; t < L + H; t++) {
        for (let d = 0; d < D; d++) {
          const v = Math.sin(phase + t * 0.7 + d) + 0.1 * rng.normal()
          if (t < L) x[(s * L + t) * D + d] = v
          else y[(s * H + t - L) * D + d] = v
        }
      }
    }
    const trainer = await Trainer.create(runtime, buildTrainLoop(nhitsBlock, K), { seed: 42 })
    const batch = { x: { data: x, shape: [K, B, L, D] }, y: { data: y, shape: [K, B, H, D] } }
    const first = (await trainer.step(batch, 5e-3)).losses[0]
    let last = first
    for (let r = 0; r < 60; r++) last = (await trainer.step(batch, 5e-3)).losses.at(-1)!
    expect(last).toBeLessThan(0.5 * first)

    const predictor = await Predictor.create(runtime, buildPredict(nhitsBlock))
    const out = await predictor.predict({ x: x.subarray(0, 3 * L * D) }, trainer.parameters())
    expect(out.quantiles.shape).toEqual([3, H, D, Q])
    expect(out.residual.shape).toEqual([3, L * D])
    expect(predictor.graph.data.map((d) => d.name)).toEqual(['x'])
  })
})
