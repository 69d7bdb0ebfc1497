// Layers built from primitive ops: linear interpolation, LSTM, attention with a causal mask,
// DFT amplitudes, pinball loss. Values are checked against direct formulas; gradients through
// the whole composite against finite differences.

import { describe, expect, it } from 'vitest'
import { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { attention, causalMask } from '../../../../src-main/engine/graph/nn/attention'
import {
  interpolateLinear,
  interpolationMatrix,
} from '../../../../src-main/engine/graph/nn/interpolate'
import { lstm } from '../../../../src-main/engine/graph/nn/lstm'
import { pinballLoss } from '../../../../src-main/engine/graph/nn/losses'
import { rfftAmplitude } from '../../../../src-main/engine/graph/nn/spectral'
import { evaluate } from '../../../../src-main/engine/graph/reference/evaluate'
import { nd } from '../../../../src-main/engine/graph/reference/ndarray'
import { type OpCase, opTable, uniform } from './op-harness'

describe('interpolation matrices (PyTorch F.interpolate, linear)', () => {
  it('align_corners=false upsamples 2 → 4 as PyTorch does', () => {
    // torch: interpolate([[a, b]], size=4) = [a, .75a+.25b, .25a+.75b, b]
    expect(Array.from(interpolationMatrix(2, 4))).toEqual([1, 0.75, 0.25, 0, 0, 0.25, 0.75, 1])
  })
  it('align_corners=true resamples 2 → 3 through the end points', () => {
    expect(Array.from(interpolationMatrix(2, 3, true))).toEqual([1, 0.5, 0, 0, 0.5, 1])
  })
  it('is the identity for equal sizes and a constant from one point', () => {
    expect(Array.from(interpolationMatrix(3, 3))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1])
    expect(Array.from(interpolationMatrix(1, 3))).toEqual([1, 1, 1])
  })
  it('columns sum to one (downsampling 7 → 3)', () => {
    const m = interpolationMatrix(7, 3)
    for (let j = 0; j < 3; j++) {
      let s = 0
      for (let i = 0; i < 7; i++) s += m[i * 3 + j]
      expect(s).toBeCloseTo(1, 12)
    }
  })
})

describe('composite values', () => {
  it('rfftAmplitude matches a direct DFT', () => {
    const g = new GraphBuilder({ dtype: 'float64' })
    const x = g.input('x', [1, 8, 2])
    const bins = [0, 1, 3]
    const [amp] = evaluate([rfftAmplitude(x, bins, 0)], {
      x: nd(
        [1, 8, 2],
        [...Array(16)].map((_, i) => Math.sin(i * 1.7)),
      ),
    })
    for (let c = 0; c < 2; c++) {
      bins.forEach((f, j) => {
        let re = 0
        let im = 0
        for (let t = 0; t < 8; t++) {
          const v = Math.sin((t * 2 + c) * 1.7)
          re += v * Math.cos((2 * Math.PI * f * t) / 8)
          im -= v * Math.sin((2 * Math.PI * f * t) / 8)
        }
        expect(amp.data[c * 3 + j]).toBeCloseTo(Math.hypot(re, im), 12)
      })
    }
  })

  it('pinball loss: Darts sums over quantiles, NeuralForecast averages', () => {
    const g = new GraphBuilder({ dtype: 'float64' })
    const pred = g.input('p', [1, 2, 3])
    const y = g.input('y', [1, 2])
    const taus = [0.1, 0.5, 0.9]
    const feeds = { p: nd([1, 2, 3], [0, 1, 2, -1, 0, 1]), y: nd([1, 2], [1, 0]) }
    const [sum, mean] = evaluate(
      [
        pinballLoss(pred, y, taus, { quantiles: 'sum' }),
        pinballLoss(pred, y, taus, { quantiles: 'mean' }),
      ],
      feeds,
    )
    const rho = (tau: number, e: number) => Math.max(tau * e, (tau - 1) * e)
    let total = 0
    ;[
      [0, 1, 2, 1],
      [-1, 0, 1, 0],
    ].forEach(([a, b, c, t]) => {
      total += rho(0.1, t - a) + rho(0.5, t - b) + rho(0.9, t - c)
    })
    expect(sum.data[0]).toBeCloseTo(total / 2, 12)
    expect(mean.data[0]).toBeCloseTo(total / 2 / 3, 12)
  })

  it('causal mask: decoder step i sees the encoder and decoder steps before i', () => {
    const m = causalMask(2, 5, 3)
    expect(Array.from(m)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 1])
  })
})

const cases: OpCase[] = [
  {
    name: 'interpolateLinear 3 → 7 over [b, 2, 3]',
    inputs: [{ shape: [2, 2, 3], declared: ['batch', 2, 3] }],
    build: (x) => interpolateLinear(x, 7),
  },
  {
    name: 'lstm T=3, in 2, hidden 3',
    inputs: [
      { shape: [2, 3, 2] },
      { shape: [2, 3] },
      { shape: [2, 3] },
      { shape: [2, 12], gen: uniform(-0.5, 0.5) },
      { shape: [3, 12], gen: uniform(-0.5, 0.5) },
      { shape: [12] },
      { shape: [12] },
    ],
    build: (x, h0, c0, wIh, wHh, bIh, bHh) =>
      lstm(x, h0, c0, { hidden: 3, wIh, wHh, bIh, bHh }).outputs,
  },
  {
    name: 'attention with causal mask',
    inputs: [{ shape: [2, 2, 4] }, { shape: [2, 5, 4] }, { shape: [2, 5, 3] }],
    build: (q, k, v) =>
      attention(q, k, v, { mask: q.graph.constant(causalMask(2, 5, 3), [2, 5], 'bool') }).out,
  },
  {
    name: 'rfftAmplitude bins [1,2,5]',
    inputs: [{ shape: [2, 10, 3] }],
    build: (x) => rfftAmplitude(x, [1, 2, 5]),
  },
  {
    name: 'pinball loss (sum over quantiles)',
    inputs: [
      { shape: [2, 4, 3], declared: ['batch', 4, 3] },
      { shape: [2, 4], declared: ['batch', 4] },
    ],
    build: (p, y) => pinballLoss(p, y, [0.1, 0.5, 0.9], { quantiles: 'sum' }),
  },
  {
    name: 'pinball loss (masked mean)',
    inputs: [
      { shape: [2, 4, 3] },
      { shape: [2, 4] },
      { shape: [2, 4], wrt: false, gen: (_r, i) => (i % 3 ? 1 : 0) },
    ],
    build: (p, y, m) => pinballLoss(p, y, [0.1, 0.5, 0.9], { quantiles: 'mean', mask: m }),
  },
]

opTable('composite gradients', cases)
