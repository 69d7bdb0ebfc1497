// The study service over real tiny trials in worker processes: create from a draft (the
// dataset's roles and split in the run file), start, the events while it runs, the trials page,
// a trial's detail with its learning curve.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StudyEpochEvent, StudyTrialEvent } from '@shared/study-views'
import { readRunSpec } from '../../../src-main/services/run-spec'
import { studyFixture, type Fixture } from './study-service-fixture'

let fx: Fixture

beforeAll(async () => {
  fx = await studyFixture()
}, 60_000)
afterAll(async () => {
  await fx.host.services.studies.stopAll({ force: true })
  await fx.dir.remove()
})

describe('StudyService', () => {
  it('creates a study from a draft, runs it in workers and shows its trials and curves', async () => {
    const studies = fx.host.services.studies
    await fx.host.services.datasets.setRoles(fx.datasetId, {
      target: 'heat_mw',
      pastCovariates: [],
      futureCovariates: [],
      calendar: { hour: true, weekday: false, month: false, weekend: false, holidays: null },
    })
    const created = await studies.create(fx.draft('First study'))
    expect(created).toMatchObject({
      id: 'NHITS_Q_heat/study_NHITS_Q_heat_First_study.json',
      name: 'First study',
      jobId: 'First_study',
      status: 'new',
      trials: 0,
      budget: { trials: 3, seconds: null },
      datasetId: fx.datasetId,
    })
    const spec = await readRunSpec(join(studies.studiesDir, created.id))
    const record = await fx.host.services.datasets.get(fx.datasetId)
    expect(spec.data.roles).toEqual(record.roles)
    expect(spec.data.split).toEqual(record.split)
    expect(spec.data.parse).toEqual(record.parseOptions)
    expect(spec.data.roles?.calendar.hour).toBe(true)

    const finished = fx.next('studies:state', (e) => e.id === created.id && e.status === 'finished')
    const started = await studies.start(created.id)
    expect(started.status).toBe('running')
    await finished
    const mine = fx.events.filter((e) => (e.payload as { id?: string }).id === created.id)
    const trialEvents = mine
      .filter((e) => e.event === 'studies:trialChanged')
      .map((e) => e.payload as StudyTrialEvent)
    expect(trialEvents.filter((e) => e.trial.state === 'running')).toHaveLength(3)
    expect(trialEvents.filter((e) => e.trial.state === 'complete')).toHaveLength(3)
    const epochs = mine
      .filter((e) => e.event === 'studies:epoch')
      .map((e) => e.payload as StudyEpochEvent)
    expect(epochs).toHaveLength(3)
    for (const e of epochs) {
      expect(e).toMatchObject({ epoch: 1, epochs: 1, prune: false })
      expect(e.point.trainLoss).toBeGreaterThan(0)
      expect(e.point.valLoss).toBeGreaterThan(0)
      expect(e.point.objectives).toHaveLength(2)
    }

    const page = await studies.trials(created.id, 1, 10)
    expect(page.total).toBe(3)
    expect(page.rows.map((r) => r.number)).toEqual([1, 2])
    for (const row of page.rows) {
      expect(row).toMatchObject({ state: 'complete', provider: 'cpu', epochs: 1, error: null })
      expect(row.values).toHaveLength(2)
      expect(row.seconds).toBeGreaterThan(0)
    }
    const detail = await studies.trial(created.id, 0)
    const epoch = epochs.find((e) => e.trial === 0)
    expect(detail.curve).toEqual([epoch?.point])
    expect(detail.metrics?.mae).toBe(detail.values?.[0])

    const entry = (await studies.list()).find((s) => s.id === created.id)
    expect(entry).toMatchObject({
      status: 'finished',
      trials: 3,
      complete: 3,
      failed: 0,
      pruned: 0,
    })
    expect(entry?.elapsedMs).toBeGreaterThan(0)
    const view = await studies.get(created.id)
    expect(view.settings).toMatchObject({
      target: 'heat_mw',
      calendar: ['hour'],
      epochs: 1,
      origins: 2,
      workers: 2,
      sampler: 'random',
    })
    // The exports of the job are written where the README says.
    const exported = join(
      studies.studiesDir,
      'NHITS_Q_heat',
      'best_params_NHITS_Q_heat_First_study.json',
    )
    expect(JSON.parse(await readFile(exported, 'utf8'))).toMatchObject({
      job_id: 'First_study',
      n_trials: 3,
    })
  }, 120_000)
})
