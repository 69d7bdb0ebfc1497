// Convolution over [N, C, L] or [N, C, H, W] with weights [Cout, Cin, ...kernel] and an optional
// bias [Cout]. Gradients: dX is a ConvTranspose of gy with the same weights; dW is itself a Conv
// (x and gy with batch and channel axes swapped, the original stride acting as dilation).
// float64 graphs run these in float32 (onnxruntime has no float64 Conv kernels on CPU).

import { check } from '../errors'
import type { OpDef } from '../op'
import { A } from '../onnx/model'
import { nd, ravel, unravel } from '../reference/ndarray'
import { sameDim } from '../shape'
import type { Tensor } from '../tensor'
import { reduceSum } from './reduce'
import { emitFloat32, sameDtype } from './util'
import { type Window, transposePadding, windowAttrs, windowOut } from './window'

function convAttrs(w: Window) {
  return {
    strides: A.ints(w.strides),
    pads: A.ints(w.pads),
    dilations: A.ints(w.dilations),
  }
}

/**
 * The reference convolution's one traversal: for every output position, input channel and
 * kernel tap that lands inside the (unpadded) input, the flat indices of the output, the input
 * and the weight. The forward pass, dX and dW are three different sums over the same triples.
 */
function forEachTap(
  outShape: readonly number[],
  xShape: readonly number[],
  wtShape: readonly number[],
  w: Window,
  visit: (o: number, xi: number, wi: number) => void,
): void {
  const n = w.kernel.length
  const kCount = w.kernel.reduce((p, k) => p * k, 1)
  const outCount = outShape.reduce((p, d) => p * d, 1)
  for (let o = 0; o < outCount; o++) {
    const oi = unravel(o, outShape)
    for (let c = 0; c < xShape[1]; c++) {
      for (let kf = 0; kf < kCount; kf++) {
        const ki = unravel(kf, w.kernel)
        const src = [oi[0], c]
        let inside = true
        for (let d = 0; d < n; d++) {
          const p = oi[d + 2] * w.strides[d] + ki[d] * w.dilations[d] - w.pads[d]
          if (p < 0 || p >= xShape[d + 2]) inside = false
          src.push(p)
        }
        if (inside) visit(o, ravel(src, xShape), ravel([oi[1], c, ...ki], wtShape))
      }
    }
  }
}

export const Conv: OpDef<Window> = {
  name: 'Conv',
  infer(inputs, w) {
    const [x, wt] = inputs
    sameDtype('Conv', inputs)
    const n = w.kernel.length
    check(x.shape.length === n + 2 && wt.shape.length === n + 2, 'SHAPE_MISMATCH', () => {
      return `conv: input [${x.shape}], weight [${wt.shape}] for ${n}-D`
    })
    check(
      sameDim(x.shape[1], wt.shape[1]),
      'SHAPE_MISMATCH',
      () => `conv: channels ${x.shape[1]} vs weight [${wt.shape}]`,
    )
    check(
      wt.shape.slice(2).every((k, i) => k === w.kernel[i]),
      'SHAPE_MISMATCH',
      () => 'conv: kernel mismatch',
    )
    if (inputs[2])
      check(sameDim(inputs[2].shape[0], wt.shape[0]), 'SHAPE_MISMATCH', () => 'conv: bias size')
    const spatial = x.shape.slice(2).map((d, i) => windowOut(w, i, d))
    return { dtype: x.dtype, shape: [x.shape[0], wt.shape[0], ...spatial] }
  },
  emit: (ctx, ins, out, node, y) =>
    emitFloat32(ctx, 'Conv', ins, convAttrs(node.attrs), out, y.dtype),
  grad(gy, node, _y, wanted) {
    const [x, wt, b] = node.inputs
    const g = gy.graph
    return [
      wanted[0] ? g.apply(ConvGradInput, [gy, wt, x], node.attrs) : null,
      wanted[1] ? g.apply(ConvGradWeight, [x, gy], node.attrs) : null,
      b && wanted[2] ? reduceSum(gy, [0, ...gy.shape.slice(2).map((_, i) => i + 2)]) : null,
    ]
  },
  ref([x, wt, b], w, y) {
    const shape = y.shape as number[]
    const out = nd(shape)
    if (b) for (let o = 0; o < out.data.length; o++) out.data[o] = b.data[unravel(o, shape)[1]]
    forEachTap(shape, x.shape, wt.shape, w, (o, xi, wi) => {
      out.data[o] += x.data[xi] * wt.data[wi]
    })
    return out
  },
}

