// The predict graph (data, params → outputs) and the export graph: the same computation with
// the trained parameters baked in as initializers, a standalone .onnx whose metadata documents
// its inputs and outputs (names, dtypes, shapes) for any ONNX runtime.

import { emitGraph } from '../emit'
import { GraphError } from '../errors'
import { GraphBuilder } from '../graph'
import { encodeModel } from '../onnx/model'
import { type Network, type ParamSpec, type ValueSpec, dataSpecs, paramSpecs } from './network'

export interface PredictGraph {
  model: Uint8Array
  dtype: 'float32' | 'float64'
  params: ParamSpec[]
  data: ValueSpec[]
  outputs: ValueSpec[]
  nodeCount: number
}

function forward(net: Network) {
  const g = new GraphBuilder({ dtype: net.dtype ?? 'float32', training: false })
  const outs = Object.entries(net.forward(g)).map(([name, tensor]) => ({ name, tensor }))
  return { g, outs }
}

/** Params are inputs (fed from the trainer's current values). */
export function buildPredict(net: Network): PredictGraph {
  const { g, outs } = forward(net)
  const graph = emitGraph('predict', outs, { inputOrder: g.inputs.map((i) => i.tensor) })
  return {
    model: encodeModel({ graph, doc: 'Frontier predict' }),
    dtype: g.dtype,
    params: paramSpecs(g.params),
    data: dataSpecs(g.inputs),
    outputs: outs.map((o) => ({ name: o.name, dtype: o.tensor.dtype, shape: o.tensor.shape })),
    nodeCount: graph.nodes.length,
  }
}

export interface ExportOptions {
  /** Extra metadata_props (model name, quantile levels, scaler, trial id...). */
  metadata?: Readonly<Record<string, string>>
  producerVersion?: string
}

/** The key under which the export's input/output description is stored (JSON). */
export const IO_METADATA_KEY = 'frontier.io'

/** A standalone model: every parameter baked in; inputs are only the data inputs. */
export function buildExport(
  net: Network,
  values: ReadonlyMap<string, ArrayLike<number>>,
  options: ExportOptions = {},
): Uint8Array {
  const { g, outs } = forward(net)
  for (const p of g.params) {
    const v = values.get(p.name)
    const size = p.shape.reduce((a, b) => a * b, 1)
    if (!v || v.length !== size) {
      const got = v?.length ?? 0
      throw new GraphError(
        'MISSING_FEED',
        `export: parameter "${p.name}" needs ${size} values, got ${got}`,
      )
    }
  }
  const graph = emitGraph('forecaster', outs, {
    paramValues: values,
    inputOrder: g.inputs.map((i) => i.tensor),
  })
  const io = {
    inputs: graph.inputs.map(({ name, dtype, shape }) => ({ name, dtype, shape })),
    outputs: graph.outputs.map(({ name, dtype, shape }) => ({ name, dtype, shape })),
  }
  const doc = [
    'Frontier forecaster.',
    ...io.inputs.map((i) => `input ${i.name}: ${i.dtype}[${i.shape.join(', ')}]`),
    ...io.outputs.map((o) => `output ${o.name}: ${o.dtype}[${o.shape.join(', ')}]`),
  ].join('\n')
  return encodeModel({
    graph: { ...graph, doc },
    doc,
    producerVersion: options.producerVersion,
    metadata: { ...options.metadata, [IO_METADATA_KEY]: JSON.stringify(io) },
  })
}
