// Elementwise functions of one tensor: arithmetic (Neg, Exp, Log, Sqrt, Abs, Sign, Reciprocal,
// Sin, Cos) and activations (Relu, Elu, Gelu, Erf, Sigmoid, Tanh, Softplus).
//
// onnxruntime's CPU provider has no float64 kernel for Elu, Softplus and Erf; in float64 graphs
// Elu and Softplus are emitted from float64 primitives, and Erf (so Gelu) is computed in float32
// between two Casts. The gradient rules are the same either way.

import type { EmitContext, OpDef } from '../op'
import { A } from '../onnx/model'
import { erf as erfRef, mapN } from '../reference/ndarray'
import type { Node, Tensor, TensorInfo } from '../tensor'
import { add, div, mul, sub } from './binary'
import { greater, where } from './compare'
import { NO_ATTRS, type NoAttrs, floatOnly } from './util'

type UnaryGrad<A> = (gy: Tensor, x: Tensor, y: Tensor, attrs: A) => Tensor | null
type UnaryEmit<A> = (ctx: EmitContext, x: string, out: string, node: Node<A>, y: TensorInfo) => void

interface UnarySpec<A> {
  name: string
  f: (x: number, attrs: A) => number
  grad?: UnaryGrad<A>
  /** Defaults to a single ONNX node of the same name. */
  emit?: UnaryEmit<A>
}

function unary<A>(spec: UnarySpec<A>): OpDef<A> {
  const grad = spec.grad
  return {
    name: spec.name,
    infer([x]) {
      floatOnly(spec.name, x)
      return { dtype: x.dtype, shape: x.shape }
    },
    emit(ctx, [x], out, node, y) {
      if (spec.emit) spec.emit(ctx, x, out, node, y)
      else ctx.node(spec.name, [x], {}, [out])
    },
    grad: grad && ((gy, node, y) => [grad(gy, node.inputs[0], y, node.attrs)]),
    ref: ([x], attrs) => mapN([x], (v) => spec.f(v, attrs)),
  }
}

export const Neg: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Neg',
  f: (x) => -x,
  grad: (gy) => neg(gy),
})
export const Exp: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Exp',
  f: Math.exp,
  grad: (gy, _x, y) => mul(gy, y),
})
export const Log: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Log',
  f: Math.log,
  grad: (gy, x) => div(gy, x),
})
export const Sqrt: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Sqrt',
  f: Math.sqrt,
  grad: (gy, _x, y) => div(gy, mul(y, 2)),
})
export const Reciprocal: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Reciprocal',
  f: (x) => 1 / x,
  grad: (gy, _x, y) => neg(mul(gy, mul(y, y))),
})
/** Sign is piecewise constant: no gradient flows (null counts as zero). */
export const Sign: OpDef<NoAttrs> = unary<NoAttrs>({ name: 'Sign', f: Math.sign, grad: () => null })
export const Abs: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Abs',
  f: Math.abs,
  grad: (gy, x) => mul(gy, sign(x)),
})
export const Sin: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Sin',
  f: Math.sin,
  grad: (gy, x) => mul(gy, cos(x)),
})
export const Cos: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Cos',
  f: Math.cos,
  grad: (gy, x) => neg(mul(gy, sin(x))),
})

export const Relu: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Relu',
  f: (x) => (x > 0 ? x : 0),
  grad: (gy, x) => where(greater(x, 0), gy, 0),
})

export interface EluAttrs {
  alpha: number
}
// For x ≤ 0, y = α(eˣ − 1), so dy/dx = eˣ·α = y + α.
export const Elu: OpDef<EluAttrs> = unary<EluAttrs>({
  name: 'Elu',
  f: (x, a) => (x > 0 ? x : a.alpha * (Math.exp(x) - 1)),
  grad: (gy, x, y, a) => where(greater(x, 0), gy, mul(gy, add(y, a.alpha))),
  emit(ctx, x, out, node, y) {
    if (y.dtype === 'float32')
      return void ctx.node('Elu', [x], { alpha: A.float(node.attrs.alpha) }, [out])
    // max(x,0) + α(e^min(x,0) − 1): no float64 Elu kernel, and no inf in the unused branch.
    const zero = ctx.scalar(0, y.dtype)
    const [neg] = ctx.node('Min', [x, zero])
    const [em1] = ctx.node('Sub', [ctx.node('Exp', [neg])[0], ctx.scalar(1, y.dtype)])
    const [scaled] = ctx.node('Mul', [em1, ctx.scalar(node.attrs.alpha, y.dtype)])
    ctx.node('Add', [ctx.node('Max', [x, zero])[0], scaled], {}, [out])
  },
})

