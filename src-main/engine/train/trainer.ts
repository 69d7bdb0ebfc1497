// The training loop of a trial (MODELS.md §6): E epochs over every kept training window, each
// epoch in a seeded shuffled order cut into batches of B (the last one smaller), Adam at a
// constant learning rate, and after each epoch an evaluation (validation loss, walk-forward
// objectives) that becomes the epoch's intermediate value.
//
// Speed: parameters and Adam state cross into onnxruntime once per run, so full batches go K at
// a time through the K-step Loop graph; the full batches that do not fill a last run of K, and
// the smaller last batch, go through the plain step graph on the same state (`stepWith`). Masks
// and updates are those of single steps in order, so K changes speed, not results (to rounding).
//
// Failure modes are typed (TrainingStopped): a non-finite loss ends training as DIVERGED with
// the step that produced it; an AbortSignal is honoured between runs (CANCELLED); the epoch
// callback may stop it (PRUNED, the caller's decision). Optional early stopping watches the
// validation loss. Darts has none of it and keeps the last epoch's weights; this keeps, by
// default, the weights of the epoch with the lowest validation loss (`keepBest`), the way a
// careful user would: an epoch that overshoots no longer decides the trial's score.

import { createHash } from 'node:crypto'
import type { TrainingWindows, WindowBatch } from '../data/windows'
import { BatchSampler, gatherBatch } from '../data/windows'
import type { AdamConfig } from '../graph/optim/adam'
import { buildTrainLoop, buildTrainStep, type TrainGraph } from '../graph/programs/train'
import type { HostValue } from '../graph/runtime/feeds'
import type { Runtime } from '../graph/runtime/runtime'
import { type ParamArray, Trainer } from '../graph/runtime/trainer'
import type { ModelNetwork } from '../models/model-spec'
import { TrainError } from './train-error'
import { type EpochRecord, TrainingStopped } from './training-stopped'

export interface EarlyStopping {
  /** Epochs without an improvement of the validation loss before training stops. */
  patience: number
  /** The smallest decrease that counts as an improvement (default 0). */
  minDelta?: number
}

export interface TrainProgress {
  epoch: number
  epochs: number
  /** Optimisation steps done so far, and the total planned. */
  step: number
  totalSteps: number
  /** Running mean training loss of the current epoch. */
  loss: number
}

export interface EpochEvaluation {
  valLoss: number | null
  objectives?: [number, number] | null
}

export interface TrainOptions {
  epochs: number
  batchSize: number
  lr: number
  adam: AdamConfig
  /** Seeds parameter initialisation, dropout masks and the window order. */
  seed: number
  /** K full batches per run of the Loop graph (1: plain steps only). Default 8. */
  stepsPerRun?: number
  earlyStopping?: EarlyStopping
  /** Keep the weights of the epoch with the lowest validation loss (default true). */
  keepBest?: boolean
  signal?: AbortSignal
  onProgress?: (p: TrainProgress) => void
  /** Runs after every epoch on the current weights (validation loss, walk-forward). */
  evaluate?: (trainer: Trainer, epoch: number) => Promise<EpochEvaluation>
  /** Sees every epoch's record; 'stop' ends training (PRUNED). */
  onEpoch?: (record: EpochRecord) => void | 'stop' | Promise<void | 'stop'>
}

export interface TrainOutcome {
  trainer: Trainer
  intermediate: EpochRecord[]
  /**
   * The weights the trial is scored with: those after the epoch with the lowest validation loss
   * (the first of equals), or the last epoch's when keepBest is off or no epoch had a
   * validation loss.
   */
  kept: { epoch: number; parameters: Map<string, ParamArray> }
  steps: number
  /** 'early-stopping' when the patience ran out before the last epoch. */
  stopped: 'completed' | 'early-stopping'
  timings: { build: number; train: number; evaluate: number }
}

export const DEFAULT_STEPS_PER_RUN = 8

