// Ops that move data without arithmetic: Reshape, Transpose, Squeeze, Unsqueeze, Expand.
// Symbolic dims (the batch) are handled at emission: a dim that stays in place is written as 0
// ("copy"), one that moves as -1 ("infer"); when neither works the op takes a second input whose
// run-time shape is the target (used by gradients: reshape/expand "as x").

import { GraphError, check } from '../errors'
import type { EmitContext, OpDef } from '../op'
import { mapN, nd, transposeND } from '../reference/ndarray'
import {
  type Dim,
  type Shape,
  broadcastShapes,
  canonicalDim,
  divideDim,
  dimProduct,
  normAxis,
  sameDim,
} from '../shape'
import type { Tensor } from '../tensor'
import { unbroadcast } from './reduce'

export interface ShapeAttrs {
  shape: Shape
}

/** The int64 shape operand for Reshape, or undefined when a run-time shape is needed. */
function reshapeOperand(from: Shape, to: Shape): number[] | undefined {
  let inferred = false
  const out: number[] = []
  for (let i = 0; i < to.length; i++) {
    const d = to[i]
    if (typeof d === 'number') out.push(d)
    else if (i < from.length && sameDim(from[i], d)) out.push(0)
    else if (!inferred) {
      inferred = true
      out.push(-1)
    } else return undefined
  }
  return out
}

/** Writes the node's output shape: from constants when possible, else from `like`'s Shape. */
function shapeInput(ctx: EmitContext, from: Shape, to: Shape, like: string | undefined): string {
  const spec = reshapeOperand(from, to)
  if (spec) return ctx.ints(spec)
  if (like === undefined)
    throw new GraphError('UNSUPPORTED', `reshape [${from}] -> [${to}] needs a shape source`)
  return ctx.node('Shape', [like])[0]
}

export const Reshape: OpDef<ShapeAttrs> = {
  name: 'Reshape',
  infer: ([x], a) => ({ dtype: x.dtype, shape: a.shape }),
  emit(ctx, [x, like], out, node) {
    ctx.node('Reshape', [x, shapeInput(ctx, node.inputs[0].shape, node.attrs.shape, like)], {}, [
      out,
    ])
  },
  grad: (gy, node) => [reshapeAs(gy, node.inputs[0])],
  ref: ([x], _a, y) => nd(y.shape as number[], x.data),
}

export interface PermAttrs {
  perm: readonly number[]
}

export const Transpose: OpDef<PermAttrs> = {
  name: 'Transpose',
  infer: ([x], a) => ({ dtype: x.dtype, shape: a.perm.map((p) => x.shape[p]) }),
  emit: (ctx, [x], out, node) =>
    void ctx.node('Transpose', [x], { perm: { type: 'ints', value: node.attrs.perm } }, [out]),
  grad(gy, node) {
    const inverse = new Array<number>(node.attrs.perm.length)
    node.attrs.perm.forEach((p, i) => (inverse[p] = i))
    return [transpose(gy, inverse)]
  },
  ref: ([x], a) => transposeND(x, a.perm),
}

export interface AxesAttrs {
  axes: readonly number[]
}

export const Squeeze: OpDef<AxesAttrs> = {
  name: 'Squeeze',
  infer: ([x], a) => ({ dtype: x.dtype, shape: x.shape.filter((_, i) => !a.axes.includes(i)) }),
  emit: (ctx, [x], out, node) =>
    void ctx.node('Squeeze', [x, ctx.ints(node.attrs.axes)], {}, [out]),
  grad: (gy, node) => [unsqueeze(gy, node.attrs.axes)],
  ref: ([x], _a, y) => nd(y.shape as number[], x.data),
}

export const Unsqueeze: OpDef<AxesAttrs> = {
  name: 'Unsqueeze',
  infer([x], a) {
    const shape: Dim[] = [...x.shape]
    for (const ax of a.axes) shape.splice(ax, 0, 1)
    return { dtype: x.dtype, shape }
  },
  emit: (ctx, [x], out, node) =>
    void ctx.node('Unsqueeze', [x, ctx.ints(node.attrs.axes)], {}, [out]),
  grad: (gy, node) => [squeeze(gy, node.attrs.axes)],
  ref: ([x], _a, y) => nd(y.shape as number[], x.data),
}

