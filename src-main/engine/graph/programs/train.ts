// The train-step graph (batch, params, Adam state, lr, step → loss, new params, new state) and
// its K-step variant: the same step as the body of an ONNX Loop over K stacked batches, so
// parameters cross into and out of onnxruntime once per K steps instead of every step.

import { gradients } from '../autodiff'
import { type GraphOutput, emitGraph, emitNamed, typedData } from '../emit'
import { GraphError } from '../errors'
import { GraphBuilder } from '../graph'
import {
  A,
  ELEM_TYPE,
  type OnnxElemType,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
  encodeModel,
} from '../onnx/model'
import { Constant } from '../ops/leaf'
import { type AdamConfig, adam } from '../optim/adam'
import type { Tensor } from '../tensor'
import {
  type MaskSpec,
  type Network,
  type ParamSpec,
  type ValueSpec,
  dataSpecs,
  maskSpecs,
  names,
  paramSpecs,
} from './network'

export interface TrainGraph {
  /** 1 for the plain step; K for the Loop variant (data and masks then carry a leading K axis). */
  steps: number
  model: Uint8Array
  dtype: 'float32' | 'float64'
  params: ParamSpec[]
  /** Per-step shapes (the Loop variant is fed [K, ...shape]). */
  data: ValueSpec[]
  masks: MaskSpec[]
  /** Number of ONNX nodes (of the loop body for the Loop variant). */
  nodeCount: number
  /** Whether the graph outputs `grad_norm` (clipping on). */
  hasGradNorm: boolean
  /** The optimiser the graph was built with (to read its state back, see toTorchMoments). */
  optimizer: AdamConfig
}

interface StepParts {
  g: GraphBuilder
  loss: Tensor
  lr: Tensor
  step: Tensor
  trainable: {
    name: string
    tensor: Tensor
    m: Tensor
    v: Tensor
    next: Tensor
    mNext: Tensor
    vNext: Tensor
  }[]
  gradNorm?: Tensor
  optimizer: AdamConfig
}

function buildStep(net: Network, optimizer: AdamConfig): StepParts {
  const g = new GraphBuilder({ dtype: net.dtype ?? 'float32', training: true })
  const lr = g.input(names.lr, [])
  const step = g.input(names.step, [])
  const loss = net.loss(g, net.forward(g))
  if (loss.rank !== 0)
    throw new GraphError('SHAPE_MISMATCH', `loss must be a scalar, got [${loss.shape}]`)
  const params = g.trainableParams
  if (params.length === 0)
    throw new GraphError('BAD_ARGUMENT', 'the network has no trainable parameters')
  const grads = gradients(
    loss,
    params.map((p) => p.tensor),
  )
  const slots = params.map((p, i) => ({
    param: p.tensor,
    grad: grads[i],
    m: g.input(names.m(p.name), p.shape),
    v: g.input(names.v(p.name), p.shape),
  }))
  // As torch.optim skips parameters whose .grad is None, a parameter the loss does not reach is
  // passed through untouched (no weight decay either), and so are its moments.
  const reached = slots.filter((s): s is typeof s & { grad: Tensor } => s.grad !== null)
  if (reached.length === 0) {
    throw new GraphError('NOT_DIFFERENTIABLE', 'the loss depends on no trainable parameter')
  }
  const { updates, gradNorm } = adam(reached, lr, step, optimizer)
  const trainable = params.map((p, i) => {
    const u = updates[reached.indexOf(slots[i] as (typeof reached)[number])]
    const { m, v } = slots[i]
    return {
      name: p.name,
      tensor: p.tensor,
      m,
      v,
      next: u?.param ?? p.tensor,
      mNext: u?.m ?? m,
      vNext: u?.v ?? v,
    }
  })
  return { g, loss, lr, step, trainable, gradNorm, optimizer }
}

function describe(
  parts: StepParts,
  steps: number,
  model: Uint8Array,
  nodeCount: number,
): TrainGraph {
  return {
    optimizer: parts.optimizer,
    steps,
    model,
    dtype: parts.g.dtype,
    params: paramSpecs(parts.g.params),
    data: dataSpecs(parts.g.inputs).filter((d) => !isOptimizerInput(d.name)),
    masks: maskSpecs(parts.g.inputs),
    nodeCount,
    hasGradNorm: parts.gradNorm !== undefined,
  }
}

function isOptimizerInput(name: string): boolean {
  return name === names.lr || name === names.step || name.startsWith('adam.')
}

/** One optimisation step per run. */
export function buildTrainStep(net: Network, optimizer: AdamConfig = {}): TrainGraph {
  const parts = buildStep(net, optimizer)
  const outputs = [
    { name: names.loss, tensor: parts.loss },
    ...(parts.gradNorm ? [{ name: names.gradNorm, tensor: parts.gradNorm }] : []),
    ...parts.trainable.flatMap((p) => [
      { name: names.next(p.name), tensor: p.next },
      { name: names.next(names.m(p.name)), tensor: p.mNext },
      { name: names.next(names.v(p.name)), tensor: p.vNext },
    ]),
  ]
  const graph = emitGraph('train_step', outputs)
  return describe(parts, 1, encodeModel({ graph, doc: 'Frontier train step' }), graph.nodes.length)
}