export async function train(
  runtime: Runtime,
  net: ModelNetwork,
  windows: TrainingWindows,
  o: TrainOptions,
): Promise<TrainOutcome> {
  checkOptions(o)
  const K = o.stepsPerRun ?? DEFAULT_STEPS_PER_RUN
  const B = o.batchSize
  const t0 = performance.now()
  const plain = buildTrainStep(net, o.adam)
  const loop = K > 1 ? buildTrainLoop(net, K, o.adam) : null
  // Sessions are cached per key in the runtime: key by content, so a runtime that trains
  // several networks never runs one's session for another (and reuses it for the same one).
  const main = loop ?? plain
  const key = `train:${createHash('sha1').update(main.model).digest('hex')}`
  const trainer = await Trainer.create(runtime, main, { seed: o.seed, key })
  const timings = { build: (performance.now() - t0) / 1000, train: 0, evaluate: 0 }

  const sampler = new BatchSampler(windows, B, o.seed)
  const totalSteps = sampler.batchesPerEpoch * o.epochs
  const intermediate: EpochRecord[] = []
  const keepBest = o.keepBest ?? true
  let kept: TrainOutcome['kept'] | null = null
  let keptLoss = Infinity
  let best = Infinity
  let sinceBest = 0
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const e0 = performance.now()
    const order = sampler.order(epoch - 1)
    const fullBatches = Math.floor(order.length / B)
    const looped = loop ? Math.floor(fullBatches / K) * K : 0
    let lossSum = 0
    let seen = 0
    const run = async (from: number, to: number, graph: TrainGraph) => {
      if (o.signal?.aborted) {
        throw new TrainingStopped(
          'CANCELLED',
          `Training was cancelled after ${trainer.stepCount} steps (epoch ${epoch}).`,
          { step: trainer.stepCount, epoch, intermediate },
        )
      }
      const batch = gatherBatch(windows.source, order.subarray(from, to), windows.shape)
      const runs = graph.steps
      const before = trainer.stepCount
      const feeds = stacked(net, batch, runs)
      const { losses } = await (graph === trainer.graph
        ? trainer.step(feeds, o.lr)
        : trainer.stepWith(graph, feeds, o.lr))
      const size = (to - from) / runs
      losses.forEach((loss, i) => {
        if (!Number.isFinite(loss)) {
          const step = before + i + 1
          throw new TrainingStopped(
            'DIVERGED',
            `Training diverged: the loss of step ${step} (epoch ${epoch}) is ${loss}. ` +
              'Lower the learning rate or the width, or add weight decay.',
            { step, epoch, intermediate },
          )
        }
        lossSum += loss * size
        seen += size
      })
      o.onProgress?.({
        epoch,
        epochs: o.epochs,
        step: trainer.stepCount,
        totalSteps,
        loss: lossSum / seen,
      })
    }
    for (let i = 0; i < looped; i += K) await run(i * B, (i + K) * B, loop as TrainGraph)
    for (let i = looped; i < fullBatches; i++) await run(i * B, (i + 1) * B, plain)
    if (order.length > fullBatches * B) await run(fullBatches * B, order.length, plain)
    const e1 = performance.now()
    timings.train += (e1 - e0) / 1000

    const evaluation = o.evaluate ? await o.evaluate(trainer, epoch) : { valLoss: null }
    timings.evaluate += (performance.now() - e1) / 1000
    const record: EpochRecord = {
      epoch,
      step: trainer.stepCount,
      trainLoss: lossSum / seen,
      valLoss: evaluation.valLoss,
      objectives: evaluation.objectives ?? null,
      seconds: (performance.now() - e0) / 1000,
    }
    const at = { step: trainer.stepCount, epoch, intermediate: [...intermediate, record] }
    if (record.valLoss !== null && !Number.isFinite(record.valLoss)) {
      throw new TrainingStopped(
        'DIVERGED',
        `Training diverged: the validation loss after epoch ${epoch} (step ${at.step}) is ` +
          `${record.valLoss}. Lower the learning rate or the width, or add weight decay.`,
        at,
      )
    }
    intermediate.push(record)
    if (keepBest && record.valLoss !== null && record.valLoss < keptLoss) {
      keptLoss = record.valLoss
      kept = { epoch, parameters: trainer.parameters() }
    }
    if ((await o.onEpoch?.(record)) === 'stop') {
      throw new TrainingStopped('PRUNED', `The trial was pruned after epoch ${epoch}.`, at)
    }
    if (o.earlyStopping && record.valLoss !== null && epoch < o.epochs) {
      if (record.valLoss < best - (o.earlyStopping.minDelta ?? 0)) {
        best = record.valLoss
        sinceBest = 0
      } else if (++sinceBest >= o.earlyStopping.patience) {
        return outcome('early-stopping')
      }
    }
  }
  return outcome('completed')

  function outcome(stopped: TrainOutcome['stopped']): TrainOutcome {
    const chosen = kept ?? { epoch: intermediate.length, parameters: trainer.parameters() }
    return { trainer, intermediate, kept: chosen, steps: trainer.stepCount, stopped, timings }
  }
}

/** The network's feeds for `runs` batches stacked [runs, B, ...] (runs = 1: plain [B, ...]). */
function stacked(net: ModelNetwork, batch: WindowBatch, runs: number): Record<string, HostValue> {
  const feeds: Record<string, HostValue> = {
    ...net.inputs(batch),
    [net.target]: { data: batch.future, shape: [batch.size, batch.future.length / batch.size] },
  }
  if (runs === 1) return feeds
  const out: Record<string, HostValue> = {}
  for (const [name, value] of Object.entries(feeds)) {
    if (ArrayBuffer.isView(value)) {
      throw new TrainError('INVALID_OPTIONS', `feed "${name}" needs a shape to be stacked`)
    }
    const [n, ...rest] = value.shape
    out[name] = { data: value.data, shape: [runs, n / runs, ...rest] }
  }
  return out
}

function checkOptions(o: TrainOptions): void {
  const positive: [string, number][] = [
    ['epochs', o.epochs],
    ['batch size', o.batchSize],
    ['steps per run', o.stepsPerRun ?? DEFAULT_STEPS_PER_RUN],
  ]
  for (const [name, v] of positive) {
    if (!Number.isInteger(v) || v < 1)
      throw new TrainError(
        'INVALID_OPTIONS',
        `The ${name} must be a positive whole number; got ${v}.`,
      )
  }
  if (!(o.lr > 0) || !Number.isFinite(o.lr))
    throw new TrainError('INVALID_OPTIONS', `The learning rate must be positive; got ${o.lr}.`)
  const p = o.earlyStopping?.patience
  if (p !== undefined && (!Number.isInteger(p) || p < 1))
    throw new TrainError('INVALID_OPTIONS', `Early-stopping patience must be ≥ 1; got ${p}.`)
}
