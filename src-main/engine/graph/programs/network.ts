// What a model hands the program builders, and what the builders hand the runtime: the graph
// bytes plus a description of every input and output, so nothing downstream guesses names.

import type { GraphBuilder, InputInfo, ParamInfo } from '../graph'
import type { Init } from '../init'
import type { Shape } from '../shape'
import type { DType, FloatDType, Tensor } from '../tensor'

/**
 * A network, as the models of issue 4 provide it. `forward` declares data inputs and parameters
 * on the builder (the same names every time it is called) and returns named outputs, e.g.
 * `{ quantiles: [batch, H, Q] }`; `loss` declares its target inputs and returns a scalar.
 * Dropout is live only when `g.training` is set.
 */
export interface Network {
  dtype?: FloatDType
  forward(g: GraphBuilder): Readonly<Record<string, Tensor>>
  loss(g: GraphBuilder, outputs: Readonly<Record<string, Tensor>>): Tensor
}

export interface ValueSpec {
  name: string
  dtype: DType
  /** Symbolic dims (e.g. "batch") are resolved from the fed data at run time. */
  shape: Shape
}

export interface ParamSpec {
  name: string
  shape: readonly number[]
  init: Init
  trainable: boolean
}

export interface MaskSpec extends ValueSpec {
  /** Drop probability; the runtime feeds 0 or 1/(1−p). */
  p: number
}

/** The ONNX value names of the train graphs (documented once, used by runtime and tests). */
export const names = {
  lr: 'lr',
  step: 'step',
  loss: 'loss',
  gradNorm: 'grad_norm',
  next: (name: string) => `${name}@next`,
  m: (param: string) => `adam.m/${param}`,
  v: (param: string) => `adam.v/${param}`,
}

export function paramSpecs(params: readonly ParamInfo[]): ParamSpec[] {
  return params.map(({ name, shape, init, trainable }) => ({ name, shape, init, trainable }))
}

export function dataSpecs(inputs: readonly InputInfo[]): ValueSpec[] {
  return inputs
    .filter((i) => i.dropout === undefined)
    .map(({ name, dtype, shape }) => ({ name, dtype, shape }))
}

export function maskSpecs(inputs: readonly InputInfo[]): MaskSpec[] {
  return inputs.flatMap((i) =>
    i.dropout === undefined ? [] : [{ name: i.name, dtype: i.dtype, shape: i.shape, p: i.dropout }],
  )
}
