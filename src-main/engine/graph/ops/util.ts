// Small helpers shared by the op files: lifting numbers to constants, the attribute-less type,
// and dtype checks.

import { GraphError } from '../errors'
import { A, type OnnxAttr } from '../onnx/model'
import type { EmitContext } from '../op'
import type { DType, Tensor, TensorInfo } from '../tensor'
import { isFloat } from '../tensor'

export type NoAttrs = Record<string, never>
export const NO_ATTRS: NoAttrs = {}

/** A tensor, or a plain number that takes the dtype of the tensor it meets. */
export type TensorLike = Tensor | number

export function lift2(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (typeof a === 'number' && typeof b === 'number') {
    throw new GraphError('BAD_ARGUMENT', 'at least one operand must be a tensor')
  }
  const x = typeof a === 'number' ? (b as Tensor).graph.scalar(a, (b as Tensor).dtype) : a
  const y = typeof b === 'number' ? x.graph.scalar(b, x.dtype) : b
  return [x, y]
}

export function sameDtype(op: string, inputs: readonly TensorInfo[]): void {
  const d = inputs[0].dtype
  for (const t of inputs) {
    if (t.dtype !== d) {
      throw new GraphError('DTYPE_MISMATCH', `${op}: mixed dtypes ${inputs.map((i) => i.dtype)}`)
    }
  }
}

export function floatOnly(op: string, t: TensorInfo): void {
  if (!isFloat(t.dtype))
    throw new GraphError('DTYPE_MISMATCH', `${op}: needs a float, got ${t.dtype}`)
}

/**
 * Emits `opType` in float32 for float64 graphs (Cast in, Cast out): onnxruntime's CPU provider
 * has no float64 Conv, ConvTranspose, AveragePool or Erf. `castInputs` marks which inputs are
 * float data (shape/index inputs pass through).
 */
export function emitFloat32(
  ctx: EmitContext,
  opType: string,
  inputs: readonly string[],
  attrs: Readonly<Record<string, OnnxAttr>>,
  out: string,
  dtype: DType,
  castInputs: readonly boolean[] = inputs.map(() => true),
): void {
  if (dtype === 'float32') return void ctx.node(opType, inputs, attrs, [out])
  const ins = inputs.map((name, i) =>
    castInputs[i] ? ctx.node('Cast', [name], { to: A.int(1) })[0] : name,
  )
  const [y] = ctx.node(opType, ins, attrs)
  ctx.node('Cast', [y], { to: A.int(11) }, [out])
}
