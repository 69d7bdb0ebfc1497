// The studies list follows the run: `studies:changed` reads the list and the open study again,
// `studies:state` patches the status in place, a command's answer replaces the entry.
import { describe, expect, it } from 'vitest'
import type { StudyDetailView, StudyListEntry } from '@shared/study-views'
import { ApiClient } from '../../../src-renderer/src/lib/api-client'
import { StudiesStore } from '../../../src-renderer/src/stores/studies.svelte'
import { ScriptedApi } from '../../helpers/scripted-api'

const entry = (id: string, over: Partial<StudyListEntry> = {}): StudyListEntry => ({
  id,
  name: id,
  model: 'NHITS_Q',
  dataset: 'heat',
  jobId: 'local',
  trials: 0,
  complete: 0,
  running: 0,
  front: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  confirmedAt: null,
  status: 'new',
  failed: 0,
  pruned: 0,
  budget: { trials: 8, seconds: null },
  elapsedMs: 0,
  datasetId: null,
  ...over,
})
const detail = (e: StudyListEntry): StudyDetailView => ({
  ...e,
  frontTrials: [],
  confirmProblem: null,
  settings: null,
})
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

async function opened() {
  const api = new ScriptedApi()
  const studies = new StudiesStore(new ApiClient(api))
  studies.subscribe()
  const loaded = studies.refresh()
  api.answer('studies:list', [entry('a.json'), entry('b.json')])
  await tick()
  api.answer('studies:get', detail(entry('a.json')))
  await loaded
  return { api, studies }
}

describe('StudiesStore while studies run', () => {
  it('reads the list and the open study again when it changed', async () => {
    const { api, studies } = await opened()
    api.emit('studies:changed', { ids: ['a.json'] })
    api.answer('studies:list', [entry('a.json', { trials: 2, complete: 1 }), entry('b.json')])
    api.answer('studies:get', detail(entry('a.json', { trials: 2, complete: 1 })))
    await tick()
    expect(studies.list[0].complete).toBe(1)
    expect(studies.selected?.complete).toBe(1)
  })

  it('does not read the open study again when another one changed', async () => {
    const { api, studies } = await opened()
    api.emit('studies:changed', { ids: ['b.json'] })
    expect(api.pending.map((p) => p.channel)).toEqual(['studies:list'])
    api.answer('studies:list', [entry('a.json'), entry('b.json', { trials: 1 })])
    await tick()
    expect(studies.list[1].trials).toBe(1)
  })

  it('patches the status from state events and takes a command’s entry whole', async () => {
    const { api, studies } = await opened()
    api.emit('studies:state', { id: 'b.json', status: 'running', running: [0, 1] })
    expect(studies.list[1]).toMatchObject({ status: 'running', running: 2 })
    studies.applyEntry(entry('a.json', { status: 'paused', elapsedMs: 5000 }))
    expect(studies.list[0].status).toBe('paused')
    expect(studies.selected).toMatchObject({ status: 'paused', elapsedMs: 5000, frontTrials: [] })
  })
})
