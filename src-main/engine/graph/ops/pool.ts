// Pooling over the spatial axes of [N, C, ...spatial] (1-D and 2-D): MaxPool and AvgPool.
// MaxPool's gradient re-runs MaxPool for its argmax indices and scatter-adds gy there;
// AvgPool's gradient spreads gy evenly with a ConvTranspose of a constant 1/k kernel.

import { check } from '../errors'
import type { OpDef } from '../op'
import { A } from '../onnx/model'
import { type NDArray, nd, ravel, unravel } from '../reference/ndarray'
import type { Tensor, TensorInfo } from '../tensor'
import { emitFloat32, floatOnly } from './util'
import { type Window, transposePadding, windowAttrs, windowOut } from './window'

function poolShape(x: TensorInfo, w: Window): TensorInfo {
  floatOnly('pool', x)
  const n = w.kernel.length
  check(
    x.shape.length === n + 2,
    'SHAPE_MISMATCH',
    () => `pool over [${x.shape}] with ${n}-D kernel`,
  )
  const spatial = x.shape.slice(2).map((d, i) => windowOut(w, i, d))
  return { dtype: x.dtype, shape: [x.shape[0], x.shape[1], ...spatial] }
}

function onnxWindow(w: Window, withCeil: boolean) {
  return {
    kernel_shape: A.ints(w.kernel),
    strides: A.ints(w.strides),
    pads: A.ints(w.pads),
    dilations: A.ints(w.dilations),
    ...(withCeil ? { ceil_mode: A.int(w.ceilMode ? 1 : 0) } : {}),
  }
}

/** Visits every (output position, input position inside the window) pair (reference helper). */
function eachWindow(
  x: NDArray,
  w: Window,
  outShape: readonly number[],
  visit: (outFlat: number, inFlat: number | undefined) => void,
): void {
  const n = w.kernel.length
  const kCount = w.kernel.reduce((p, k) => p * k, 1)
  for (let o = 0; o < outShape.reduce((p, d) => p * d, 1); o++) {
    const oi = unravel(o, outShape)
    for (let kf = 0; kf < kCount; kf++) {
      const ki = unravel(kf, w.kernel)
      const src = [oi[0], oi[1]]
      let inside = true
      for (let s = 0; s < n; s++) {
        const p = oi[s + 2] * w.strides[s] + ki[s] * w.dilations[s] - w.pads[s]
        if (p < 0 || p >= x.shape[s + 2]) inside = false
        src.push(p)
      }
      visit(o, inside ? ravel(src, x.shape) : undefined)
    }
  }
}

/** Index of the first maximum of each window (what onnxruntime's MaxPool indices report). */
function argmaxes(x: NDArray, w: Window, outShape: readonly number[]): Int32Array {
  const best = new Int32Array(outShape.reduce((p, d) => p * d, 1)).fill(-1)
  eachWindow(x, w, outShape, (o, i) => {
    if (i !== undefined && (best[o] < 0 || x.data[i] > x.data[best[o]])) best[o] = i
  })
  return best
}

export const MaxPool: OpDef<Window> = {
  name: 'MaxPool',
  infer: ([x], w) => poolShape(x, w),
  emit: (ctx, [x], out, node) => void ctx.node('MaxPool', [x], onnxWindow(node.attrs, true), [out]),
  grad: (gy, node) => [gy.graph.apply(MaxPoolGrad, [node.inputs[0], gy], node.attrs)],
  ref([x], w, y) {
    const out = nd(y.shape as number[])
    argmaxes(x, w, out.shape).forEach((i, o) => (out.data[o] = x.data[i]))
    return out
  },
}

/** dL/dx of MaxPool: gy scattered (added) to each window's argmax. Inputs: x, gy. */
export const MaxPoolGrad: OpDef<Window> = {
  name: 'MaxPoolGrad',
  infer: ([x]) => ({ dtype: x.dtype, shape: x.shape }),
  emit(ctx, [x, gy], out, node, y) {
    const [, indices] = ctx.node('MaxPool', [x], onnxWindow(node.attrs, true), 2)
    const [shape] = ctx.node('Shape', [x])
    const [total] = ctx.node('ReduceProd', [shape], { keepdims: A.int(1) })
    const zero = y.dtype === 'float32' ? new Float32Array(1) : new Float64Array(1)
    const value = A.tensor({
      name: 'zero',
      dtype: y.dtype === 'float32' ? 'float32' : 'float64',
      dims: [1],
      data: zero,
    })
    const [zeros] = ctx.node('ConstantOfShape', [total], { value })
    const flat = ctx.ints([-1])
    const [idx] = ctx.node('Reshape', [indices, flat])
    const [g] = ctx.node('Reshape', [gy, flat])
    const [summed] = ctx.node('ScatterElements', [zeros, idx, g], {
      axis: A.int(0),
      reduction: A.string('add'),
    })
    ctx.node('Reshape', [summed, shape], {}, [out])
  },
  ref([x, gy], w) {
    const out = nd(x.shape)
    argmaxes(x, w, gy.shape).forEach((i, o) => (out.data[i] += gy.data[o]))
    return out
  },
}

