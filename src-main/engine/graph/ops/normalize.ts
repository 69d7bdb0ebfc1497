// Softmax and LayerNormalization: single ONNX nodes forward, gradients written with primitives
// (the fused ONNX gradient kernels live in com.microsoft, which the npm build lacks).

import { check } from '../errors'
import type { OpDef } from '../op'
import { A } from '../onnx/model'
import { type NDArray, nd, ravel, unravel } from '../reference/ndarray'
import { normAxis, sameShape } from '../shape'
import type { Tensor } from '../tensor'
import { add, mul, sub } from './binary'
import { reduceMean, reduceSum, unbroadcast } from './reduce'
import { reciprocal, sqrt } from './unary'
import { floatOnly, sameDtype } from './util'

export interface AxisAttrs {
  axis: number
}

/** Applies f to every 1-D lane of x along `axis` (reference helper). */
function lanes(x: NDArray, axis: number, f: (lane: number[]) => number[]): NDArray {
  const out = nd(x.shape)
  const n = x.shape[axis]
  const outer = x.shape.map((d, i) => (i === axis ? 1 : d))
  const count = outer.reduce((p, d) => p * d, 1)
  for (let o = 0; o < count; o++) {
    const idx = unravel(o, outer)
    const at = (k: number) =>
      ravel(
        idx.map((v, i) => (i === axis ? k : v)),
        x.shape,
      )
    const lane = [...Array(n).keys()].map((k) => x.data[at(k)])
    f(lane).forEach((v, k) => (out.data[at(k)] = v))
  }
  return out
}

export const Softmax: OpDef<AxisAttrs> = {
  name: 'Softmax',
  infer([x]) {
    floatOnly('Softmax', x)
    return { dtype: x.dtype, shape: x.shape }
  },
  emit: (ctx, [x], out, node) =>
    void ctx.node('Softmax', [x], { axis: A.int(node.attrs.axis) }, [out]),
  // dx = y ⊙ (gy − Σ gy⊙y) along the axis.
  grad: (gy, node, y) => [mul(y, sub(gy, reduceSum(mul(gy, y), node.attrs.axis, true)))],
  ref: ([x], a) =>
    lanes(x, a.axis, (lane) => {
      const m = Math.max(...lane)
      const e = lane.map((v) => Math.exp(v - m))
      const s = e.reduce((p, q) => p + q, 0)
      return e.map((v) => v / s)
    }),
}

export interface LayerNormAttrs {
  /** First normalised axis; normalisation runs over axis..rank-1. */
  axis: number
  epsilon: number
}

export const LayerNorm: OpDef<LayerNormAttrs> = {
  name: 'LayerNorm',
  infer([x, gamma, beta], a) {
    sameDtype('LayerNorm', [x, gamma, beta])
    const tail = x.shape.slice(a.axis)
    check(sameShape(gamma.shape, tail) && sameShape(beta.shape, tail), 'SHAPE_MISMATCH', () => {
      return `layerNorm: scale [${gamma.shape}] / bias [${beta.shape}] vs normalised [${tail}]`
    })
    return { dtype: x.dtype, shape: x.shape }
  },
  emit(ctx, ins, out, node, y) {
    // stash_type = the input's type, so float64 graphs also compute the statistics in float64.
    ctx.node(
      'LayerNormalization',
      ins,
      {
        axis: A.int(node.attrs.axis),
        epsilon: A.float(node.attrs.epsilon),
        stash_type: A.int(y.dtype === 'float64' ? 11 : 1),
      },
      [out],
    )
  },
  grad(gy, node, _y, wanted) {
    const [x, gamma, beta] = node.inputs
    const axes = [...Array(x.rank - node.attrs.axis).keys()].map((i) => i + node.attrs.axis)
    const xc = sub(x, reduceMean(x, axes, true))
    const inv = reciprocal(sqrt(add(reduceMean(mul(xc, xc), axes, true), node.attrs.epsilon)))
    const xhat = mul(xc, inv)
    let gx: Tensor | null = null
    if (wanted[0]) {
      const gxhat = mul(gy, gamma)
      const centred = sub(gxhat, reduceMean(gxhat, axes, true))
      gx = mul(inv, sub(centred, mul(xhat, reduceMean(mul(gxhat, xhat), axes, true))))
    }
    return [
      gx,
      wanted[1] ? unbroadcast(mul(gy, xhat), gamma.shape) : null,
      wanted[2] ? unbroadcast(gy, beta.shape) : null,
    ]
  },
  ref([x, gamma, beta], a) {
    const inner = x.shape.slice(a.axis).reduce((p, d) => p * d, 1)
    const out = nd(x.shape)
    for (let o = 0; o < x.data.length / inner; o++) {
      const lane = x.data.subarray(o * inner, (o + 1) * inner)
      const mean = lane.reduce((p, q) => p + q, 0) / inner
      const v = lane.reduce((p, q) => p + (q - mean) ** 2, 0) / inner
      const inv = 1 / Math.sqrt(v + a.epsilon)
      for (let k = 0; k < inner; k++) {
        out.data[o * inner + k] = (lane[k] - mean) * inv * gamma.data[k] + beta.data[k]
      }
    }
    return out
  },
}

export function softmax(x: Tensor, axis = -1): Tensor {
  return x.graph.apply(Softmax, [x], { axis: normAxis(axis, x.rank) })
}

/** Layer normalisation over the trailing axes covered by gamma's shape (eps 1e-5 as PyTorch). */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, epsilon = 1e-5): Tensor {
  return x.graph.apply(LayerNorm, [x, gamma, beta], { axis: x.rank - gamma.rank, epsilon })
}
