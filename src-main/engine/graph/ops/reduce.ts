// Reductions (ReduceSum, ReduceMean, ReduceMax), the element count of axes that may be symbolic
// (Count), and unbroadcast: the sum that turns a broadcast result's gradient back into the
// gradient of the smaller operand.

import type { OpDef } from '../op'
import { type NDArray, nd, reduceAxes } from '../reference/ndarray'
import { type Shape, broadcastAxes, isStatic, normAxis, numel, sameShape } from '../shape'
import type { Tensor, TensorInfo } from '../tensor'
import { div, mul } from './binary'
import { cast, equal } from './compare'
import { expandAs, squeeze, unsqueeze } from './layout'
import { floatOnly } from './util'

export interface ReduceAttrs {
  /** Normalised (non-negative), sorted, unique. */
  axes: readonly number[]
  keepdims: boolean
}

function reducedShape(x: TensorInfo, a: ReduceAttrs): Shape {
  return a.keepdims
    ? x.shape.map((d, i) => (a.axes.includes(i) ? 1 : d))
    : x.shape.filter((_, i) => !a.axes.includes(i))
}

/** The output gradient with the reduced axes restored as 1s (so it broadcasts against x). */
function keptGrad(gy: Tensor, a: ReduceAttrs): Tensor {
  return a.keepdims ? gy : unsqueeze(gy, a.axes)
}

function reduction(
  name: string,
  ref: (x: NDArray, a: ReduceAttrs) => NDArray,
  grad: (gy: Tensor, x: Tensor, y: Tensor, a: ReduceAttrs) => Tensor,
): OpDef<ReduceAttrs> {
  return {
    name,
    infer([x], a) {
      floatOnly(name, x)
      return { dtype: x.dtype, shape: reducedShape(x, a) }
    },
    emit(ctx, [x], out, node) {
      const keepdims = { keepdims: { type: 'int', value: node.attrs.keepdims ? 1 : 0 } } as const
      ctx.node(name, [x, ctx.ints(node.attrs.axes)], keepdims, [out])
    },
    grad: (gy, node, y) => [grad(gy, node.inputs[0], y, node.attrs)],
    ref: ([x], a) => ref(x, a),
  }
}

export const ReduceSum = reduction(
  'ReduceSum',
  (x, a) => reduceAxes(x, a.axes, a.keepdims, 0, (s, v) => s + v),
  (gy, x, _y, a) => expandAs(keptGrad(gy, a), x),
)

export const ReduceMean = reduction(
  'ReduceMean',
  (x, a) =>
    reduceAxes(
      x,
      a.axes,
      a.keepdims,
      0,
      (s, v) => s + v,
      (s, n) => s / n,
    ),
  (gy, x, _y, a) => expandAs(div(keptGrad(gy, a), count(x, a.axes)), x),
)

// The gradient goes to the maxima, shared evenly between ties (as torch.amax does).
export const ReduceMax = reduction(
  'ReduceMax',
  (x, a) => reduceAxes(x, a.axes, a.keepdims, -Infinity, Math.max),
  (gy, x, y, a) => {
    const ykeep = a.keepdims ? y : unsqueeze(y, a.axes)
    const hits = cast(equal(x, ykeep), x.dtype)
    const ties = reduceSum(hits, a.axes, true)
    return mul(hits, div(keptGrad(gy, a), ties))
  },
)

export interface CountAttrs {
  axes: readonly number[]
}

/** The number of elements over `axes` of x, as a float scalar; works for symbolic dims. */
export const Count: OpDef<CountAttrs> = {
  name: 'Count',
  infer: ([x]) => ({ dtype: x.dtype, shape: [] }),
  emit(ctx, [x], out, node, y) {
    const [shape] = ctx.node('Shape', [x])
    const [dims] = ctx.node('Gather', [shape, ctx.ints(node.attrs.axes)], {
      axis: { type: 'int', value: 0 },
    })
    const [n] = ctx.node('ReduceProd', [dims], { keepdims: { type: 'int', value: 0 } })
    ctx.node('Cast', [n], { to: { type: 'int', value: y.dtype === 'float32' ? 1 : 11 } }, [out])
  },
  ref: ([x], a) => nd([], [a.axes.reduce((p, i) => p * x.shape[i], 1)]),
}

function normAxes(x: Tensor, axes: number | readonly number[] | undefined): number[] {
  const list =
    axes === undefined ? x.shape.map((_, i) => i) : typeof axes === 'number' ? [axes] : axes
  return [...new Set(list.map((a) => normAxis(a, x.rank)))].sort((p, q) => p - q)
}

/** Sum over `axes` (all when omitted). */
export function reduceSum(x: Tensor, axes?: number | readonly number[], keepdims = false) {
  return x.graph.apply(ReduceSum, [x], { axes: normAxes(x, axes), keepdims })
}

export function reduceMean(x: Tensor, axes?: number | readonly number[], keepdims = false) {
  return x.graph.apply(ReduceMean, [x], { axes: normAxes(x, axes), keepdims })
}

export function reduceMax(x: Tensor, axes?: number | readonly number[], keepdims = false) {
  return x.graph.apply(ReduceMax, [x], { axes: normAxes(x, axes), keepdims })
}

/** Element count over axes; a constant when those dims are static. */
export function count(x: Tensor, axes: readonly number[]): Tensor {
  const dims = axes.map((a) => x.shape[a])
  if (isStatic(dims)) return x.graph.scalar(numel(dims), x.dtype)
  return x.graph.apply(Count, [x], { axes })
}

/** Sums g over the axes along which `shape` was broadcast to g's shape, returning `shape`. */
export function unbroadcast(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g
  const axes = broadcastAxes(shape, g.shape)
  const lead = g.rank - shape.length
  const summed = axes.length > 0 ? reduceSum(g, axes, true) : g
  return lead > 0 ? squeeze(summed, [...Array(lead).keys()]) : summed
}