/** Erf in float32 between Casts where the dtype is float64 (no float64 kernel on CPU). */
function emitErf(ctx: EmitContext, x: string, out: string, dtype: string): void {
  if (dtype === 'float32') return void ctx.node('Erf', [x], {}, [out])
  const [x32] = ctx.node('Cast', [x], { to: A.int(1) })
  const [e32] = ctx.node('Erf', [x32])
  ctx.node('Cast', [e32], { to: A.int(11) }, [out])
}

export const Erf: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Erf',
  f: erfRef,
  grad: (gy, x) => mul(gy, mul(exp(neg(mul(x, x))), 2 / Math.sqrt(Math.PI))),
  emit: (ctx, x, out, _n, y) => emitErf(ctx, x, out, y.dtype),
})

// Exact (erf) GELU, as PyTorch's default and TimesNet use. dy/dx = Φ(x) + x·φ(x).
export const Gelu: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Gelu',
  f: (x) => 0.5 * x * (1 + erfRef(x / Math.SQRT2)),
  grad(gy, x) {
    const cdf = mul(add(erf(mul(x, Math.SQRT1_2)), 1), 0.5)
    const pdf = mul(exp(mul(mul(x, x), -0.5)), 1 / Math.sqrt(2 * Math.PI))
    return mul(gy, add(cdf, mul(x, pdf)))
  },
  emit(ctx, x, out, _n, y) {
    if (y.dtype === 'float32') return void ctx.node('Gelu', [x], {}, [out])
    const [scaled] = ctx.node('Mul', [x, ctx.scalar(Math.SQRT1_2, y.dtype)])
    const e64 = `${out}.erf`
    emitErf(ctx, scaled, e64, y.dtype)
    const [onePlus] = ctx.node('Add', [e64, ctx.scalar(1, y.dtype)])
    const [half] = ctx.node('Mul', [x, ctx.scalar(0.5, y.dtype)])
    ctx.node('Mul', [half, onePlus], {}, [out])
  },
})

export const Sigmoid: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Sigmoid',
  f: (x) => 1 / (1 + Math.exp(-x)),
  grad: (gy, _x, y) => mul(gy, mul(y, sub(1, y))),
})

export const Tanh: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Tanh',
  f: Math.tanh,
  grad: (gy, _x, y) => mul(gy, sub(1, mul(y, y))),
})

export const Softplus: OpDef<NoAttrs> = unary<NoAttrs>({
  name: 'Softplus',
  f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  grad: (gy, x) => mul(gy, sigmoid(x)),
  emit(ctx, x, out, _n, y) {
    if (y.dtype === 'float32') return void ctx.node('Softplus', [x], {}, [out])
    // max(x,0) + log(1 + e^−|x|): stable, and built from ops that have float64 kernels.
    const [negAbs] = ctx.node('Neg', [ctx.node('Abs', [x])[0]])
    const [lg] = ctx.node('Log', [
      ctx.node('Add', [ctx.node('Exp', [negAbs])[0], ctx.scalar(1, y.dtype)])[0],
    ])
    ctx.node('Add', [ctx.node('Max', [x, ctx.scalar(0, y.dtype)])[0], lg], {}, [out])
  },
})

const un =
  <A>(def: OpDef<A>, attrs: A) =>
  (x: Tensor): Tensor =>
    x.graph.apply(def, [x], attrs)

export const neg: (x: Tensor) => Tensor = un(Neg, NO_ATTRS)
export const exp: (x: Tensor) => Tensor = un(Exp, NO_ATTRS)
export const log: (x: Tensor) => Tensor = un(Log, NO_ATTRS)
export const sqrt: (x: Tensor) => Tensor = un(Sqrt, NO_ATTRS)
export const reciprocal: (x: Tensor) => Tensor = un(Reciprocal, NO_ATTRS)
export const sign: (x: Tensor) => Tensor = un(Sign, NO_ATTRS)
export const abs: (x: Tensor) => Tensor = un(Abs, NO_ATTRS)
export const sin: (x: Tensor) => Tensor = un(Sin, NO_ATTRS)
export const cos: (x: Tensor) => Tensor = un(Cos, NO_ATTRS)
export const relu: (x: Tensor) => Tensor = un(Relu, NO_ATTRS)
export const erf: (x: Tensor) => Tensor = un(Erf, NO_ATTRS)
export const gelu: (x: Tensor) => Tensor = un(Gelu, NO_ATTRS)
export const sigmoid: (x: Tensor) => Tensor = un(Sigmoid, NO_ATTRS)
export const tanh: (x: Tensor) => Tensor = un(Tanh, NO_ATTRS)
export const softplus: (x: Tensor) => Tensor = un(Softplus, NO_ATTRS)
export const elu = (x: Tensor, alpha = 1): Tensor => x.graph.apply(Elu, [x], { alpha })
