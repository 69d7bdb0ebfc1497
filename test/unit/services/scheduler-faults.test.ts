// Real worker processes that fail in every way the issue names — SIGKILLed mid-trial, throwing,
// hanging past the heartbeat, diverging, running out of memory — in one study: each trial ends
// failed with its reason, the rest of the study completes, and nothing is left running.

import { describe, expect, it } from 'vitest'
import { Study } from '../../../src-main/engine/hpo/study'
import { trialJob } from '../../../src-main/services/run-spec'
import { Scheduler, type SchedulerEvent } from '../../../src-main/services/scheduler'
import { NodeWorkerHost } from '../../../src-main/worker/node-worker-host'
import { TEST_FAULTS_ENV } from '../../../src-main/worker/test-faults'
import { tinyConfig, tinySpec } from '../worker/trial-fixture'

describe('Scheduler with real worker processes', () => {
  it('records a killed, a throwing, a hung, a diverged and an OOM trial as failed; the rest complete', async () => {
    const study = Study.create(tinyConfig({ budget: { trials: 7, seconds: null } }))
    const spec = tinySpec()
    const pids = new Map<number, number | undefined>()
    let killed = false
    const events: SchedulerEvent[] = []
    const scheduler = new Scheduler({
      study,
      // The heap cap makes the OOM fault quick; training itself needs far less.
      host: new NodeWorkerHost({
        env: { ...process.env, [TEST_FAULTS_ENV]: '1:throw,2:hang,3:diverge,4:oom' },
        execArgv: ['--max-old-space-size=160'],
      }),
      job: (t) => trialJob(spec, t),
      workers: 2,
      heartbeatMs: 200,
      heartbeatTimeoutMs: 4000,
      onEvent: (e) => {
        events.push(e)
        if (e.type === 'trial-started') pids.set(e.trialId, e.pid)
        // SIGKILL trial 0 from outside once it is training.
        if (
          e.type === 'trial-progress' &&
          e.trialId === 0 &&
          e.progress.phase === 'train' &&
          !killed
        ) {
          killed = true
          process.kill(pids.get(0) as number, 'SIGKILL')
        }
      },
    })
    await scheduler.run()
    const t = study.trials
    expect(t.map((r) => r.error?.code ?? r.state)).toEqual([
      'WORKER_CRASH',
      'TRIAL_ERROR',
      'WORKER_HUNG',
      'DIVERGED',
      'OUT_OF_MEMORY',
      'complete',
      'complete',
    ])
    expect(t[0].error?.message).toMatch(/killed \(SIGKILL.*\) during epoch \d of 2/)
    expect(t[1].error?.message).toMatch(/^Test fault: the trial code threw after epoch 1\./)
    expect(t[1].error?.message).toMatch(
      /Last lines of the worker's stderr:\nError: Test fault[^]*at /,
    )
    expect(t[2].error?.message).toMatch(/no heartbeat for 4 s during epoch 1 of 2/)
    expect(t[3].error?.message).toMatch(
      /^Training diverged: the loss of step \d+ \(epoch 1\) is NaN/,
    )
    expect(t[4].error?.message).toMatch(/ran out of memory[^]*heap out of memory/)
    expect(t.some((r) => r.state === 'running')).toBe(false)
    // Crash, hang and OOM are retryable: each later trial with queued parameters re-runs those of
    // one of them (which ones, and how many fit the budget, depends on the order they failed in).
    const retryable = t.filter((r) =>
      ['WORKER_CRASH', 'WORKER_HUNG', 'OUT_OF_MEMORY'].includes(r.error?.code ?? ''),
    )
    const retries = t.filter((r) => r.enqueued)
    expect(retries.length).toBeGreaterThan(0)
    for (const r of retries)
      expect(
        retryable.some(
          (f) => f.number < r.number && JSON.stringify(f.params) === JSON.stringify(r.params),
        ),
      ).toBe(true)
    const finished = events.filter((e) => e.type === 'trial-finished')
    expect(finished).toHaveLength(7)
  }, 60_000)
})