/** dL/dx of Conv. Inputs: gy, weight, x (for its shape). */
export const ConvGradInput: OpDef<Window> = {
  name: 'ConvGradInput',
  infer: ([, , x]) => ({ dtype: x.dtype, shape: x.shape }),
  emit(ctx, [gy, wt], out, node, y) {
    const w = node.attrs
    const xs = node.inputs[2].shape.slice(2) as number[]
    const gs = node.inputs[0].shape.slice(2) as number[]
    const attrs = {
      ...convAttrs(w),
      output_padding: A.ints(xs.map((s, i) => transposePadding(w, i, s, gs[i]))),
    }
    emitFloat32(ctx, 'ConvTranspose', [gy, wt], attrs, out, y.dtype)
  },
  ref([gy, wt, x], w) {
    // Scatter form of the forward loop: every (output, tap) pair sends gy·w back to its input.
    const out = nd(x.shape)
    forEachTap(gy.shape, x.shape, wt.shape, w, (o, xi, wi) => {
      out.data[xi] += gy.data[o] * wt.data[wi]
    })
    return out
  },
}

/** dL/dW of Conv. Inputs: x, gy. */
export const ConvGradWeight: OpDef<Window> = {
  name: 'ConvGradWeight',
  infer([x, gy], w) {
    return { dtype: x.dtype, shape: [gy.shape[1], x.shape[1], ...w.kernel] }
  },
  emit(ctx, [x, gy], out, node, y) {
    const w = node.attrs
    const swap = A.ints([1, 0, ...w.kernel.map((_, i) => i + 2)])
    // Batch and channels swap roles: x as [Cin, N, ...], gy as weights [Cout, N, ...]; the
    // forward stride becomes the dilation of that "kernel", the forward dilation its stride.
    const [xt] = ctx.node('Transpose', [x], { perm: swap })
    const [gt] = ctx.node('Transpose', [gy], { perm: swap })
    const attrs = {
      strides: A.ints(w.dilations),
      pads: A.ints(w.pads),
      dilations: A.ints(w.strides),
    }
    const full = `${out}.full`
    emitFloat32(ctx, 'Conv', [xt, gt], attrs, full, y.dtype)
    // The correlation can run past the kernel when the stride does not divide evenly: crop.
    const zeros = w.kernel.map(() => 0)
    const axes = w.kernel.map((_, i) => i + 2)
    const [cropped] = ctx.node('Slice', [full, ctx.ints(zeros), ctx.ints(w.kernel), ctx.ints(axes)])
    ctx.node('Transpose', [cropped], { perm: swap }, [out])
  },
  ref([x, gy], w, y) {
    const out = nd(y.shape as number[])
    forEachTap(gy.shape, x.shape, out.shape, w, (o, xi, wi) => {
      out.data[wi] += gy.data[o] * x.data[xi]
    })
    return out
  },
}

export interface ConvOptions {
  stride?: number | readonly number[]
  /** Symmetric zero padding per spatial axis, or 'same' for odd kernels at stride 1. */
  padding?: number | readonly number[] | 'same'
  dilation?: number | readonly number[]
}

/** Convolution (cross-correlation, as PyTorch) of x [N, Cin, ...] with w [Cout, Cin, ...k]. */
export function conv(x: Tensor, weight: Tensor, bias?: Tensor, o: ConvOptions = {}): Tensor {
  const n = x.rank - 2
  const list = (v: number | readonly number[]) =>
    typeof v === 'number' ? new Array<number>(n).fill(v) : v
  const kernel = weight.shape.slice(2) as number[]
  const dil = list(o.dilation ?? 1)
  const pad =
    o.padding === 'same' ? kernel.map((k, i) => ((k - 1) * dil[i]) / 2) : list(o.padding ?? 0)
  check(
    pad.every(Number.isInteger),
    'BAD_ARGUMENT',
    () => `conv: 'same' needs odd kernels, got [${kernel}]`,
  )
  const w = windowAttrs(n, {
    kernel,
    strides: list(o.stride ?? 1),
    pads: [...pad, ...pad],
    dilations: dil,
  })
  return x.graph.apply(Conv, bias ? [x, weight, bias] : [x, weight], w)
}
