// Selecting and assembling: Slice, Concat, Pad (constant), Gather and its gradient GatherGrad.
// Slice and Pad are each other's gradients; Concat's gradient is one Slice per operand; Gather's
// is a scatter-add (ScatterND with reduction "add"), so repeated indices accumulate.

import { GraphError, check } from '../errors'
import type { OpDef } from '../op'
import { A } from '../onnx/model'
import { nd, ravel, unravel } from '../reference/ndarray'
import { type Dim, type Shape, normAxis, sameDim } from '../shape'
import type { Tensor } from '../tensor'
import { transpose } from './layout'

export interface SliceAttrs {
  /** One entry per sliced axis; start/end already clamped to [0, dim], step 1. */
  axes: readonly number[]
  starts: readonly number[]
  ends: readonly number[]
}

export const Slice: OpDef<SliceAttrs> = {
  name: 'Slice',
  infer([x], a) {
    const shape: Dim[] = [...x.shape]
    a.axes.forEach((ax, i) => (shape[ax] = a.ends[i] - a.starts[i]))
    return { dtype: x.dtype, shape }
  },
  emit(ctx, [x], out, node) {
    const { starts, ends, axes } = node.attrs
    ctx.node('Slice', [x, ctx.ints(starts), ctx.ints(ends), ctx.ints(axes)], {}, [out])
  },
  grad(gy, node) {
    const x = node.inputs[0]
    const pads = new Array<number>(2 * x.rank).fill(0)
    node.attrs.axes.forEach((ax, i) => {
      pads[ax] = node.attrs.starts[i]
      pads[ax + x.rank] = (x.shape[ax] as number) - node.attrs.ends[i]
    })
    return [pad(gy, pads)]
  },
  ref([x], a, y) {
    const shape = y.shape as number[]
    const out = nd(shape)
    for (let i = 0; i < out.data.length; i++) {
      const idx = unravel(i, shape)
      a.axes.forEach((ax, k) => (idx[ax] += a.starts[k]))
      out.data[i] = x.data[ravel(idx, x.shape)]
    }
    return out
  },
}

export interface PadAttrs {
  /** ONNX order: all begins, then all ends. Negative values crop. */
  pads: readonly number[]
  value: number
}

export const Pad: OpDef<PadAttrs> = {
  name: 'Pad',
  infer([x], a) {
    const r = x.shape.length
    const shape = x.shape.map((d, i) => {
      const extra = a.pads[i] + a.pads[i + r]
      if (extra === 0) return d
      check(typeof d === 'number', 'UNSUPPORTED', () => `pad along symbolic dim ${d}`)
      return (d as number) + extra
    })
    return { dtype: x.dtype, shape }
  },
  emit(ctx, [x], out, node, y) {
    const value = ctx.scalar(node.attrs.value, y.dtype)
    ctx.node('Pad', [x, ctx.ints(node.attrs.pads), value], { mode: A.string('constant') }, [out])
  },
  grad(gy, node) {
    // Cropping by the same amounts (negative pads) undoes the padding.
    const cut = node.attrs.pads.map((p) => -p)
    return [cut.some((c) => c !== 0) ? pad(gy, cut) : gy]
  },
  ref([x], a, y) {
    const shape = y.shape as number[]
    const out = nd(shape)
    for (let i = 0; i < out.data.length; i++) {
      const idx = unravel(i, shape).map((v, k) => v - a.pads[k])
      const inside = idx.every((v, k) => v >= 0 && v < x.shape[k])
      out.data[i] = inside ? x.data[ravel(idx, x.shape)] : a.value
    }
    return out
  },
}

export interface AxisAttrs {
  axis: number
}