/** Values every step reads from the outer graph as they are: lr and the frozen parameters. */
function outerBindings(parts: StepParts): Map<Tensor, string> {
  const bound = new Map<Tensor, string>([[parts.lr, names.lr]])
  for (const p of parts.g.params) if (!p.trainable) bound.set(p.tensor, p.name)
  return bound
}

/** The per-step data and mask inputs (fed stacked [K, ...] to the K-step variants). */
function stackedInputs(parts: StepParts) {
  return parts.g.inputs.filter((i) => !isOptimizerInput(i.name))
}

function stateNames(p: StepParts['trainable'][number]): [Tensor, Tensor, string][] {
  return [
    [p.tensor, p.next, p.name],
    [p.m, p.mNext, names.m(p.name)],
    [p.v, p.vNext, names.v(p.name)],
  ]
}

/** Inputs and outputs of the K-step graphs (identical for the Loop and the unrolled form). */
function outerSignature(parts: StepParts, steps: number) {
  const dtype = parts.g.dtype as OnnxElemType
  const inputs: OnnxValueInfo[] = [
    ...stackedInputs(parts).map((i) => ({
      name: i.name,
      dtype: i.dtype as OnnxElemType,
      shape: [steps, ...i.shape],
    })),
    ...parts.g.params
      .filter((p) => !p.trainable)
      .map((p) => ({ name: p.name, dtype, shape: p.shape })),
    ...parts.trainable.flatMap((p) =>
      stateNames(p).map(([t, , name]) => ({ name, dtype, shape: t.shape })),
    ),
    { name: names.lr, dtype, shape: [] },
    { name: names.step, dtype, shape: [] },
  ]
  const outputs: OnnxValueInfo[] = [
    ...parts.trainable.flatMap((p) =>
      stateNames(p).map(([t, , name]) => ({ name: names.next(name), dtype, shape: t.shape })),
    ),
    { name: names.loss, dtype, shape: [steps] },
    ...(parts.gradNorm ? [{ name: names.gradNorm, dtype, shape: [steps] }] : []),
  ]
  return { inputs, outputs }
}

/**
 * K steps per run inside an ONNX Loop. Data inputs and masks are fed stacked, [K, ...shape];
 * `step` is the index of the first of the K updates; `loss` comes out as [K] (one per step).
 */
export function buildTrainLoop(
  net: Network,
  steps: number,
  optimizer: AdamConfig = {},
): TrainGraph {
  if (!Number.isInteger(steps) || steps < 1)
    throw new GraphError('BAD_ARGUMENT', `loop steps ${steps}`)
  const parts = buildStep(net, optimizer)
  const dtype = parts.g.dtype as OnnxElemType
  const pre = 'loop/'
  const bound = outerBindings(parts)
  // Body inputs: iteration number, condition, then the carried state. Subgraph names must not
  // shadow outer ones, hence the prefix.
  const bodyInputs: OnnxValueInfo[] = [
    { name: `${pre}iter`, dtype: 'int64', shape: [] },
    { name: `${pre}cond`, dtype: 'bool', shape: [] },
  ]
  const carried: { tensor: Tensor; name: string }[] = []
  for (const p of parts.trainable) {
    for (const [t, next, name] of stateNames(p)) {
      bound.set(t, pre + name)
      bodyInputs.push({ name: pre + name, dtype, shape: t.shape })
      carried.push({ tensor: next, name: pre + names.next(name) })
    }
  }
  // Each iteration's batch is a Gather from the stacked outer value; its step is step + iter.
  const head: OnnxNode[] = []
  for (const input of stackedInputs(parts)) {
    head.push({
      opType: 'Gather',
      inputs: [input.name, `${pre}iter`],
      outputs: [pre + input.name],
      attrs: { axis: A.int(0) },
    })
    bound.set(input.tensor, pre + input.name)
  }
  head.push({
    opType: 'Cast',
    inputs: [`${pre}iter`],
    outputs: [`${pre}iterf`],
    attrs: { to: A.int(ELEM_TYPE[dtype]) },
  })
  head.push({ opType: 'Add', inputs: [names.step, `${pre}iterf`], outputs: [`${pre}step`] })
  head.push({ opType: 'Identity', inputs: [`${pre}cond`], outputs: [`${pre}cond_out`] })
  bound.set(parts.step, `${pre}step`)

  const scans = [{ tensor: parts.loss, name: `${pre}loss` }]
  if (parts.gradNorm) scans.push({ tensor: parts.gradNorm, name: `${pre}grad_norm` })
  const outs = [...carried, ...scans]
  const body = emitNamed(outs, { bound, prefix: pre })
  const bodyGraph: OnnxGraph = {
    name: 'train_step_body',
    nodes: [...head, ...body.nodes],
    initializers: body.initializers,
    inputs: bodyInputs,
    outputs: [
      { name: `${pre}cond_out`, dtype: 'bool', shape: [] },
      ...outs.map((o) => ({ name: o.name, dtype, shape: o.tensor.shape })),
    ],
  }
  const signature = outerSignature(parts, steps)
  const loopNode: OnnxNode = {
    opType: 'Loop',
    inputs: [
      'loop_count',
      '',
      ...parts.trainable.flatMap((p) => stateNames(p).map(([, , name]) => name)),
    ],
    outputs: signature.outputs.map((o) => o.name),
    attrs: { body: A.graph(bodyGraph) },
    name: 'train_loop',
  }
  const graph: OnnxGraph = {
    name: 'train_loop',
    nodes: [loopNode],
    initializers: [
      { name: 'loop_count', dtype: 'int64', dims: [], data: BigInt64Array.from([BigInt(steps)]) },
    ],
    ...signature,
  }
  const model = encodeModel({ graph, doc: `Frontier train loop (${steps} steps)` })
  return describe(parts, steps, model, bodyGraph.nodes.length)
}

