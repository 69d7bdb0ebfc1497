import { describe, expect, it } from 'vitest'
import { Study } from '../../../src-main/engine/hpo/study'
import type { StudyConfig } from '../../../src-main/engine/hpo/study-config'
import type { TrialRecord } from '../../../src-main/engine/hpo/types'
import { trialJob } from '../../../src-main/services/run-spec'
import {
  Scheduler,
  type SchedulerEvent,
  type SchedulerOptions,
} from '../../../src-main/services/scheduler'
import { tinyConfig, tinySpec } from '../worker/trial-fixture'
import { FakeWorkerHost, type Behaviour } from './scheduler-fake-host'

function setup(
  config: Partial<StudyConfig>,
  behaviour: (trialId: number) => Behaviour,
  options: Partial<SchedulerOptions> = {},
) {
  const study = Study.create(tinyConfig(config))
  const host = new FakeWorkerHost(behaviour)
  const events: SchedulerEvent[] = []
  const spec = tinySpec()
  const scheduler = new Scheduler({
    study,
    host,
    job: (t) => trialJob(spec, t),
    workers: 2,
    heartbeatMs: 20,
    heartbeatTimeoutMs: 2000,
    cancelGraceMs: 200,
    ...options,
    onEvent: (e) => {
      events.push(e)
      options.onEvent?.(e)
    },
  })
  const notices = () => events.flatMap((e) => (e.type === 'notice' ? [e.message] : []))
  return { study, host, scheduler, events, notices }
}