export const Concat: OpDef<AxisAttrs> = {
  name: 'Concat',
  infer(inputs, a) {
    const first = inputs[0]
    let total = 0
    for (const t of inputs) {
      check(t.dtype === first.dtype, 'DTYPE_MISMATCH', () => 'concat: mixed dtypes')
      check(t.shape.length === first.shape.length, 'SHAPE_MISMATCH', () => 'concat: mixed ranks')
      t.shape.forEach((d, i) => {
        if (i !== a.axis)
          check(sameDim(d, first.shape[i]), 'SHAPE_MISMATCH', () => `concat dim ${i}`)
      })
      const d = t.shape[a.axis]
      check(typeof d === 'number', 'UNSUPPORTED', () => `concat along symbolic dim ${d}`)
      total += d as number
    }
    return { dtype: first.dtype, shape: first.shape.map((d, i) => (i === a.axis ? total : d)) }
  },
  emit: (ctx, ins, out, node) =>
    void ctx.node('Concat', ins, { axis: A.int(node.attrs.axis) }, [out]),
  grad(gy, node, _y, wanted) {
    let at = 0
    return node.inputs.map((t, i) => {
      const size = t.shape[node.attrs.axis] as number
      const g = wanted[i] ? slice(gy, node.attrs.axis, at, at + size) : null
      at += size
      return g
    })
  },
  ref(inputs, a, y) {
    const shape = y.shape as number[]
    const out = nd(shape)
    let offset = 0
    for (const x of inputs) {
      for (let i = 0; i < x.data.length; i++) {
        const idx = unravel(i, x.shape)
        idx[a.axis] += offset
        out.data[ravel(idx, shape)] = x.data[i]
      }
      offset += x.shape[a.axis]
    }
    return out
  },
}

export const Gather: OpDef<AxisAttrs> = {
  name: 'Gather',
  infer([data, indices], a) {
    check(indices.dtype === 'int64', 'DTYPE_MISMATCH', () => `gather indices are ${indices.dtype}`)
    const s = data.shape
    return {
      dtype: data.dtype,
      shape: [...s.slice(0, a.axis), ...indices.shape, ...s.slice(a.axis + 1)],
    }
  },
  emit: (ctx, ins, out, node) =>
    void ctx.node('Gather', ins, { axis: A.int(node.attrs.axis) }, [out]),
  grad(gy, node, _y, wanted) {
    const [data, indices] = node.inputs
    return [wanted[0] ? gatherGrad(gy, indices, data.shape, node.attrs.axis) : null, null]
  },
  ref([data, indices], a, y) {
    const shape = y.shape as number[]
    const out = nd(shape)
    const k = indices.shape.length
    for (let i = 0; i < out.data.length; i++) {
      const idx = unravel(i, shape)
      const pick = indices.data[ravel(idx.slice(a.axis, a.axis + k), indices.shape)]
      const src = [
        ...idx.slice(0, a.axis),
        wrap(pick, data.shape[a.axis]),
        ...idx.slice(a.axis + k),
      ]
      out.data[i] = data.data[ravel(src, data.shape)]
    }
    return out
  },
}

function wrap(i: number, n: number): number {
  return i < 0 ? i + n : i
}

export interface GatherGradAttrs {
  /** The gathered data's shape (static), with the gathered axis moved first. */
  shape: readonly number[]
}

/** Scatter-add of gy [...indices.shape, ...rest] into zeros of `shape` along axis 0. */
export const GatherGrad: OpDef<GatherGradAttrs> = {
  name: 'GatherGrad',
  infer: ([gy], a) => ({ dtype: gy.dtype, shape: a.shape }),
  emit(ctx, [gy, indices], out, node, y) {
    const zero = y.dtype === 'float32' ? new Float32Array(1) : new Float64Array(1)
    const dtype = y.dtype === 'float32' ? 'float32' : 'float64'
    const value = A.tensor({ name: 'zero', dtype, dims: [1], data: zero })
    const [zeros] = ctx.node('ConstantOfShape', [ctx.ints(node.attrs.shape)], { value })
    const [idx] = ctx.node('Unsqueeze', [indices, ctx.ints([-1])])
    ctx.node('ScatterND', [zeros, idx, gy], { reduction: A.string('add') }, [out])
  },
  ref([gy, indices], a) {
    const out = nd(a.shape)
    const inner = a.shape.slice(1).reduce((p, d) => p * d, 1)
    for (let j = 0; j < indices.data.length; j++) {
      const row = wrap(indices.data[j], a.shape[0])
      for (let k = 0; k < inner; k++) out.data[row * inner + k] += gy.data[j * inner + k]
    }
    return out
  },
}

