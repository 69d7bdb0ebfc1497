// Inside the worker: one trial from its start message to its terminal message. Reads and parses
// the dataset (main only points at it), runs runTrial, streams progress (at most four lines a
// second) and every epoch's record, waits for the study's pruning decision after each epoch,
// and ends with exactly one result or error. Typed engine errors keep their codes; anything else
// becomes TRIAL_ERROR with its stack written to stderr, which the parent attaches to the trial.

import { readFile } from 'node:fs/promises'
import { DataError } from '../engine/data/data-error'
import { readDataset } from '../engine/data/read-dataset'
import { defaultRoles } from '../engine/data/roles'
import { GraphError } from '../engine/graph/errors'
import { metricRecord } from '../engine/metrics/summary'
import { ModelError } from '../engine/models/model-error'
import { modelSpec } from '../engine/models/registry'
import { runTrial, type TrialProgress } from '../engine/train/run-trial'
import { TrainError } from '../engine/train/train-error'
import { TrainingStopped, type EpochRecord } from '../engine/train/training-stopped'
import type { ParentChannel } from './parent-channel'
import type { ErrorMessage, StartMessage, WorkerMessage } from './protocol'
import { faultyModel, strikeAfterEpoch, testFaultFor } from './test-faults'

const PROGRESS_INTERVAL_MS = 250

/** The parent's answers to intermediate reports, matched by epoch. */
export class Decisions {
  private readonly waiting = new Map<number, (prune: boolean) => void>()

  wait(epoch: number): Promise<boolean> {
    return new Promise((resolve) => this.waiting.set(epoch, resolve))
  }

  answer(epoch: number, prune: boolean): void {
    this.waiting.get(epoch)?.(prune)
    this.waiting.delete(epoch)
  }

  /** Releases every waiting epoch without pruning (on cancel: the signal stops training). */
  answerAll(): void {
    for (const epoch of [...this.waiting.keys()]) this.answer(epoch, false)
  }
}

export async function runJob(
  job: StartMessage,
  channel: ParentChannel,
  signal: AbortSignal,
  decisions: Decisions,
): Promise<WorkerMessage> {
  const { trialId } = job
  const fault = testFaultFor(trialId)
  let lastProgress = 0
  let lastEpoch = 0
  const progress = (p: TrialProgress | { phase: 'load' }) => {
    const now = performance.now()
    if (p.phase === 'train') {
      // Throttled, except that every epoch's first report goes out (the parent names the epoch
      // a trial failed in) and so does the last step.
      const throttled = now - lastProgress < PROGRESS_INTERVAL_MS && p.epoch === lastEpoch
      if (throttled && p.step < p.totalSteps) return
      lastEpoch = p.epoch
      const { epoch, epochs, step, totalSteps, loss } = p
      channel.send({
        type: 'progress',
        trialId,
        phase: 'train',
        epoch,
        epochs,
        step,
        totalSteps,
        loss,
      })
    } else channel.send({ type: 'progress', trialId, phase: p.phase })
    lastProgress = now
  }
  const onEpoch = async (record: EpochRecord): Promise<void | 'stop'> => {
    strikeAfterEpoch(fault)
    channel.send({ type: 'intermediate', trialId, record: { ...record } })
    return (await decisions.wait(record.epoch)) ? 'stop' : undefined
  }
  try {
    progress({ phase: 'load' })
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(job.data.path))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      const message = `Cannot read the dataset ${job.data.path} (${code}); was it moved or deleted?`
      return { type: 'error', trialId, code: 'FILE_UNREADABLE', kind: 'data', message }
    }
    const { series, profile } = readDataset(bytes, job.data.parse)
    const data = {
      series,
      roles: job.data.roles ?? defaultRoles(profile),
      timezone: profile.timezone,
      split: job.data.split,
    }
    const spec = faultyModel(modelSpec(job.model), fault)
    const result = await runTrial(data, spec, job.params, {
      ...job.settings,
      signal,
      onProgress: progress,
      onEpoch,
      onNotice: (notice) => channel.send({ type: 'progress', trialId, phase: 'build', notice }),
      exportOnnx: true,
    })
    return {
      type: 'result',
      trialId,
      outcome: {
        state: 'complete',
        values: result.values,
        metrics: metricRecord(result.metrics),
        timings: { ...result.timings },
        provider: result.provider,
        ...(result.providerNotice ? { providerNotice: result.providerNotice } : {}),
        epochs: result.epochs,
        steps: result.steps,
        parameterCount: result.parameterCount.total,
        columns: result.columns,
        forecasts: result.forecasts,
        ...(result.onnx ? { onnx: result.onnx } : {}),
      },
    }
  } catch (error) {
    if (error instanceof TrainingStopped && error.code === 'PRUNED')
      return { type: 'result', trialId, outcome: { state: 'pruned', epoch: error.epoch } }
    return errorMessage(trialId, error)
  }
}

export function errorMessage(trialId: number | null, error: unknown): ErrorMessage {
  const base = { type: 'error' as const, trialId }
  if (error instanceof TrainingStopped)
    return {
      ...base,
      code: error.code,
      kind: 'stopped',
      message: error.message,
      epoch: error.epoch,
      step: error.step,
    }
  const typed: [new (...args: never[]) => Error & { code: string }, ErrorMessage['kind']][] = [
    [DataError, 'data'],
    [ModelError, 'model'],
    [TrainError, 'train'],
    [GraphError, 'graph'],
  ]
  for (const [type, kind] of typed)
    if (error instanceof type) return { ...base, code: error.code, kind, message: error.message }
  // Not one of ours: a bug or the runtime failing. The stack goes to stderr for the trial record.
  const e = error instanceof Error ? error : new Error(String(error))
  process.stderr.write(`${e.stack ?? e.message}\n`)
  return { ...base, code: 'TRIAL_ERROR', kind: 'internal', message: e.message }
}
