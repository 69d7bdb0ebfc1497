// Leaves of the graph: values that come from outside (inputs, dropout masks), parameters, and
// constants. They have no ONNX node of their own: the emitter turns them into graph inputs or
// initializers, and the evaluator reads them from its feeds.

import type { Init } from '../init'
import type { OpDef } from '../op'
import { GraphError } from '../errors'
import { nd } from '../reference/ndarray'
import type { DType, TensorInfo } from '../tensor'
import type { Shape } from '../shape'

export interface InputAttrs {
  name: string
  dtype: DType
  shape: Shape
  /** A dropout mask is fed by the runtime: values 0 or 1/(1-p), drawn from a seeded generator. */
  dropout?: number
}

export interface ParamAttrs {
  name: string
  dtype: DType
  shape: readonly number[]
  init: Init
  trainable: boolean
}

export interface ConstantAttrs {
  dtype: DType
  shape: readonly number[]
  values: Float64Array
}

function leafInfo(a: { dtype: DType; shape: Shape }): TensorInfo {
  return { dtype: a.dtype, shape: a.shape }
}

function noEmit(kind: string): never {
  throw new GraphError('UNSUPPORTED', `${kind} is a leaf; the emitter binds it by name`)
}

function noRef(kind: string): never {
  throw new GraphError('MISSING_FEED', `${kind} must be fed to the evaluator`)
}

export const Input: OpDef<InputAttrs> = {
  name: 'Input',
  infer: (_inputs, a) => leafInfo(a),
  emit: () => noEmit('Input'),
  ref: (_i, a) => noRef(`input "${a.name}"`),
}

export const Param: OpDef<ParamAttrs> = {
  name: 'Param',
  infer: (_inputs, a) => leafInfo(a),
  emit: () => noEmit('Param'),
  ref: (_i, a) => noRef(`param "${a.name}"`),
}

export const Constant: OpDef<ConstantAttrs> = {
  name: 'Constant',
  infer: (_inputs, a) => leafInfo(a),
  emit: () => noEmit('Constant'),
  ref: (_i, a) => nd(a.shape, a.values),
}
