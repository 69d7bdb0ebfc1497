// Runs a train graph step after step: holds parameters and Adam state between runs (each run's
// outputs become the next run's inputs, no copies on the JavaScript side), draws dropout masks
// from a seeded generator, and counts updates so bias correction continues across runs.

import type * as ort from 'onnxruntime-node'
import { GraphError } from '../errors'
import { initialize } from '../init'
import { toTorchMoments } from '../optim/adam'
import { type MaskSpec, names } from '../programs/network'
import type { TrainGraph } from '../programs/train'
import { Rng } from '../../rng'
import { resolveShape } from '../shape'
import { type HostValue, dataFeeds, toTensor } from './feeds'
import { type Runtime, run } from './runtime'

export type ParamArray = Float32Array | Float64Array

export interface TrainerOptions {
  /** Seeds parameter initialisation (unless `initial` is given) and the dropout masks. */
  seed: number
  initial?: ReadonlyMap<string, ArrayLike<number>>
  /** Session cache key; defaults to one derived from the graph kind. */
  key?: string
}

interface Program {
  graph: TrainGraph
  session: ort.InferenceSession
  lossOut: ort.Tensor
  normOut: ort.Tensor | undefined
}

export interface StepResult {
  /** One loss per optimisation step of this run (K for the Loop variant). */
  losses: number[]
  gradNorms?: number[]
}

export class Trainer {
  /** Parameters and Adam moments fed to the next run... */
  private state = new Map<string, ort.Tensor>()
  /** ...and the buffers that run writes into (swapped after every run: no allocation, no copy). */
  private spare = new Map<string, ort.Tensor>()
  /** Per train graph run on this state: its session and loss / grad-norm output buffers. */
  private readonly programs = new Map<TrainGraph, Program>()
  private readonly rng: Rng
  private updates = 0

  private constructor(
    private readonly runtime: Runtime,
    readonly graph: TrainGraph,
    session: ort.InferenceSession,
    seed: number,
    private readonly key: string,
  ) {
    this.rng = new Rng(seed, 'dropout')
    this.programs.set(graph, this.program(graph, session))
  }

  static async create(runtime: Runtime, graph: TrainGraph, o: TrainerOptions): Promise<Trainer> {
    const key = o.key ?? `train:${graph.steps}`
    const session = await runtime.session(key, graph.model)
    const t = new Trainer(runtime, graph, session, o.seed, key)
    for (const p of graph.params) {
      const size = p.shape.reduce((a, b) => a * b, 1)
      const given = o.initial?.get(p.name)
      if (given && given.length !== size)
        throw new GraphError(
          'SHAPE_MISMATCH',
          `initial "${p.name}": ${given.length} values, want ${size}`,
        )
      const values = given ?? initialize(p.init, size, o.seed, p.name)
      t.state.set(p.name, t.tensor(p.name, values, p.shape))
      if (!p.trainable) continue
      t.spare.set(p.name, t.tensor(p.name, new Float64Array(size), p.shape))
      for (const slot of [names.m(p.name), names.v(p.name)]) {
        t.state.set(slot, t.tensor(slot, new Float64Array(size), p.shape))
        t.spare.set(slot, t.tensor(slot, new Float64Array(size), p.shape))
      }
    }
    return t
  }

  /** Optimisation steps done so far. */
  get stepCount(): number {
    return this.updates
  }

  get provider(): string {
    return this.runtime.provider
  }

  /**
   * One run: one step, or K steps for the Loop variant (data then stacked [K, ...]).
   * `lr` applies to every step of the run.
   */
  async step(batch: Readonly<Record<string, HostValue>>, lr: number): Promise<StepResult> {
    return this.runProgram(this.programs.get(this.graph) as Program, batch, lr)
  }

  /**
   * One run of another train graph of the same network and optimiser on this trainer's
   * parameters, moments and step count: e.g. the plain step for the batches left over when an
   * epoch does not fill the last K-step run (or the last batch is smaller).
   */
  async stepWith(
    graph: TrainGraph,
    batch: Readonly<Record<string, HostValue>>,
    lr: number,
  ): Promise<StepResult> {
    let p = this.programs.get(graph)
    if (!p) {
      const same = (a: TrainGraph['params'], b: TrainGraph['params']) =>
        a.length === b.length &&
        a.every((x, i) => x.name === b[i].name && x.trainable === b[i].trainable)
      if (graph.dtype !== this.graph.dtype || !same(graph.params, this.graph.params))
        throw new GraphError('BAD_ARGUMENT', 'stepWith: the graph trains a different network')
      const key = `${this.key}/companion${this.programs.size}`
      const session = await this.runtime.session(key, graph.model)
      p = this.program(graph, session)
      this.programs.set(graph, p)
    }
    return this.runProgram(p, batch, lr)
  }

