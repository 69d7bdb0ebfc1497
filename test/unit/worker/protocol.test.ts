import { describe, expect, it } from 'vitest'
import { exitFailure } from '../../../src-main/worker/failure'
import {
  parseParentMessage,
  parseWorkerMessage,
  type StartMessage,
} from '../../../src-main/worker/protocol'
import { testFaultFor } from '../../../src-main/worker/test-faults'
import { StderrTail } from '../../../src-main/worker/worker-host'
import { HEAT_CSV, SHORT_SPLIT } from './trial-fixture'

const start: StartMessage = {
  type: 'start',
  trialId: 3,
  model: 'NHITS_Q',
  params: { num_stacks: 2, lr: 0.001, activation: 'ReLU', flag: true },
  data: { path: HEAT_CSV, parse: {}, roles: null, split: SHORT_SPLIT },
  settings: { epochs: 2, provider: 'cpu' },
  heartbeatMs: 1000,
}

const complete = {
  type: 'result',
  trialId: 3,
  outcome: {
    state: 'complete',
    values: [1.5, 2],
    metrics: { mae: 1.5, picp: 78 },
    timings: { total: 1 },
    provider: 'cpu',
    epochs: 2,
    steps: 10,
    parameterCount: 1000,
    columns: ['y'],
    forecasts: [
      {
        origin: 5,
        time: 0,
        p10: new Float64Array(2),
        p50: new Float64Array(2),
        p90: new Float64Array(2),
        actual: new Float64Array([1, NaN]),
      },
    ],
  },
}

const problem = (r: { ok: boolean; problem?: string }) => (r.ok ? null : r.problem)

describe('worker protocol', () => {
  it('carries the split’s training start and constant-run exclusion to the worker', () => {
    const split = { ...SHORT_SPLIT, trainStart: Date.UTC(2021, 5, 1), excludeConstantHours: 0 }
    const message = { ...start, data: { ...start.data, split } }
    expect(parseParentMessage(message)).toEqual({ ok: true, message })
    const negative = {
      ...start,
      data: { ...start.data, split: { ...split, excludeConstantHours: -1 } },
    }
    expect(parseParentMessage(negative).ok).toBe(false)
  })

  it('accepts every well-formed message in both directions', () => {
    expect(parseParentMessage(start)).toEqual({ ok: true, message: start })
    expect(parseParentMessage({ type: 'cancel', reason: 'timeout' }).ok).toBe(true)
    expect(parseParentMessage({ type: 'decision', epoch: 1, prune: true }).ok).toBe(true)
    const fromWorker = [
      { type: 'ready', pid: 12 },
      { type: 'heartbeat', trialId: 3, rssBytes: 1e8 },
      { type: 'heartbeat', trialId: null, rssBytes: 0 },
      {
        type: 'progress',
        trialId: 3,
        phase: 'train',
        epoch: 1,
        epochs: 2,
        step: 4,
        totalSteps: 9,
        loss: 0.2,
      },
      { type: 'progress', trialId: 3, phase: 'build', notice: 'No WebGPU adapter' },
      {
        type: 'intermediate',
        trialId: 3,
        record: {
          epoch: 1,
          step: 5,
          trainLoss: 0.3,
          valLoss: null,
          objectives: [1, 2],
          seconds: 0.5,
        },
      },
      complete,
      { type: 'result', trialId: 3, outcome: { state: 'pruned', epoch: 2 } },
      {
        type: 'error',
        trialId: 3,
        code: 'DIVERGED',
        kind: 'stopped',
        message: 'NaN',
        epoch: 1,
        step: 2,
      },
      { type: 'error', trialId: null, code: 'TRIAL_ERROR', kind: 'internal', message: 'boom' },
    ]
    for (const m of fromWorker) expect(problem(parseWorkerMessage(m))).toBeNull()
  })

  it('rejects malformed messages with the place of the problem', () => {
    expect(problem(parseWorkerMessage(null))).toMatch(/^malformed message/)
    expect(problem(parseWorkerMessage('ready'))).toMatch(/^malformed message/)
    expect(problem(parseWorkerMessage({ type: 'hello' }))).toMatch(/^malformed message/)
    expect(problem(parseWorkerMessage({ type: 'ready' }))).toMatch(/\(type "ready"\): pid/)
    expect(problem(parseWorkerMessage({ type: 'heartbeat', trialId: -1, rssBytes: 1 }))).toMatch(
      /trialId/,
    )
    expect(
      problem(parseWorkerMessage({ ...complete, outcome: { ...complete.outcome, values: [1] } })),
    ).toMatch(/outcome\.values/)
    expect(
      problem(
        parseWorkerMessage({ ...complete, outcome: { ...complete.outcome, provider: 'tpu' } }),
      ),
    ).toMatch(/outcome\.provider/)
    const plainArrays = { ...complete.outcome.forecasts[0], p50: [1, 2] }
    expect(
      problem(
        parseWorkerMessage({
          ...complete,
          outcome: { ...complete.outcome, forecasts: [plainArrays] },
        }),
      ),
    ).toMatch(/forecasts\.0\.p50: expected a Float64Array/)
    expect(
      problem(
        parseWorkerMessage({
          ...complete,
          outcome: { ...complete.outcome, metrics: { mae: NaN } },
        }),
      ),
    ).toMatch(/metrics\.mae/)
    expect(
      problem(
        parseWorkerMessage({ type: 'error', trialId: 3, code: '', kind: 'stopped', message: '' }),
      ),
    ).toMatch(/code/)
    expect(problem(parseParentMessage({ ...start, model: 'GPT' }))).toMatch(/model must be one of/)
    expect(problem(parseParentMessage({ ...start, heartbeatMs: 0 }))).toMatch(/heartbeatMs/)
    expect(problem(parseParentMessage({ ...start, params: { lr: {} } }))).toMatch(/params\.lr/)
    expect(problem(parseParentMessage({ ...start, settings: { provider: 'tpu' } }))).toMatch(
      /settings\.provider/,
    )
    expect(problem(parseParentMessage({ type: 'cancel', reason: 'bored' }))).toMatch(/reason/)
  })
})

