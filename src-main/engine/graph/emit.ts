// Emission: symbolic tensors → ONNX nodes. Walks the graph from the requested outputs, so
// anything not needed is never emitted. Leaves become graph inputs or initializers by role;
// every other tensor's value is named after its id.

import { GraphError } from './errors'
import type { EmitContext } from './op'
import {
  type OnnxData,
  type OnnxElemType,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
} from './onnx/model'
import { Constant, Input, Param } from './ops/leaf'
import type { ConstantAttrs, InputAttrs, ParamAttrs } from './ops/leaf'
import type { DType, Tensor } from './tensor'

/** Topological order of the nodes needed for `outputs`, stopping at `bound` tensors. */
export function topoOrder(
  outputs: readonly Tensor[],
  bound: ReadonlySet<Tensor> = new Set(),
): Tensor[] {
  const order: Tensor[] = []
  const state = new Map<Tensor, 1 | 2>() // 1 = on the stack, 2 = done
  for (const root of outputs) {
    const stack: [Tensor, number][] = [[root, 0]]
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      const [t, next] = top
      if (next === 0) {
        if (state.get(t) === 2) {
          stack.pop()
          continue
        }
        state.set(t, 1)
      }
      const inputs = bound.has(t) ? [] : t.node.inputs
      if (next < inputs.length) {
        top[1] = next + 1
        const child = inputs[next]
        if (state.get(child) === undefined) stack.push([child, 0])
        else if (state.get(child) === 1) throw new GraphError('BAD_ARGUMENT', 'cycle in graph')
      } else {
        state.set(t, 2)
        order.push(t)
        stack.pop()
      }
    }
  }
  return order
}

export function typedData(values: ArrayLike<number>, dtype: DType): OnnxData {
  switch (dtype) {
    case 'float32':
      return Float32Array.from(values)
    case 'float64':
      return Float64Array.from(values)
    case 'int64':
      return BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(v))))
    case 'bool':
      return Uint8Array.from(values, (v) => (v ? 1 : 0))
  }
}

/** How leaves become values: by default inputs and params are graph inputs, constants initializers. */
export interface EmitOptions {
  /** Tensors whose values already exist under a given name (loop-body inputs, outer values). */
  bound?: ReadonlyMap<Tensor, string>
  /** Parameter values to bake in as initializers (export); absent params must be bound. */
  paramValues?: ReadonlyMap<string, ArrayLike<number>>
  /** Prefix for generated names, so a loop body's names cannot collide with its parent's. */
  prefix?: string
}

export interface EmittedNodes {
  nodes: OnnxNode[]
  initializers: OnnxTensor[]
  /** The ONNX value name of every emitted or bound tensor. */
  names: Map<Tensor, string>
}

/**
 * Emits the nodes computing `outputs`. `rename` gives the value name a tensor's producing node
 * writes (graph outputs are written in place, with no Identity, where possible).
 */
