// Small networks shared by the training, runtime and export tests.

import type { GraphBuilder } from '../../../../src-main/engine/graph/graph'
import { dropout, linear } from '../../../../src-main/engine/graph/nn/linear'
import { mseLoss } from '../../../../src-main/engine/graph/nn/losses'
import { relu } from '../../../../src-main/engine/graph/ops/unary'
import type { Network } from '../../../../src-main/engine/graph/programs/network'
import type { FloatDType, Tensor } from '../../../../src-main/engine/graph/tensor'
import { Rng } from '../../../../src-main/engine/rng'

export interface MlpOptions {
  dtype?: FloatDType
  sizes: number[]
  dropout?: number
}

/** x [batch, sizes[0]] → ReLU MLP → [batch, last]; MSE against `y`. */
export function mlp(o: MlpOptions): Network {
  return {
    dtype: o.dtype,
    forward(g: GraphBuilder) {
      let h: Tensor = g.input('x', ['batch', o.sizes[0]])
      for (let i = 1; i < o.sizes.length; i++) {
        h = linear(h, o.sizes[i], `fc${i}`)
        if (i < o.sizes.length - 1) h = dropout(relu(h), o.dropout ?? 0, `fc${i}`)
      }
      return { y: h }
    },
    loss(g, out) {
      return mseLoss(out.y, g.input('y', out.y.shape))
    },
  }
}

/** Random regression data: y = tanh(x·A)·B + noise-free, so a small MLP can fit it. */
export function regressionData(
  n: number,
  inF: number,
  outF: number,
  seed: number,
  dtype: FloatDType = 'float32',
) {
  const rng = new Rng(seed)
  const hidden = 6
  const a = Array.from({ length: inF * hidden }, () => rng.normal() / Math.sqrt(inF))
  const b = Array.from({ length: hidden * outF }, () => rng.normal() / Math.sqrt(hidden))
  const Arr = dtype === 'float32' ? Float32Array : Float64Array
  const x = new Arr(n * inF).map(() => rng.normal())
  const y = new Arr(n * outF)
  for (let r = 0; r < n; r++) {
    for (let o = 0; o < outF; o++) {
      let s = 0
      for (let h = 0; h < hidden; h++) {
        let z = 0
        for (let i = 0; i < inF; i++) z += x[r * inF + i] * a[i * hidden + h]
        s += Math.tanh(z) * b[h * outF + o]
      }
      y[r * outF + o] = s
    }
  }
  return { x, y }
}

export function variance(values: ArrayLike<number>): number {
  let mean = 0
  for (let i = 0; i < values.length; i++) mean += values[i] / values.length
  let v = 0
  for (let i = 0; i < values.length; i++) v += (values[i] - mean) ** 2 / values.length
  return v
}