function gatherGrad(gy: Tensor, indices: Tensor, shape: Shape, axis: number): Tensor {
  check(
    shape.every((d) => typeof d === 'number'),
    'NOT_DIFFERENTIABLE',
    () => `gather gradient needs static data shape, got [${shape}]`,
  )
  const s = shape as readonly number[]
  if (axis === 0) return gy.graph.apply(GatherGrad, [gy, indices], { shape: s })
  // Move the gathered axes to the front, scatter along axis 0, move the axis back.
  const k = indices.rank
  const perm = [...Array(k).keys()].map((i) => i + axis)
  for (let i = 0; i < gy.rank; i++) if (i < axis || i >= axis + k) perm.push(i)
  const moved = [s[axis], ...s.slice(0, axis), ...s.slice(axis + 1)]
  const scattered = gy.graph.apply(GatherGrad, [transpose(gy, perm), indices], { shape: moved })
  const back = [...Array(s.length).keys()].map((i) => (i < axis ? i + 1 : i === axis ? 0 : i))
  return transpose(scattered, back)
}

/** x[start:end] along one axis (negative bounds count from the end; clamped like Python). */
export function slice(x: Tensor, axis: number, start: number, end: number): Tensor {
  const ax = normAxis(axis, x.rank)
  const d = x.shape[ax]
  if (typeof d !== 'number') throw new GraphError('UNSUPPORTED', `slice along symbolic dim ${d}`)
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + d : v, 0), d)
  const s = clamp(start)
  const e = Math.max(clamp(end), s)
  if (s === 0 && e === d) return x
  return x.graph.apply(Slice, [x], { axes: [ax], starts: [s], ends: [e] })
}

/** Splits along `axis` into pieces of the given sizes (slices, so gradients re-assemble). */
export function split(x: Tensor, axis: number, sizes: readonly number[]): Tensor[] {
  let at = 0
  return sizes.map((n) => {
    const piece = slice(x, axis, at, at + n)
    at += n
    return piece
  })
}

/** Constant padding; `pads` in ONNX order (all begins, then all ends); negative values crop. */
export function pad(x: Tensor, pads: readonly number[], value = 0): Tensor {
  check(
    pads.length === 2 * x.rank,
    'BAD_ARGUMENT',
    () => `pad: ${pads.length} pads for rank ${x.rank}`,
  )
  return x.graph.apply(Pad, [x], { pads: [...pads], value })
}

/** Pads one axis with `before` and `after` elements of `value`. */
export function padAxis(x: Tensor, axis: number, before: number, after: number, value = 0): Tensor {
  const ax = normAxis(axis, x.rank)
  const pads = new Array<number>(2 * x.rank).fill(0)
  pads[ax] = before
  pads[ax + x.rank] = after
  return pad(x, pads, value)
}

export function concat(xs: readonly Tensor[], axis: number): Tensor {
  check(xs.length > 0, 'BAD_ARGUMENT', () => 'concat of nothing')
  if (xs.length === 1) return xs[0]
  return xs[0].graph.apply(Concat, xs, { axis: normAxis(axis, xs[0].rank) })
}

/** Gather along `axis` with int64 indices (negative indices count from the end). */
export function gather(data: Tensor, indices: Tensor, axis = 0): Tensor {
  return data.graph.apply(Gather, [data, indices], { axis: normAxis(axis, data.rank) })
}

/** Circular (wrap-around) padding along one axis, e.g. TimesNet's token Conv1d padding. */
export function padCircular(x: Tensor, axis: number, before: number, after: number): Tensor {
  const ax = normAxis(axis, x.rank)
  const parts: Tensor[] = []
  if (before > 0) parts.push(slice(x, ax, -before, Number.MAX_SAFE_INTEGER))
  parts.push(x)
  if (after > 0) parts.push(slice(x, ax, 0, after))
  return concat(parts, ax)
}