// count_include_pad = 1 (PyTorch's default): every window divides by the full kernel size.
export const AvgPool: OpDef<Window> = {
  name: 'AvgPool',
  infer([x], w) {
    check(!w.ceilMode, 'UNSUPPORTED', () => 'avgPool with ceilMode')
    return poolShape(x, w)
  },
  emit(ctx, [x], out, node, y) {
    const attrs = { ...onnxWindow(node.attrs, true), count_include_pad: A.int(1) }
    emitFloat32(ctx, 'AveragePool', [x], attrs, out, y.dtype)
  },
  grad: (gy, node) => [gy.graph.apply(AvgPoolGrad, [gy, node.inputs[0]], node.attrs)],
  ref([x], w, y) {
    const out = nd(y.shape as number[])
    const k = w.kernel.reduce((p, q) => p * q, 1)
    eachWindow(x, w, out.shape, (o, i) => {
      if (i !== undefined) out.data[o] += x.data[i] / k
    })
    return out
  },
}

/** dL/dx of AvgPool. Inputs: gy, x (for its shape). */
export const AvgPoolGrad: OpDef<Window> = {
  name: 'AvgPoolGrad',
  infer: ([, x]) => ({ dtype: x.dtype, shape: x.shape }),
  emit(ctx, [gy, x], out, node, y) {
    const w = node.attrs
    const xShape = node.inputs[1].shape.slice(2) as number[]
    const gShape = node.inputs[0].shape.slice(2) as number[]
    const k = w.kernel.reduce((p, q) => p * q, 1)
    // Every (n, c) plane is independent: fold them into the batch axis of a 1-channel ConvTranspose.
    const [planes] = ctx.node('Reshape', [gy, ctx.ints([-1, 1, ...gShape])])
    const kernel = ctx.tensor(new Array<number>(k).fill(1 / k), [1, 1, ...w.kernel], 'float32')
    const attrs = {
      strides: A.ints(w.strides),
      pads: A.ints(w.pads),
      output_padding: A.ints(xShape.map((s, i) => transposePadding(w, i, s, gShape[i]))),
    }
    const spread = `${out}.spread`
    if (y.dtype === 'float32') ctx.node('ConvTranspose', [planes, kernel], attrs, [spread])
    else emitFloat32(ctx, 'ConvTranspose', [planes, kernel], attrs, spread, y.dtype, [true, false])
    ctx.node('Reshape', [spread, ctx.node('Shape', [x])[0]], {}, [out])
  },
  ref([gy, x], w) {
    const out = nd(x.shape)
    const k = w.kernel.reduce((p, q) => p * q, 1)
    eachWindow(x, w, gy.shape, (o, i) => {
      if (i !== undefined) out.data[i] += gy.data[o] / k
    })
    return out
  },
}

export interface PoolOptions {
  kernel: number | readonly number[]
  /** Defaults to the kernel (non-overlapping windows), as PyTorch does. */
  stride?: number | readonly number[]
  /** Symmetric padding per spatial axis. */
  padding?: number | readonly number[]
  ceilMode?: boolean
}

function toWindow(x: Tensor, o: PoolOptions): Window {
  const n = x.rank - 2
  const list = (v: number | readonly number[]) =>
    typeof v === 'number' ? new Array<number>(n).fill(v) : v
  const kernel = list(o.kernel)
  const pad = list(o.padding ?? 0)
  return windowAttrs(n, {
    kernel,
    strides: list(o.stride ?? kernel),
    pads: [...pad, ...pad],
    ceilMode: o.ceilMode ?? false,
  })
}

/** Max pooling of [N, C, L] or [N, C, H, W]. */
export function maxPool(x: Tensor, o: PoolOptions): Tensor {
  return x.graph.apply(MaxPool, [x], toWindow(x, o))
}

/** Average pooling of [N, C, L] or [N, C, H, W] (padding counts as zeros). */
export function avgPool(x: Tensor, o: PoolOptions): Tensor {
  return x.graph.apply(AvgPool, [x], toWindow(x, o))
}
