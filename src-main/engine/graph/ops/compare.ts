// Comparisons (bool results, no gradient), Where, Not and Cast. Where routes the gradient to
// the branch that was taken; comparisons only steer, so nothing flows through them.

import { GraphError } from '../errors'
import type { OpDef } from '../op'
import { A, ELEM_TYPE } from '../onnx/model'
import { mapN } from '../reference/ndarray'
import { broadcastShapes } from '../shape'
import type { DType, Tensor } from '../tensor'
import { isFloat } from '../tensor'
import { unbroadcast } from './reduce'
import { NO_ATTRS, type NoAttrs, type TensorLike, lift2, sameDtype } from './util'

function comparison(name: string, f: (a: number, b: number) => boolean): OpDef<NoAttrs> {
  return {
    name,
    infer(inputs) {
      sameDtype(name, inputs)
      return { dtype: 'bool', shape: broadcastShapes(inputs[0].shape, inputs[1].shape) }
    },
    emit: (ctx, [a, b], out) => void ctx.node(name, [a, b], {}, [out]),
    grad: () => [null, null],
    ref: (inputs) => mapN(inputs, (a, b) => (f(a, b) ? 1 : 0)),
  }
}

export const Greater = comparison('Greater', (a, b) => a > b)
export const GreaterOrEqual = comparison('GreaterOrEqual', (a, b) => a >= b)
export const Less = comparison('Less', (a, b) => a < b)
export const LessOrEqual = comparison('LessOrEqual', (a, b) => a <= b)
export const Equal = comparison('Equal', (a, b) => a === b)

export const Not: OpDef<NoAttrs> = {
  name: 'Not',
  infer([x]) {
    if (x.dtype !== 'bool') throw new GraphError('DTYPE_MISMATCH', `Not needs bool, got ${x.dtype}`)
    return { dtype: 'bool', shape: x.shape }
  },
  emit: (ctx, [x], out) => void ctx.node('Not', [x], {}, [out]),
  ref: ([x]) => mapN([x], (v) => (v ? 0 : 1)),
}

export const Where: OpDef<NoAttrs> = {
  name: 'Where',
  infer([c, a, b]) {
    if (c.dtype !== 'bool') throw new GraphError('DTYPE_MISMATCH', `Where condition is ${c.dtype}`)
    sameDtype('Where', [a, b])
    return { dtype: a.dtype, shape: broadcastShapes(c.shape, broadcastShapes(a.shape, b.shape)) }
  },
  emit: (ctx, ins, out) => void ctx.node('Where', ins, {}, [out]),
  grad(gy, node, _y, wanted) {
    const [c, a, b] = node.inputs
    return [
      null,
      wanted[1] ? unbroadcast(where(c, gy, 0), a.shape) : null,
      wanted[2] ? unbroadcast(where(c, 0, gy), b.shape) : null,
    ]
  },
  ref: ([c, a, b]) => mapN([c, a, b], (cv, av, bv) => (cv ? av : bv)),
}

export interface CastAttrs {
  to: DType
}

export const Cast: OpDef<CastAttrs> = {
  name: 'Cast',
  infer: ([x], a) => ({ dtype: a.to, shape: x.shape }),
  emit: (ctx, [x], out, node) =>
    void ctx.node('Cast', [x], { to: A.int(ELEM_TYPE[node.attrs.to]) }, [out]),
  grad(gy, node) {
    const from = node.inputs[0].dtype
    return [isFloat(from) && isFloat(gy.dtype) ? cast(gy, from) : null]
  },
  ref([x], a) {
    if (a.to === 'bool') return mapN([x], (v) => (v !== 0 ? 1 : 0))
    if (a.to === 'int64') return mapN([x], Math.trunc)
    if (a.to === 'float32') return mapN([x], Math.fround)
    return mapN([x], (v) => v)
  },
}

const cmp = (def: OpDef<NoAttrs>) => (a: TensorLike, b: TensorLike) => {
  const [x, y] = lift2(a, b)
  return x.graph.apply(def, [x, y], NO_ATTRS)
}

export const greater = cmp(Greater)
export const greaterOrEqual = cmp(GreaterOrEqual)
export const less = cmp(Less)
export const lessOrEqual = cmp(LessOrEqual)
export const equal = cmp(Equal)
export const not = (x: Tensor): Tensor => x.graph.apply(Not, [x], NO_ATTRS)

/** where(cond, a, b): numbers take the dtype of the tensor branch. */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = lift2(a, b)
  return cond.graph.apply(Where, [cond, x, y], NO_ATTRS)
}

export function cast(x: Tensor, to: DType): Tensor {
  return x.dtype === to ? x : x.graph.apply(Cast, [x], { to })
}
