// Symbolic tensors. A Tensor is the single output of one Node; a Node is an op applied to input
// tensors with typed attributes. Nothing is computed here: tensors only carry dtype and shape.

import type { GraphBuilder } from './graph'
import type { OpDef } from './op'
import type { Shape } from './shape'

/** float32 for training; float64 for gradient checks (and Darts-like double precision). */
export type FloatDType = 'float32' | 'float64'
export type DType = FloatDType | 'int64' | 'bool'

export interface TensorInfo {
  dtype: DType
  shape: Shape
}

export interface Node<A = unknown> {
  readonly def: OpDef<A>
  readonly attrs: A
  readonly inputs: readonly Tensor[]
}

export class Tensor implements TensorInfo {
  constructor(
    readonly graph: GraphBuilder,
    readonly id: number,
    readonly node: Node,
    readonly dtype: DType,
    readonly shape: Shape,
  ) {}

  get rank(): number {
    return this.shape.length
  }

  toString(): string {
    return `${this.node.def.name}#${this.id}:${this.dtype}[${this.shape.join(',')}]`
  }
}

export function isFloat(dtype: DType): dtype is FloatDType {
  return dtype === 'float32' || dtype === 'float64'
}
