// The reference evaluator: runs a graph in float64 with each op's `ref`, the living spec that
// tests hold ONNX execution and gradients against. Slow on purpose; use small shapes.

import { GraphError } from '../errors'
import { topoOrder } from '../emit'
import { Constant, Input, Param } from '../ops/leaf'
import type { InputAttrs, ParamAttrs } from '../ops/leaf'
import { resolveShape } from '../shape'
import type { Tensor } from '../tensor'
import { type NDArray, nd } from './ndarray'

export type Feeds = Readonly<Record<string, NDArray | ArrayLike<number>>>

/**
 * Evaluates `outputs` given values for the inputs and parameters (by name). Symbolic dims take
 * their values from the fed inputs' shapes; a flat array is accepted for a static-shaped leaf.
 */
export function evaluate(outputs: readonly Tensor[], feeds: Feeds): NDArray[] {
  const symbols: Record<string, number> = {}
  const values = new Map<Tensor, NDArray>()
  for (const t of topoOrder(outputs)) {
    const def = t.node.def
    if (def === Input || def === Param) {
      const name = (t.node.attrs as InputAttrs | ParamAttrs).name
      const fed = feeds[name]
      if (fed === undefined) throw new GraphError('MISSING_FEED', `no value for "${name}"`)
      values.set(t, bindLeaf(t, name, fed, symbols))
    } else if (def === Constant) {
      values.set(t, def.ref([], t.node.attrs, t))
    } else {
      const inputs = t.node.inputs.map((i) => values.get(i) as NDArray)
      const shape = resolveShape(t.shape, symbols)
      const out = def.ref(inputs, t.node.attrs, { dtype: t.dtype, shape })
      if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
        throw new GraphError(
          'SHAPE_MISMATCH',
          `${t}: reference gave [${out.shape}], shape rule [${shape}]`,
        )
      }
      values.set(t, out)
    }
  }
  return outputs.map((o) => values.get(o) as NDArray)
}

function bindLeaf(
  t: Tensor,
  name: string,
  fed: NDArray | ArrayLike<number>,
  symbols: Record<string, number>,
) {
  if (!('shape' in fed && 'data' in fed)) {
    return nd(resolveShape(t.shape, symbols), fed as ArrayLike<number>)
  }
  const arr = fed as NDArray
  if (arr.shape.length !== t.shape.length) {
    throw new GraphError(
      'SHAPE_MISMATCH',
      `"${name}": fed rank ${arr.shape.length}, declared [${t.shape}]`,
    )
  }
  t.shape.forEach((d, i) => {
    if (typeof d === 'number') {
      if (d !== arr.shape[i])
        throw new GraphError(
          'SHAPE_MISMATCH',
          `"${name}": fed [${arr.shape}], declared [${t.shape}]`,
        )
    } else if (!d.includes('*')) {
      if (symbols[d] !== undefined && symbols[d] !== arr.shape[i]) {
        throw new GraphError(
          'SHAPE_MISMATCH',
          `"${name}": ${d} = ${arr.shape[i]} but was ${symbols[d]}`,
        )
      }
      symbols[d] = arr.shape[i]
    }
  })
  return arr
}
