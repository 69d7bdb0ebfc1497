// The op table's row type. Every op, in one place: how its output's dtype and shape follow from
// its inputs (infer), which ONNX nodes compute it (emit), how the gradient flows back (grad, as
// more graph ops), and what it means in float64 (ref: the slow reference evaluator that tests use
// as the oracle for both ONNX execution and gradients).

import type { OnnxAttr } from './onnx/model'
import type { NDArray } from './reference/ndarray'
import type { DType, Node, Tensor, TensorInfo } from './tensor'

/** What an op's emit may do: add ONNX nodes and constant initializers. */
export interface EmitContext {
  /** Adds a node; returns its output names (fresh unless given). */
  node(
    opType: string,
    inputs: readonly string[],
    attrs?: Readonly<Record<string, OnnxAttr>>,
    outputs?: number | readonly string[],
  ): string[]
  /** A 1-D int64 initializer (axes, shapes, pads, starts); shared between identical values. */
  ints(values: readonly number[]): string
  /** A scalar initializer of the given dtype. */
  scalar(value: number, dtype: DType): string
  /** A constant initializer of any shape. */
  tensor(values: ArrayLike<number>, dims: readonly number[], dtype: DType): string
}

export interface OpDef<A> {
  readonly name: string
  infer(inputs: readonly TensorInfo[], attrs: A): TensorInfo
  /** Emits ONNX nodes that write the op's output under the name `out`. */
  emit(ctx: EmitContext, inputs: readonly string[], out: string, node: Node<A>, y: TensorInfo): void
  /**
   * Vector-Jacobian product: the gradient for each input given the output's gradient `gy`, or
   * null where none flows. `wanted[i]` says whether input i's gradient is needed at all, so rules
   * can skip work (dead-branch pruning).
   */
  grad?(gy: Tensor, node: Node<A>, y: Tensor, wanted: readonly boolean[]): (Tensor | null)[]
  ref(inputs: readonly NDArray[], attrs: A, y: TensorInfo): NDArray
}
