// The study service over real tiny trials in worker processes: create from a draft (the
// dataset's roles and split in the run file), start, the events while it runs, the trials page,
// a trial's detail with its learning curve.

import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { StudyEpochEvent, StudyTrialEvent } from '@shared/study-views'
import { validateStudyConfig } from '../../../src-main/engine/hpo/study-config'
import { dispatch } from '../../../src-main/services/api-dispatch'
import { createHandlers } from '../../../src-main/services/api-handlers'
import { readRunSpec } from '../../../src-main/services/run-spec'
import { draftConfig } from '../../../src-main/services/study-draft'
import { lockPath } from '../../../src-main/services/study-lock'
import { useStudyFixture, TINY_SPACE, TINY_SPLIT, type Fixture } from './study-service-fixture'

const fixture = useStudyFixture()
let fx: Fixture
beforeEach(() => {
  fx = fixture()
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
    // The exported model was trained on the dataset's roles: the target and the hour column.
    const onnx = await readFile(
      join(studies.studiesDir, 'NHITS_Q_heat', 'model_NHITS_Q_heat_First_study.onnx'),
    )
    expect(onnx.includes(Buffer.from(JSON.stringify(['heat_mw', 'hour'])))).toBe(true)
  }, 120_000)
})

describe('StudyService set-up', () => {
  const ID = 'NHITS_Q_heat/study_NHITS_Q_heat_First_study.json'

  it('checks a draft with the engine’s messages on the right fields, counts configurations and draws the plan', async () => {
    const studies = fx.host.services.studies
    const narrowed = fx.draft('Narrowed', {
      space: { ...TINY_SPACE, lr: { kind: 'float', low: 1e-3, high: 1e-2, log: true } },
    })
    const ok = await studies.check(narrowed)
    expect(ok.problems).toEqual([])
    expect(ok.ok).toBe(true)
    expect(ok.configurations).toBeNull()
    expect(ok.suggestedSampler).toBe('gp')
    // Trials of the model ran here (the study above), so there is an estimate.
    expect(ok.estimateSeconds).toBeGreaterThan(0)
    expect(ok.estimateBasis).toMatch(/complete NHITS_Q trials on this machine/)
    const hour = 3600_000
    expect(ok.plan).toEqual({
      trainFrom: Date.UTC(2021, 0, 1),
      validationFrom: TINY_SPLIT.trainEnd,
      validationTo: TINY_SPLIT.valEnd,
      testTo: expect.any(Number),
      origins: [TINY_SPLIT.trainEnd + 168 * hour, TINY_SPLIT.trainEnd + 192 * hour],
      horizonMs: 24 * hour,
    })

    const discrete = Object.fromEntries(
      Object.entries(TINY_SPACE).map(([k, d]) => [
        k,
        d.kind === 'categorical' ? d : { kind: 'categorical' as const, choices: [d.low, d.high] },
      ]),
    )
    expect((await studies.check(fx.draft('Discrete', { space: discrete }))).configurations).toBe(
      2 * 2 ** 4,
    )

    const bad = fx.draft('First study', {
      space: { ...TINY_SPACE, dropout: { kind: 'float', low: 0, high: 1.5 } },
      origins: 40,
      budget: { trials: 500, seconds: null },
    })
    const check = await studies.check(bad)
    expect(check.ok).toBe(false)
    const config = draftConfig(bad, await fx.host.services.datasets.get(fx.datasetId), {
      timestamps: new Float64Array(0),
      columns: [],
    } as never)
    let engine = ''
    try {
      validateStudyConfig(config)
    } catch (error) {
      engine = (error as Error).message
    }
    expect(check.problems).toEqual([
      { field: 'name', message: expect.stringMatching(/named "First study" exists already/) },
      { field: 'dropout', message: engine },
      {
        field: 'origins',
        message: expect.stringMatching(/^The validation part has 576 time steps/),
      },
    ])
    expect(engine).toMatch(/^dropout: the range \[0, 1.5\] leaves what the model accepts/)
    expect(check.plan).toBeNull()
    expect(check.suggestedSampler).toBe('tpe')
    await expect(studies.create(bad)).rejects.toMatchObject({ code: 'DRAFT_INVALID' })
    await expect(studies.create(fx.draft('Other', { model: 'TFT_Q' }))).rejects.toMatchObject({
      code: 'DRAFT_INVALID',
      message: expect.stringMatching(/model: "TFT_Q" is not implemented yet/),
    })
    expect((await studies.list()).map((s) => s.name)).toEqual(['First study'])
  })

  it('offers the models that exist, with their spaces and defaults, and the sampler rule', async () => {
    const options = await fx.host.services.studies.options()
    expect(options.models.map((m) => m.name)).toEqual(['NHITS_Q'])
    expect(options.models[0].defaults).toEqual({
      epochs: 15,
      batchSize: 32,
      inputLength: 168,
      horizon: 24,
      origins: 10,
    })
    expect(options.models[0].params.find((p) => p.name === 'dropout')).toMatchObject({
      kind: 'float',
      min: 0,
      max: 0.9,
    })
    expect(options.samplers.map((s) => s.name)).toEqual(['random', 'lhs', 'tpe', 'nsga2', 'gp'])
    expect(options.pruners.find((p) => p.name === 'median')?.options).toEqual([
      'warmupSteps',
      'minCompleted',
    ])
    expect(options.providers.find((p) => p.name === 'cpu')?.available).toBe(true)
    expect(options.samplerRule).toMatch(/^gp for a budget of up to 200 trials, tpe beyond/)
  })

  it('clones a study with its space and settings, and deletes one only when it is not running', async () => {
    const studies = fx.host.services.studies
    const clone = await studies.clone(ID, 'Second study')
    expect(clone).toMatchObject({
      name: 'Second study',
      status: 'new',
      trials: 0,
      jobId: 'Second_study',
    })
    const [a, b] = await Promise.all([studies.get(ID), studies.get(clone.id)])
    expect(b.settings).toEqual(a.settings)
    await expect(studies.clone(ID, 'Second study')).rejects.toMatchObject({ code: 'NAME_TAKEN' })

    await studies.start(clone.id)
    await expect(studies.delete(clone.id)).rejects.toMatchObject({ code: 'STUDY_RUNNING' })
    await studies.cancel(clone.id)
    const path = join(studies.studiesDir, clone.id)
    expect(existsSync(path.replace(/\.json$/, '.run.json'))).toBe(true)
    expect(await studies.delete(clone.id)).toEqual({ deleted: true })
    for (const gone of [
      path,
      path.replace(/\.json$/, '.run.json'),
      path.replace(/\.json$/, '.artifacts'),
    ])
      expect(existsSync(gone)).toBe(false)
    expect((await studies.list()).map((s) => s.id)).toEqual([ID])
    await expect(studies.get(clone.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  }, 60_000)

  it('sees a study another live process runs, and refuses to start or delete it', async () => {
    const studies = fx.host.services.studies
    const lock = lockPath(join(studies.studiesDir, ID))
    // The test runner's parent process stands in for a `frontier run` elsewhere on this host.
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: '' }))
    expect((await studies.list()).find((s) => s.id === ID)?.status).toBe('running')
    await expect(studies.delete(ID)).rejects.toMatchObject({ code: 'STUDY_RUNNING' })
    await expect(studies.pause(ID)).rejects.toMatchObject({ code: 'STUDY_NOT_RUNNING' })
    // A lock whose process is gone is stale: the file's own state counts.
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: '' }))
    expect((await studies.list()).find((s) => s.id === ID)?.status).toBe('finished')
    await rm(lock)
  })

  it('answers the study channels over the contract: validated requests, coded errors', async () => {
    const handlers = createHandlers(fx.host.services, 'websocket')
    const badName = await dispatch(handlers, 'studies:create', { draft: fx.draft('no/slash') })
    expect(badName).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    const missing = await dispatch(handlers, 'studies:start', { id: 'NHITS_Q_heat/none.json' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const outside = await dispatch(handlers, 'studies:trials', {
      id: '../x.json',
      offset: 0,
      limit: 1,
    })
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    const idle = await dispatch(handlers, 'studies:pause', { id: ID })
    expect(idle).toMatchObject({ ok: false, error: { code: 'STUDY_NOT_RUNNING' } })
    const page = await dispatch(handlers, 'studies:trials', { id: ID, offset: 0, limit: 2 })
    expect(page).toMatchObject({ ok: true, result: { total: 3, offset: 0 } })
  })
})