export function emitNodes(
  outputs: readonly Tensor[],
  rename: ReadonlyMap<Tensor, string>,
  options: EmitOptions = {},
): EmittedNodes {
  const prefix = options.prefix ?? ''
  const nodes: OnnxNode[] = []
  const initializers: OnnxTensor[] = []
  const names = new Map<Tensor, string>(options.bound ?? [])
  const shared = new Map<string, string>()
  let fresh = 0
  const freshName = (hint: string) => `${prefix}${hint}${fresh++}`

  const constant = (key: string, make: (name: string) => OnnxTensor): string => {
    let name = shared.get(key)
    if (!name) {
      name = freshName('k')
      shared.set(key, name)
      initializers.push(make(name))
    }
    return name
  }

  const ctx: EmitContext = {
    node(opType, inputs, attrs = {}, outputs = 1) {
      const outs =
        typeof outputs === 'number' ? [...Array(outputs)].map(() => freshName('v')) : [...outputs]
      nodes.push({ opType, inputs, outputs: outs, attrs, name: freshName(`${opType}_`) })
      return outs
    },
    ints: (values) =>
      constant(`i64:${values.join(',')}`, (name) => ({
        name,
        dtype: 'int64',
        dims: [values.length],
        data: typedData(values, 'int64'),
      })),
    scalar: (value, dtype) =>
      constant(`${dtype}:${value}`, (name) => ({
        name,
        dtype: dtype as OnnxElemType,
        dims: [],
        data: typedData([value], dtype),
      })),
    tensor(values, dims, dtype) {
      const name = freshName('k')
      initializers.push({
        name,
        dtype: dtype as OnnxElemType,
        dims,
        data: typedData(values, dtype),
      })
      return name
    },
  }

  const bound = new Set(names.keys())
  for (const t of topoOrder(outputs, bound)) {
    if (names.has(t)) continue
    const def = t.node.def
    if (def === Input) {
      names.set(t, (t.node.attrs as InputAttrs).name)
    } else if (def === Param) {
      const a = t.node.attrs as ParamAttrs
      const values = options.paramValues?.get(a.name)
      if (values)
        initializers.push({
          name: a.name,
          dtype: a.dtype as OnnxElemType,
          dims: a.shape,
          data: typedData(values, a.dtype),
        })
      names.set(t, a.name)
    } else if (def === Constant) {
      const a = t.node.attrs as ConstantAttrs
      const name = rename.get(t) ?? freshName('c')
      initializers.push({
        name,
        dtype: a.dtype as OnnxElemType,
        dims: a.shape,
        data: typedData(a.values, a.dtype),
      })
      names.set(t, name)
    } else {
      const out = rename.get(t) ?? `${prefix}t${t.id}`
      const inputs = t.node.inputs.map((i) => names.get(i) as string)
      def.emit(ctx, inputs, out, t.node, t)
      names.set(t, out)
    }
  }
  return { nodes, initializers, names }
}

export interface GraphOutput {
  name: string
  tensor: Tensor
}

/**
 * Emits `outputs` under their names: the producing node writes the name directly where it can;
 * a bound or leaf tensor, or one named twice, gets an Identity.
 */
export function emitNamed(
  outputs: readonly GraphOutput[],
  options: EmitOptions = {},
): EmittedNodes {
  const rename = new Map<Tensor, string>()
  for (const o of outputs) {
    const t = o.tensor
    if (rename.has(t) || t.node.inputs.length === 0 || options.bound?.has(t)) continue
    rename.set(t, o.name)
  }
  const emitted = emitNodes(
    outputs.map((o) => o.tensor),
    rename,
    options,
  )
  for (const o of outputs) {
    const have = emitted.names.get(o.tensor) as string
    if (have !== o.name)
      emitted.nodes.push({
        opType: 'Identity',
        inputs: [have],
        outputs: [o.name],
        name: `out_${o.name}`,
      })
  }
  return emitted
}

/**
 * A complete ONNX graph: `outputs` named as given; inputs are the Input leaves reached and the
 * params not given values, in the order of `inputOrder` where listed.
 */
export function emitGraph(
  name: string,
  outputs: readonly GraphOutput[],
  options: EmitOptions & { inputOrder?: readonly Tensor[] } = {},
): OnnxGraph {
  const emitted = emitNamed(outputs, options)
  const baked = new Set(emitted.initializers.map((i) => i.name))
  const bound = new Set(options.bound?.keys() ?? [])
  const leaves = topoOrder(
    outputs.map((o) => o.tensor),
    bound,
  ).filter(
    (t) =>
      (t.node.def === Input || t.node.def === Param) &&
      !bound.has(t) &&
      !baked.has(emitted.names.get(t) as string),
  )
  const order = options.inputOrder ?? []
  leaves.sort((a, b) => rank(order, a) - rank(order, b))
  return {
    name,
    nodes: emitted.nodes,
    initializers: emitted.initializers,
    inputs: leaves.map((t) => ({
      name: emitted.names.get(t) as string,
      dtype: t.dtype as OnnxElemType,
      shape: t.shape,
    })),
    outputs: outputs.map((o) => ({
      name: o.name,
      dtype: o.tensor.dtype as OnnxElemType,
      shape: o.tensor.shape,
    })),
  }
}

function rank(order: readonly Tensor[], t: Tensor): number {
  const i = order.indexOf(t)
  return i < 0 ? order.length + t.id : i
}
