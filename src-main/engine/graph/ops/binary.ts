// Broadcasting arithmetic: Add, Sub, Mul, Div, Pow, Max, Min. Gradients are reduced back over
// the broadcast axes (unbroadcast), so a bias [C] added to [B, T, C] gets a [C] gradient.

import type { OpDef } from '../op'
import { mapN } from '../reference/ndarray'
import { broadcastShapes } from '../shape'
import type { Tensor, TensorInfo } from '../tensor'
import { greaterOrEqual, lessOrEqual, where } from './compare'
import { unbroadcast } from './reduce'
import { log, neg } from './unary'
import { NO_ATTRS, type NoAttrs, type TensorLike, floatOnly, lift2, sameDtype } from './util'

type BinaryGrad = (
  gy: Tensor,
  a: Tensor,
  b: Tensor,
  y: Tensor,
  wanted: readonly boolean[],
) => [Tensor | null, Tensor | null]

function binary(
  name: string,
  f: (a: number, b: number) => number,
  grad: BinaryGrad,
): OpDef<NoAttrs> {
  return {
    name,
    infer(inputs: readonly TensorInfo[]): TensorInfo {
      sameDtype(name, inputs)
      return { dtype: inputs[0].dtype, shape: broadcastShapes(inputs[0].shape, inputs[1].shape) }
    },
    emit: (ctx, [a, b], out) => void ctx.node(name, [a, b], {}, [out]),
    grad(gy, node, y, wanted) {
      const [a, b] = node.inputs
      const [ga, gb] = grad(gy, a, b, y, wanted)
      return [ga && unbroadcast(ga, a.shape), gb && unbroadcast(gb, b.shape)]
    },
    ref: (inputs) => mapN(inputs, f),
  }
}

export const Add = binary(
  'Add',
  (a, b) => a + b,
  (gy) => [gy, gy],
)

export const Sub = binary(
  'Sub',
  (a, b) => a - b,
  (gy, _a, _b, _y, w) => [gy, w[1] ? neg(gy) : null],
)

export const Mul = binary(
  'Mul',
  (a, b) => a * b,
  (gy, a, b, _y, w) => [w[0] ? mul(gy, b) : null, w[1] ? mul(gy, a) : null],
)

// d(a/b)/db = -a/b² = -y/b, which reuses the forward output.
export const Div = binary(
  'Div',
  (a, b) => a / b,
  (gy, _a, b, y, w) => [w[0] ? div(gy, b) : null, w[1] ? neg(div(mul(gy, y), b)) : null],
)

// d(a^b)/da = b·a^(b-1); d(a^b)/db = a^b·ln a (only built when b needs it: ln of a negative a
// would be NaN and a constant exponent is the common case).
export const Pow = binary(
  'Pow',
  (a, b) => Math.pow(a, b),
  (gy, a, b, y, w) => [
    w[0] ? mul(gy, mul(b, pow(a, sub(b, 1)))) : null,
    w[1] ? mul(gy, mul(y, log(a))) : null,
  ],
)

// Ties send the whole gradient to the first operand (deterministic; ties have measure zero for
// continuous inputs and the finite-difference checks avoid them).
export const Max = binary('Max', Math.max, (gy, a, b, _y, w) => {
  const firstWins = greaterOrEqual(a, b)
  return [w[0] ? where(firstWins, gy, 0) : null, w[1] ? where(firstWins, 0, gy) : null]
})

export const Min = binary('Min', Math.min, (gy, a, b, _y, w) => {
  const firstWins = lessOrEqual(a, b)
  return [w[0] ? where(firstWins, gy, 0) : null, w[1] ? where(firstWins, 0, gy) : null]
})

function apply(def: OpDef<NoAttrs>, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = lift2(a, b)
  return x.graph.apply(def, [x, y], NO_ATTRS)
}

export const add = (a: TensorLike, b: TensorLike): Tensor => apply(Add, a, b)
export const sub = (a: TensorLike, b: TensorLike): Tensor => apply(Sub, a, b)
export const mul = (a: TensorLike, b: TensorLike): Tensor => apply(Mul, a, b)
export const div = (a: TensorLike, b: TensorLike): Tensor => apply(Div, a, b)
export const maximum = (a: TensorLike, b: TensorLike): Tensor => apply(Max, a, b)
export const minimum = (a: TensorLike, b: TensorLike): Tensor => apply(Min, a, b)

export function pow(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = lift2(a, b)
  floatOnly('Pow', x)
  return x.graph.apply(Pow, [x, y], NO_ATTRS)
}

/** x² as x·x (cheaper and exactly differentiable everywhere, unlike Pow at x = 0). */
export const square = (x: Tensor): Tensor => mul(x, x)
