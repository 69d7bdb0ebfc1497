// Controlling a running study through the service: pause (no new trial starts, the running one
// finishes), resume, cancel one trial (its worker process is gone), cancel the whole study (the
// running trial interrupted and queued again) and start it again: no completed trial lost, the
// interrupted parameters run again, the budget is spent.

import { beforeEach, describe, expect, it } from 'vitest'
import type { StudyTrialEvent } from '@shared/study-views'
import { recordingHost, useStudyFixture, type Fixture } from './study-service-fixture'

const pids: number[] = []
const fixture = useStudyFixture(recordingHost(pids))
let fx: Fixture
beforeEach(() => {
  fx = fixture()
})

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('StudyService controls', () => {
  it('pauses, resumes, cancels a trial and the study, and resumes it without losing a trial', async () => {
    const studies = fx.host.services.studies
    const { id } = await studies.create(
      fx.draft('Controlled', { workers: 1, epochs: 3, budget: { trials: 3, seconds: null } }),
    )
    const trialEnded = (n: number) =>
      fx.next(
        'studies:trialChanged',
        (e) => e.id === id && e.trial.number === n && e.trial.state !== 'running',
      )
    const trialStarted = (n: number) =>
      fx.next(
        'studies:trialChanged',
        (e) => e.id === id && e.trial.number === n && e.trial.state === 'running',
      )

    // Paused while trial 0 runs: it finishes, and no trial 1 starts.
    const first = trialStarted(0)
    await studies.start(id)
    await first
    expect((await studies.pause(id)).status).toBe('paused')
    expect((await trialEnded(0)).trial.state).toBe('complete')
    await sleep(800)
    expect((await studies.trials(id, 0, 10)).total).toBe(1)
    expect((await studies.list()).find((s) => s.id === id)?.status).toBe('paused')

    // Resumed: trial 1 starts; cancelled after its first epoch, its process is gone.
    const cancelled = new Promise<boolean>((resolve) => {
      const stop = fx.host.events.subscribe((event, payload) => {
        const e = payload as { id: string; trial: number; epoch: number }
        if (event === 'studies:epoch' && e.id === id && e.trial === 1) {
          stop()
          void studies.cancelTrial(id, 1).then((r) => resolve(r.cancelled))
        }
      })
    })
    const second = trialEnded(1)
    expect((await studies.resume(id)).status).toBe('running')
    expect(await cancelled).toBe(true)
    const ended = (await second).trial
    expect(ended.state).toBe('failed')
    expect(ended.error?.code).toBe('CANCELLED')
    expect(pids).toHaveLength(2)
    expect(alive(pids[1])).toBe(false)

    // The study goes on with trial 2; cancelling the study interrupts it and queues it again.
    await trialStarted(2)
    const stopped = await studies.cancel(id)
    expect(stopped.status).toBe('stopped')
    expect(studies.liveIds()).toEqual([])
    const before = await studies.trials(id, 0, 10)
    expect(before.rows.map((r) => [r.state, r.error?.code ?? null])).toEqual([
      ['complete', null],
      ['failed', 'CANCELLED'],
      ['failed', 'INTERRUPTED'],
    ])
    expect(pids.every((pid) => !alive(pid))).toBe(true)
    await expect(studies.cancelTrial(id, 2)).rejects.toMatchObject({ code: 'STUDY_NOT_RUNNING' })

    // Started again: it runs the interrupted parameters and spends the budget.
    const finished = fx.next('studies:state', (e) => e.id === id && e.status === 'finished')
    await studies.start(id)
    await finished
    const after = await studies.trials(id, 0, 10)
    expect(after.rows.slice(0, 3)).toEqual(before.rows)
    expect(after.rows[3]).toMatchObject({ state: 'complete', params: before.rows[2].params })
    expect((await studies.list()).find((s) => s.id === id)).toMatchObject({
      status: 'finished',
      trials: 3,
      complete: 2,
      failed: 1,
    })
    await expect(studies.start(id)).rejects.toMatchObject({ code: 'STUDY_FINISHED' })
    const events = fx.events.filter((e) => e.event === 'studies:trialChanged')
    expect((events.at(-1)?.payload as StudyTrialEvent).trial.number).toBe(3)
  }, 120_000)
})
