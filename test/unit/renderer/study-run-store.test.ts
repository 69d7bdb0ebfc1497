// The run store against a scripted API: events for another study are ignored, a page that was
// fetched before an event does not overwrite the event's row, epochs build live curves, a
// trial's fetched curve keeps the epochs events added, and commands report refusals.
import { describe, expect, it } from 'vitest'
import type { EpochPoint, StudyEpochEvent, TrialRow } from '@shared/study-views'
import { ApiClient } from '../../../src-renderer/src/lib/api-client'
import { StudiesStore } from '../../../src-renderer/src/stores/studies.svelte'
import { StudyRunStore } from '../../../src-renderer/src/stores/study-run.svelte'
import { ScriptedApi } from '../../helpers/scripted-api'

const ID = 'NHITS_Q_heat/study_a.json'

const row = (number: number, state: TrialRow['state'] = 'running'): TrialRow => ({
  number,
  state,
  params: { lr: 0.01 },
  values: state === 'complete' ? [3, 4] : null,
  seconds: state === 'running' ? null : 9,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  provider: 'cpu',
  error: null,
  prunedReason: null,
  epochs: 0,
})
const point = (epoch: number): EpochPoint => ({
  epoch,
  trainLoss: 1 / epoch,
  valLoss: null,
  objectives: null,
})

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

function setUp() {
  const api = new ScriptedApi()
  const client = new ApiClient(api)
  const studies = new StudiesStore(client)
  const run = new StudyRunStore(client, studies)
  const off = run.subscribe()
  return { api, run, off }
}

const epoch = (trial: number, n: number, id = ID): StudyEpochEvent => ({
  id,
  trial,
  epoch: n,
  epochs: 5,
  point: point(n),
  prune: false,
})

describe('StudyRunStore', () => {
  it('loads the rows and ignores events of another study', async () => {
    const { api, run } = setUp()
    run.open(ID)
    expect(
      api.answer('studies:trials', { total: 2, offset: 0, rows: [row(0, 'complete'), row(1)] }),
    ).toEqual({
      id: ID,
      offset: 0,
      limit: 5000,
    })
    await tick()
    expect(run.loaded).toBe(true)
    expect(run.running).toEqual([1])
    api.emit('studies:trialChanged', { id: 'other.json', trial: row(1, 'complete') })
    api.emit('studies:state', { id: 'other.json', status: 'paused', running: [] })
    api.emit('studies:epoch', epoch(1, 1, 'other.json'))
    expect(run.rows[1].state).toBe('running')
    expect(run.status).toBeNull()
    expect(run.curves[1]).toBeUndefined()
  })

  it('keeps a row an event brought while the page was on its way', async () => {
    const { api, run } = setUp()
    run.open(ID)
    api.emit('studies:trialChanged', { id: ID, trial: row(1, 'complete') })
    api.emit('studies:trialChanged', { id: ID, trial: row(2) })
    // The page was read before trial 1 ended and before trial 2 started.
    api.answer('studies:trials', { total: 2, offset: 0, rows: [row(0, 'complete'), row(1)] })
    await tick()
    expect(run.rows.map((r) => [r.number, r.state])).toEqual([
      [0, 'complete'],
      [1, 'complete'],
      [2, 'running'],
    ])
    expect(run.running).toEqual([2])
  })

  it('reads the rows again when the open study is opened again, the old ones staying', async () => {
    const { api, run } = setUp()
    run.open(ID)
    api.answer('studies:trials', { total: 1, offset: 0, rows: [row(0)] })
    await tick()
    run.open(ID)
    expect(run.rows).toHaveLength(1)
    api.answer('studies:trials', { total: 2, offset: 0, rows: [row(0, 'complete'), row(1)] })
    await tick()
    expect(run.rows.map((r) => r.state)).toEqual(['complete', 'running'])
  })

  it('reads every page of a long study', async () => {
    const { api, run } = setUp()
    run.open(ID)
    const rows = Array.from({ length: 7000 }, (_, i) => row(i, 'complete'))
    api.answer('studies:trials', { total: 7000, offset: 0, rows: rows.slice(0, 5000) })
    await tick()
    expect(
      api.answer('studies:trials', { total: 7000, offset: 5000, rows: rows.slice(5000) }),
    ).toMatchObject({
      offset: 5000,
    })
    await tick()
    expect(run.rows).toHaveLength(7000)
  })

  it('draws epochs live and merges a late fetch of the trial’s curve with them', async () => {
    const { api, run } = setUp()
    run.open(ID)
    api.answer('studies:trials', { total: 1, offset: 0, rows: [row(0)] })
    await tick()
    // The running trial's curve so far is requested; epoch 3 arrives before the answer.
    api.emit('studies:epoch', epoch(0, 3))
    api.answer('studies:trial', {
      ...row(0),
      metrics: null,
      timings: null,
      curve: [point(1), point(2)],
    })
    await tick()
    expect(run.curves[0].curve.map((p) => p.epoch)).toEqual([1, 2, 3])
    expect(run.curves[0].epochs).toBe(5)
    // The trial ends: its curve goes, unless it is the selected one.
    api.emit('studies:trialChanged', { id: ID, trial: row(0, 'complete') })
    expect(run.running).toEqual([])
    expect(run.curves[0]).toBeUndefined()
  })

  it('says so when the trial to cancel was not running any more', async () => {
    const { api, run } = setUp()
    run.open(ID)
    const done = run.cancelTrial(ID, 4)
    expect(api.answer('studies:cancelTrial', { cancelled: false })).toEqual({ id: ID, trial: 4 })
    await done
    expect(run.actionError?.code).toBe('NOT_RUNNING')
    const refused = run.pause(ID)
    api.answer(
      'studies:pause',
      { code: 'NOT_RUNNING', message: 'The study is not running.' },
      false,
    )
    await refused
    expect(run.actionError?.message).toBe('The study is not running.')
    expect(run.busy).toBeNull()
  })

  it('takes the status from a command’s answer unless a state event came meanwhile', async () => {
    const { api, run } = setUp()
    run.open(ID)
    const paused = run.pause(ID)
    api.emit('studies:state', { id: ID, status: 'finished', running: [] })
    api.answer('studies:pause', { id: ID, status: 'paused' })
    await paused
    expect(run.status).toBe('finished')
    const resumed = run.resume(ID)
    api.answer('studies:resume', { id: ID, status: 'running' })
    await resumed
    expect(run.status).toBe('running')
  })
})