const states = (trials: readonly TrialRecord[]) => trials.map((t) => t.state)
const codes = (trials: readonly TrialRecord[]) => trials.map((t) => t.error?.code ?? null)
const budget = (trials: number) => ({ budget: { trials, seconds: null } })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('Scheduler', () => {
  it('runs the whole budget, at most `workers` trials at a time, and leaves none running', async () => {
    const { study, host, scheduler } = setup(budget(6), () => ({ kind: 'complete', epochMs: 15 }))
    expect(await scheduler.run()).toEqual({ stopped: false })
    expect(states(study.trials)).toEqual(Array(6).fill('complete'))
    expect(host.maxAlive).toBe(2)
    expect(study.trials.every((t) => t.intermediate.length === 2)).toBe(true)
    expect(study.trials[0].timings).toMatchObject({ total: 0.02, worker: expect.any(Number) })
    expect(scheduler.currentState).toBe('finished')
  })

  it('starts nothing while paused and goes on after resume', async () => {
    let paused = false
    const { study, scheduler } = setup(budget(3), () => ({ kind: 'complete', epochMs: 20 }), {
      workers: 1,
      onEvent: (e) => {
        if (e.type === 'trial-started' && !paused) {
          paused = true
          scheduler.pause()
        }
      },
    })
    const run = scheduler.run()
    await sleep(300)
    expect(scheduler.currentState).toBe('paused')
    expect(states(study.trials)).toEqual(['complete'])
    scheduler.resume()
    await run
    expect(states(study.trials)).toEqual(['complete', 'complete', 'complete'])
  })

  it('cancels one trial (failed, CANCELLED, not retried) while the others complete', async () => {
    const { study, host, scheduler } = setup(
      budget(3),
      () => ({ kind: 'complete', epochs: 5, epochMs: 30 }),
      {
        onEvent: (e) => {
          if (e.type === 'trial-progress' && e.trialId === 1) scheduler.cancelTrial(1)
        },
      },
    )
    await scheduler.run()
    expect(states(study.trials)).toEqual(['complete', 'failed', 'complete'])
    expect(study.trials[1].error?.code).toBe('CANCELLED')
    expect(study.trials[1].error?.message).toMatch(/cancelled during epoch 1 of 5/)
    expect(host.started).toHaveLength(3)
    expect(scheduler.cancelTrial(1)).toBe(false)
  })

  it('fails a trial that runs past its time limit with TIMEOUT', async () => {
    const { study, scheduler } = setup(
      budget(3),
      (id) => ({ kind: 'complete', epochs: id === 0 ? 100 : 2, epochMs: 30 }),
      { timeoutMs: 200 },
    )
    await scheduler.run()
    expect(codes(study.trials)).toEqual(['TIMEOUT', null, null])
    expect(study.trials[0].error?.message).toMatch(/ran past its time limit during epoch/)
  })

  it('kills a silent worker as hung and retries its parameters once', async () => {
    const { study, scheduler, notices } = setup(
      budget(3),
      (id) => (id === 1 ? { kind: 'hang' } : { kind: 'complete' }),
      { heartbeatTimeoutMs: 500, workers: 1 },
    )
    await scheduler.run()
    expect(codes(study.trials)).toEqual([null, 'WORKER_HUNG', null])
    expect(study.trials[1].error?.message).toMatch(/no heartbeat for 0.5 s .* killed as hung/)
    expect(study.trials[2].params).toEqual(study.trials[1].params)
    expect(study.trials[2].enqueued).toBe(true)
    expect(notices()).toContain(
      'Trial 1 failed (WORKER_HUNG); its parameters run again (retry 1 of 1).',
    )
  })

  it('retries crashed parameters at most maxRetries times', async () => {
    const { study, scheduler, notices } = setup(
      budget(4),
      (id) => (id <= 1 ? { kind: 'crash' } : { kind: 'complete' }),
      { workers: 1 },
    )
    await scheduler.run()
    expect(states(study.trials)).toEqual(['failed', 'failed', 'complete', 'complete'])
    expect(codes(study.trials).slice(0, 2)).toEqual(['WORKER_CRASH', 'WORKER_CRASH'])
    expect(study.trials[0].error?.message).toMatch(/killed \(SIGKILL/)
    expect(study.trials[0].error?.message).toMatch(
      /Last lines of the worker's stderr:\nfake worker of trial 0/,
    )
    expect(study.trials[1].params).toEqual(study.trials[0].params)
    expect(study.trials[2].params).not.toEqual(study.trials[0].params)
    expect(notices()).toContain('Trial 1 failed again (WORKER_CRASH); not retried.')
  })

  it('prunes on the study’s decision', async () => {
    const { study, scheduler } = setup(
      { ...budget(2), pruner: { name: 'median', options: { warmupSteps: 0, minCompleted: 1 } } },
      (id) => ({ kind: 'complete', epochs: 3, loss: id === 0 ? 0.1 : 5 }),
      { workers: 1 },
    )
    await scheduler.run()
    expect(states(study.trials)).toEqual(['complete', 'pruned'])
    expect(study.trials[1].prunedAtStep).toBe(1)
  })

  it('fails a trial whose worker sends a malformed message (PROTOCOL_ERROR)', async () => {
    const { study, scheduler } = setup(budget(2), (id) =>
      id === 0 ? { kind: 'garbage' } : { kind: 'complete' },
    )
    await scheduler.run()
    expect(codes(study.trials)).toEqual(['PROTOCOL_ERROR', null])
    expect(study.trials[0].error?.message).toMatch(/malformed message \(type "result"\)/)
  })

  it('stop() interrupts running trials, queues their parameters and leaves none running', async () => {
    let stopping: Promise<unknown> | null = null
    const { study, scheduler } = setup(
      budget(6),
      () => ({ kind: 'complete', epochs: 100, epochMs: 20 }),
      {
        onEvent: (e) => {
          if (e.type === 'trial-progress' && e.trialId === 1 && !stopping)
            stopping = scheduler.stop()
        },
      },
    )
    expect(await scheduler.run()).toEqual({ stopped: true })
    await stopping
    expect(states(study.trials)).toEqual(['failed', 'failed'])
    expect(codes(study.trials)).toEqual(['INTERRUPTED', 'INTERRUPTED'])
    expect(study.data.queue).toEqual([study.trials[0].params, study.trials[1].params])
    // Interrupted trials do not count: a resumed study asks for all six, the queued ones first.
    const resumed = Study.resume(study.data)
    expect(resumed.canAsk()).toBe(true)
    expect((await resumed.ask()).params).toEqual(study.trials[0].params)
  })

  it('stop({ force }) kills at once', async () => {
    const { study, scheduler } = setup(budget(2), () => ({ kind: 'hang' }), {
      heartbeatTimeoutMs: 60_000,
      cancelGraceMs: 60_000,
    })
    const run = scheduler.run()
    await sleep(50)
    const t0 = performance.now()
    await scheduler.stop({ force: true })
    await run
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(codes(study.trials)).toEqual(['INTERRUPTED', 'INTERRUPTED'])
  })

  it('waits for the admission before starting another trial', async () => {
    const { host, scheduler, notices } = setup(
      budget(3),
      () => ({ kind: 'complete', epochMs: 20 }),
      {
        workers: 3,
        admissionRetryMs: 20,
        admission: { check: async (running) => (running > 0 ? 'GPU busy' : null) },
      },
    )
    await scheduler.run()
    expect(host.maxAlive).toBe(1)
    expect(notices().filter((n) => n === 'GPU busy').length).toBeGreaterThanOrEqual(1)
  })
})