export const Expand: OpDef<ShapeAttrs> = {
  name: 'Expand',
  infer: ([x], a) => ({ dtype: x.dtype, shape: broadcastShapes(x.shape, a.shape) }),
  emit(ctx, [x, like], out, node) {
    // Expand broadcasts both ways, so 1 keeps x's dim; a symbolic dim x already has is a 1.
    const from = node.inputs[0].shape
    const lead = node.attrs.shape.length - from.length
    const dims = node.attrs.shape.map((d, i) =>
      typeof d === 'number' ? d : i >= lead && sameDim(from[i - lead], d) ? 1 : undefined,
    )
    const shape = dims.every((d) => d !== undefined)
      ? ctx.ints(dims as number[])
      : like !== undefined
        ? ctx.node('Shape', [like])[0]
        : undefined
    if (!shape)
      throw new GraphError('UNSUPPORTED', `expand to [${node.attrs.shape}] needs expandAs`)
    ctx.node('Expand', [x, shape], {}, [out])
  },
  grad: (gy, node) => [unbroadcast(gy, node.inputs[0].shape)],
  ref: ([x], _a, y) => mapN([x, nd(y.shape as number[])], (v) => v),
}

/** Reshape; `shape` may hold one -1 and symbolic dims ("batch"). */
export function reshape(x: Tensor, shape: Shape): Tensor {
  const target = shape.map((d) => (typeof d === 'number' ? d : canonicalDim(d)))
  const known = target.filter((d) => d !== -1)
  check(known.length >= target.length - 1, 'BAD_ARGUMENT', () => `reshape: more than one -1`)
  const total = dimProduct(x.shape)
  let resolved: Dim[] = target
  if (known.length < target.length) {
    const missing = divideDim(total, dimProduct(known))
    check(missing !== undefined, 'SHAPE_MISMATCH', () => `reshape [${x.shape}] -> [${shape}]`)
    resolved = target.map((d) => (d === -1 ? (missing as Dim) : d))
  }
  check(
    sameDim(dimProduct(resolved), total),
    'SHAPE_MISMATCH',
    () => `reshape [${x.shape}] -> [${shape}]`,
  )
  return x.graph.apply(Reshape, [x], { shape: resolved })
}

/** Reshape to `like`'s shape; reads it at run time when constants cannot express it. */
export function reshapeAs(x: Tensor, like: Tensor): Tensor {
  const inputs = reshapeOperand(x.shape, like.shape) ? [x] : [x, like]
  return x.graph.apply(Reshape, inputs, { shape: like.shape })
}

export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const p = perm ?? [...x.shape.keys()].reverse()
  check(
    p.length === x.rank && [...p].sort().every((v, i) => v === i),
    'BAD_ARGUMENT',
    () => `transpose: bad perm [${p}] for rank ${x.rank}`,
  )
  return x.graph.apply(Transpose, [x], { perm: p })
}

/** Swaps the last two axes (matrix transpose over a batch). */
export function transposeLast2(x: Tensor): Tensor {
  const perm = [...x.shape.keys()]
  ;[perm[x.rank - 2], perm[x.rank - 1]] = [perm[x.rank - 1], perm[x.rank - 2]]
  return transpose(x, perm)
}

export function squeeze(x: Tensor, axes: number | readonly number[]): Tensor {
  const list = (typeof axes === 'number' ? [axes] : axes).map((a) => normAxis(a, x.rank))
  for (const a of list)
    check(x.shape[a] === 1, 'SHAPE_MISMATCH', () => `squeeze axis ${a} of [${x.shape}]`)
  return x.graph.apply(Squeeze, [x], { axes: [...new Set(list)].sort((p, q) => p - q) })
}

/** Inserts size-1 axes; `axes` index the output, as in ONNX. */
export function unsqueeze(x: Tensor, axes: number | readonly number[]): Tensor {
  const list = typeof axes === 'number' ? [axes] : axes
  const rank = x.rank + list.length
  const norm = [...new Set(list.map((a) => normAxis(a, rank)))].sort((p, q) => p - q)
  return x.graph.apply(Unsqueeze, [x], { axes: norm })
}

export function expand(x: Tensor, shape: Shape): Tensor {
  return x.graph.apply(Expand, [x], { shape: shape.map(canonicalDim) })
}

/** Broadcasts x to `like`'s shape (reading it at run time if it has symbolic dims x lacks). */
export function expandAs(x: Tensor, like: Tensor): Tensor {
  if (sameDimsAll(x.shape, like.shape)) return x
  return x.graph.apply(Expand, [x, like], { shape: like.shape })
}

function sameDimsAll(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => sameDim(d, b[i]))
}