describe('worker failures', () => {
  it('classifies exits: OOM from stderr, signals, exit codes', () => {
    const oom = exitFailure(
      { code: null, signal: 'SIGABRT' },
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      'during epoch 2 of 3',
    )
    expect(oom).toMatchObject({ code: 'OUT_OF_MEMORY', retryable: true })
    expect(oom.reason).toMatch(/^The worker ran out of memory during epoch 2 of 3\./)
    const killed = exitFailure({ code: null, signal: 'SIGKILL' }, '', 'while it loaded the data')
    expect(killed).toEqual({
      code: 'WORKER_CRASH',
      reason:
        'The worker process was killed (SIGKILL: by hand, or by the system when memory ran out) while it loaded the data.',
      retryable: true,
    })
    expect(exitFailure({ code: 3, signal: null }, 'bye', 'x').reason).toBe(
      "The worker process exited with code 3 x.\nLast lines of the worker's stderr:\nbye",
    )
    expect(exitFailure({ code: 0, signal: null }, '', 'x').reason).toMatch(/without reporting/)
  })

  it('keeps the last 20 stderr lines, without V8 native frames', () => {
    const tail = new StderrTail()
    for (let i = 0; i < 30; i++) tail.push(`line ${i}\n`)
    tail.push(' 1: 0xb78db3 node::OOMErrorHandler\n----- Native stack trace -----\npart')
    tail.push('ial')
    const lines = tail.text().split('\n')
    expect(lines).toHaveLength(20)
    expect(lines[0]).toBe('line 11')
    expect(lines.at(-1)).toBe('partial')
    expect(lines.some((l) => l.includes('0xb78db3'))).toBe(false)
  })

  it('test faults are off unless the environment names them', () => {
    expect(testFaultFor(1, {})).toBeNull()
    const env = { FRONTIER_TEST_FAULTS: '1:throw,3:hang,4:nonsense' }
    expect(testFaultFor(1, env)).toBe('throw')
    expect(testFaultFor(3, env)).toBe('hang')
    expect(testFaultFor(4, env)).toBeNull()
    expect(testFaultFor(2, env)).toBeNull()
  })
})