  private program(graph: TrainGraph, session: ort.InferenceSession): Program {
    const lead = graph.steps > 1 ? [graph.steps] : []
    return {
      graph,
      session,
      lossOut: this.tensor(names.loss, new Float64Array(graph.steps), lead),
      normOut: graph.hasGradNorm
        ? this.tensor(names.gradNorm, new Float64Array(graph.steps), lead)
        : undefined,
    }
  }

  private async runProgram(
    p: Program,
    batch: Readonly<Record<string, HostValue>>,
    lr: number,
  ): Promise<StepResult> {
    const g = p.graph
    const lead = g.steps > 1 ? [g.steps] : []
    const symbols: Record<string, number> = {}
    const feeds: Record<string, ort.Tensor> = dataFeeds(g.data, batch, symbols, lead)
    Object.assign(feeds, this.masks(g, symbols))
    for (const [name, t] of this.state) feeds[name] = t
    feeds[names.lr] = this.tensor(names.lr, [lr], [])
    feeds[names.step] = this.tensor(names.step, [this.updates + 1], [])
    const fetches: Record<string, ort.Tensor> = { [names.loss]: p.lossOut }
    if (p.normOut) fetches[names.gradNorm] = p.normOut
    for (const [name, t] of this.spare) fetches[names.next(name)] = t
    await run(p.session, feeds, fetches)
    // The written buffers become the state; the old state is the next run's output space.
    for (const [name, t] of this.spare) {
      this.spare.set(name, this.state.get(name) as ort.Tensor)
      this.state.set(name, t)
    }
    this.updates += g.steps
    const losses = Array.from(p.lossOut.data as ParamArray)
    const gradNorms = p.normOut ? Array.from(p.normOut.data as ParamArray) : undefined
    return { losses, gradNorms }
  }

  /** Adam's moments in PyTorch's convention (exp_avg, exp_avg_sq), e.g. for a checkpoint. */
  moments(): Map<string, { expAvg: Float64Array; expAvgSq: Float64Array }> {
    const out = new Map<string, { expAvg: Float64Array; expAvgSq: Float64Array }>()
    for (const p of this.graph.params) {
      const m = this.state.get(names.m(p.name))
      const v = this.state.get(names.v(p.name))
      if (m && v)
        out.set(
          p.name,
          toTorchMoments(m.data as ParamArray, v.data as ParamArray, this.graph.optimizer),
        )
    }
    return out
  }

  /** Copies of the current parameter values. */
  parameters(): Map<string, ParamArray> {
    return new Map(
      this.graph.params.map((p) => [p.name, (this.state.get(p.name)?.data as ParamArray).slice()]),
    )
  }

  private tensor(name: string, values: ArrayLike<number>, shape: readonly number[]): ort.Tensor {
    const data =
      this.graph.dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values)
    return toTensor({ name, dtype: this.graph.dtype }, data, shape)
  }

  /**
   * Inverted-dropout masks (0 with probability p, else 1/(1−p)), drawn step-major so a K-step
   * run sees exactly the masks of K single steps.
   */
  private masks(graph: TrainGraph, symbols: Record<string, number>): Record<string, ort.Tensor> {
    const steps = graph.steps
    const specs: MaskSpec[] = graph.masks
    const shapes = specs.map((m) => resolveShape(m.shape, symbols))
    const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1))
    const arrays = sizes.map((n) =>
      this.graph.dtype === 'float32' ? new Float32Array(n * steps) : new Float64Array(n * steps),
    )
    for (let k = 0; k < steps; k++) {
      specs.forEach((spec, j) => {
        const keep = 1 / (1 - spec.p)
        const threshold = spec.p * 4294967296
        const data = arrays[j]
        for (let i = k * sizes[j]; i < (k + 1) * sizes[j]; i++)
          data[i] = this.rng.uint32() < threshold ? 0 : keep
      })
    }
    const lead = steps > 1 ? [steps] : []
    return Object.fromEntries(
      specs.map((spec, j) => [spec.name, toTensor(spec, arrays[j], [...lead, ...shapes[j]])]),
    )
  }
}
