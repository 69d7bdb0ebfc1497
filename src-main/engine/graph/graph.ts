// GraphBuilder: where a model declares its inputs and parameters and applies ops. One builder
// per graph; train and predict graphs call the same model `build` on two builders (dropout is
// live only when `training` is set), so parameter names are the contract between them.

import { GraphError, check } from './errors'
import type { Init } from './init'
import type { OpDef } from './op'
import { Constant, Input, Param } from './ops/leaf'
import type { ConstantAttrs, InputAttrs, ParamAttrs } from './ops/leaf'
import { type Shape, canonicalDim, isStatic } from './shape'
import { type DType, type FloatDType, Tensor, type TensorInfo } from './tensor'

export interface GraphOptions {
  /** dtype of float inputs, parameters and constants; float64 is for gradient checks. */
  dtype?: FloatDType
  /** Training mode: dropout draws masks; otherwise dropout is the identity. */
  training?: boolean
}

export interface ParamInfo {
  name: string
  shape: readonly number[]
  init: Init
  trainable: boolean
  tensor: Tensor
}

export interface InputInfo {
  name: string
  dtype: DType
  shape: Shape
  /** Set for dropout masks: the drop probability. */
  dropout?: number
  tensor: Tensor
}

export class GraphBuilder {
  readonly dtype: FloatDType
  readonly training: boolean
  private nextId = 0
  private readonly names = new Set<string>()
  private readonly inputList: InputInfo[] = []
  private readonly paramList: ParamInfo[] = []
  private readonly scalars = new Map<string, Tensor>()
  private prefix = ''

  constructor(options: GraphOptions = {}) {
    this.dtype = options.dtype ?? 'float32'
    this.training = options.training ?? false
  }

  /** Inputs in declaration order (data first as declared, dropout masks where they arose). */
  get inputs(): readonly InputInfo[] {
    return this.inputList
  }

  get params(): readonly ParamInfo[] {
    return this.paramList
  }

  get trainableParams(): readonly ParamInfo[] {
    return this.paramList.filter((p) => p.trainable)
  }

  /** Runs `fn` with `name.` prefixed to every parameter and mask it declares. */
  scope<T>(name: string, fn: () => T): T {
    const saved = this.prefix
    this.prefix = `${saved}${name}.`
    try {
      return fn()
    } finally {
      this.prefix = saved
    }
  }

  input(name: string, shape: Shape, dtype: DType = this.dtype): Tensor {
    return this.declareInput({ name, dtype, shape: shape.map(canonicalDim) })
  }

  /** A dropout mask input for this graph; the runtime feeds 0 or 1/(1-p) per element. */
  dropoutMask(name: string, shape: Shape, p: number): Tensor {
    check(p > 0 && p < 1, 'BAD_ARGUMENT', () => `dropout p must be in (0, 1), got ${p}`)
    const full = `dropout.${this.prefix}${name}`
    return this.declareInput({ name: full, dtype: this.dtype, shape, dropout: p })
  }

  param(name: string, shape: readonly number[], init: Init, opts: { trainable?: boolean } = {}) {
    const full = this.prefix + name
    this.claim(full)
    check(isStatic(shape), 'BAD_ARGUMENT', () => `param "${full}" needs a static shape`)
    const attrs: ParamAttrs = {
      name: full,
      dtype: this.dtype,
      shape: [...shape],
      init,
      trainable: opts.trainable ?? true,
    }
    const tensor = this.apply(Param, [], attrs)
    this.paramList.push({
      name: full,
      shape: attrs.shape,
      init,
      trainable: attrs.trainable,
      tensor,
    })
    return tensor
  }

  constant(values: ArrayLike<number>, shape: readonly number[], dtype: DType = this.dtype) {
    const n = shape.reduce((a, b) => a * b, 1)
    check(
      values.length === n,
      'BAD_ARGUMENT',
      () => `constant: ${values.length} values for [${shape}]`,
    )
    const attrs: ConstantAttrs = { dtype, shape: [...shape], values: Float64Array.from(values) }
    return this.apply(Constant, [], attrs)
  }

  /** A rank-0 constant, shared per (dtype, value). */
  scalar(value: number, dtype: DType = this.dtype): Tensor {
    const key = `${dtype}:${Object.is(value, -0) ? '-0' : value}`
    let t = this.scalars.get(key)
    if (!t) {
      t = this.constant([value], [], dtype)
      this.scalars.set(key, t)
    }
    return t
  }

  /** Creates the node for `def` applied to `inputs`; shape inference runs here. */
  apply<A>(def: OpDef<A>, inputs: readonly Tensor[], attrs: A): Tensor {
    for (const t of inputs) {
      if (t.graph !== this) {
        throw new GraphError('BAD_ARGUMENT', `${def.name}: input ${t} belongs to another graph`)
      }
    }
    const info: TensorInfo = def.infer(inputs, attrs)
    return new Tensor(this, this.nextId++, { def, attrs, inputs }, info.dtype, info.shape)
  }

  private declareInput(attrs: InputAttrs): Tensor {
    this.claim(attrs.name)
    const tensor = this.apply(Input, [], attrs)
    this.inputList.push({ ...attrs, tensor })
    return tensor
  }

  private claim(name: string): void {
    check(!this.names.has(name), 'DUPLICATE_NAME', () => `"${name}" is declared twice`)
    this.names.add(name)
  }
}

export function isLeaf(t: Tensor): boolean {
  return t.node.def === Input || t.node.def === Param || t.node.def === Constant
}

export function leafName(t: Tensor): string | undefined {
  if (t.node.def === Input) return (t.node.attrs as InputAttrs).name
  if (t.node.def === Param) return (t.node.attrs as ParamAttrs).name
  return undefined
}
