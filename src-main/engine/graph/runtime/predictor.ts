// Runs a predict graph with the current parameters (fed as inputs, no copies).

import type * as ort from 'onnxruntime-node'
import { GraphError } from '../errors'
import type { PredictGraph } from '../programs/predict'
import { type HostArray, type HostValue, dataFeeds, toTensor } from './feeds'
import { type Runtime, run } from './runtime'
import type { ParamArray } from './trainer'

export interface Prediction {
  data: HostArray
  shape: readonly number[]
}

export class Predictor {
  private constructor(
    readonly graph: PredictGraph,
    private readonly session: ort.InferenceSession,
  ) {}

  static async create(runtime: Runtime, graph: PredictGraph, key = 'predict'): Promise<Predictor> {
    return new Predictor(graph, await runtime.session(key, graph.model))
  }

  async predict(
    batch: Readonly<Record<string, HostValue>>,
    params: ReadonlyMap<string, ParamArray>,
  ) {
    const feeds: Record<string, ort.Tensor> = dataFeeds(this.graph.data, batch, {})
    for (const p of this.graph.params) {
      const values = params.get(p.name)
      if (!values) throw new GraphError('MISSING_FEED', `no value for parameter "${p.name}"`)
      feeds[p.name] = toTensor({ name: p.name, dtype: this.graph.dtype }, values, p.shape)
    }
    const out = await run(this.session, feeds)
    const result: Record<string, Prediction> = {}
    for (const o of this.graph.outputs)
      result[o.name] = { data: out[o.name].data as HostArray, shape: out[o.name].dims }
    return result
  }
}
