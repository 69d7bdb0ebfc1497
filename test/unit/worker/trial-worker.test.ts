// The real trial worker in a child process, driven through TrialProcess (the scheduler's view)
// and, for malformed input, through the bare handle.

import { describe, expect, it } from 'vitest'
import { trialJob } from '../../../src-main/services/run-spec'
import { NodeWorkerHost } from '../../../src-main/worker/node-worker-host'
import type { ParentMessage, WorkerMessage } from '../../../src-main/worker/protocol'
import { TrialProcess } from '../../../src-main/worker/trial-process'
import { tinySpec } from './trial-fixture'

const params = {
  num_stacks: 1,
  num_blocks: 1,
  num_layers: 1,
  layer_widths: 8,
  lr: 0.003,
  dropout: 0,
  weight_decay: 0,
}
const job = (trialId: number) => trialJob(tinySpec(), { trialId, params })

describe('trial worker process', () => {
  it('trains one trial and reports intermediates, forecasts and memory', async () => {
    const epochs: number[] = []
    const trial = new TrialProcess(new NodeWorkerHost(), job(0), {
      heartbeatMs: 100,
      onIntermediate: (record) => {
        epochs.push(record.epoch)
        return false
      },
    })
    const end = await trial.done
    if (end.state !== 'complete') throw new Error(`expected complete, got ${JSON.stringify(end)}`)
    expect(epochs).toEqual([1, 2])
    expect(end.outcome.values.every(Number.isFinite)).toBe(true)
    expect(end.outcome.provider).toBe('cpu')
    expect(end.outcome.forecasts).toHaveLength(2)
    expect(end.outcome.forecasts[0].p50).toBeInstanceOf(Float64Array)
    expect(end.peakRssBytes).toBeGreaterThan(10e6)
  })

  it('stops as pruned when the study says so, and as CANCELLED when cancelled', async () => {
    const pruned = await new TrialProcess(new NodeWorkerHost(), job(1), {
      onIntermediate: () => true,
    }).done
    expect(pruned).toMatchObject({ state: 'pruned', epoch: 1 })
    const cancelled = new TrialProcess(new NodeWorkerHost(), job(2), {
      onProgress: (p) => {
        if (p.phase === 'build') cancelled.cancel('user')
      },
    })
    const end = await cancelled.done
    expect(end).toMatchObject({ state: 'failed', failure: { code: 'CANCELLED', retryable: false } })
  })

  it('answers a malformed start with an error and exits non-zero', async () => {
    const handle = new NodeWorkerHost().spawn()
    const received: WorkerMessage[] = []
    const exit = new Promise((resolve) => handle.onExit(resolve))
    handle.onMessage((raw) => {
      const m = raw as WorkerMessage
      received.push(m)
      if (m.type === 'ready')
        handle.send({ type: 'start', trialId: 'first' } as unknown as ParentMessage)
    })
    expect(await exit).toEqual({ code: 1, signal: null })
    const error = received.find((m) => m.type === 'error')
    expect(error).toMatchObject({ code: 'TRIAL_ERROR', kind: 'internal' })
    expect(error && error.type === 'error' && error.message).toMatch(
      /malformed message \(type "start"\)/,
    )
    expect(handle.stderrTail()).toMatch(/trial worker: malformed message/)
  })
})