/**
 * The K-step graph with the K steps written out one after another instead of in a Loop: the
 * same inputs and outputs as buildTrainLoop, K times the nodes (session creation grows), but no
 * per-iteration subgraph overhead, and the memory planner sees all steps at once.
 */
export function buildTrainUnrolled(
  net: Network,
  steps: number,
  optimizer: AdamConfig = {},
): TrainGraph {
  if (!Number.isInteger(steps) || steps < 1)
    throw new GraphError('BAD_ARGUMENT', `unrolled steps ${steps}`)
  const parts = buildStep(net, optimizer)
  const dtype = parts.g.dtype as OnnxElemType
  const nodes: OnnxNode[] = []
  const initializers: OnnxTensor[] = []
  const shared = outerBindings(parts)
  let state = new Map<Tensor, string>()
  for (const p of parts.trainable) for (const [t, , name] of stateNames(p)) state.set(t, name)
  const perStep: Record<string, string[]> = { loss: [], gradNorm: [] }

  for (let k = 0; k < steps; k++) {
    const pre = `s${k}/`
    const bound = new Map([...shared, ...state])
    const index = `${pre}index`
    initializers.push({
      name: index,
      dtype: 'int64',
      dims: [],
      data: BigInt64Array.from([BigInt(k)]),
    })
    for (const input of stackedInputs(parts)) {
      nodes.push({
        opType: 'Gather',
        inputs: [input.name, index],
        outputs: [pre + input.name],
        attrs: { axis: A.int(0) },
      })
      bound.set(input.tensor, pre + input.name)
    }
    initializers.push({
      name: `${pre}offset`,
      dtype,
      dims: [],
      data: typedData([k], parts.g.dtype),
    })
    nodes.push({ opType: 'Add', inputs: [names.step, `${pre}offset`], outputs: [`${pre}step`] })
    bound.set(parts.step, `${pre}step`)

    const last = k === steps - 1
    const next = new Map<Tensor, string>()
    const outs: GraphOutput[] = []
    for (const p of parts.trainable) {
      for (const [t, nextT, name] of stateNames(p)) {
        const out = last ? names.next(name) : `${pre}${names.next(name)}`
        outs.push({ tensor: nextT, name: out })
        next.set(t, out)
      }
    }
    outs.push({ tensor: parts.loss, name: `${pre}loss` })
    if (parts.gradNorm) outs.push({ tensor: parts.gradNorm, name: `${pre}grad_norm` })
    const emitted = emitNamed(outs, { bound, prefix: pre })
    nodes.push(...emitted.nodes)
    initializers.push(...emitted.initializers)
    // Constants are emitted once and shared by the later steps.
    for (const [t, name] of emitted.names) if (t.node.def === Constant) shared.set(t, name)
    perStep.loss.push(`${pre}loss`)
    if (parts.gradNorm) perStep.gradNorm.push(`${pre}grad_norm`)
    state = next
  }
  const axes = 'stack_axes'
  initializers.push({ name: axes, dtype: 'int64', dims: [1], data: BigInt64Array.from([0n]) })
  const stack = (items: string[], out: string) => {
    const parts1 = items.map((n) => {
      nodes.push({ opType: 'Unsqueeze', inputs: [n, axes], outputs: [`${n}/1`] })
      return `${n}/1`
    })
    nodes.push({ opType: 'Concat', inputs: parts1, outputs: [out], attrs: { axis: A.int(0) } })
  }
  stack(perStep.loss, names.loss)
  if (parts.gradNorm) stack(perStep.gradNorm, names.gradNorm)
  const graph: OnnxGraph = {
    name: 'train_unrolled',
    nodes,
    initializers,
    ...outerSignature(parts, steps),
  }
  const model = encodeModel({ graph, doc: `Frontier train steps, ${steps} unrolled` })
  return describe(parts, steps, model, nodes.length)
}
