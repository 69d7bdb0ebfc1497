// The app's view of the studies in the data folder: the list, a study's front with validation
// metrics, and confirming the front on the test split over the contract (progress events, the
// stored result shown on the next open), with ids that cannot leave the studies folder.

import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StudyConfirmProgress, StudyDetailView } from '@shared/study-views'
import { dispatch } from '../../../src-main/services/api-dispatch'
import { createHandlers } from '../../../src-main/services/api-handlers'
import { createServices, type ServiceHost } from '../../../src-main/services/create-services'
import { readStudyFile } from '../../../src-main/engine/store/study-file-access'
import { tempDir } from '../../helpers/temp-dir'
import { tinyStudy } from './tiny-study'

const ID = 'NHITS_Q_heat/study_NHITS_Q_heat_svc.json'
let dir: Awaited<ReturnType<typeof tempDir>>
let host: ServiceHost
let studyPath = ''

beforeAll(async () => {
  dir = await tempDir('studies')
  const studies = join(dir.path, 'studies')
  studyPath = await tinyStudy(studies)
  // Neither an export nor a foreign JSON file is a study.
  await writeFile(join(studies, 'best_params_NHITS.json'), '{"num_stacks":2}')
  await mkdir(join(studies, 'other'), { recursive: true })
  await writeFile(join(studies, 'other', 'notes.json'), '{"hello":"world"}')
  host = await createServices({
    dataDir: dir.path,
    demoDir: join(process.cwd(), 'resources', 'datasets'),
    version: '0.0.0-test',
  })
}, 60_000)
afterAll(() => dir.remove())

describe('StudyService: list, front and confirmation', () => {
  it('lists the studies of the data folder and shows a study’s front with validation metrics', async () => {
    const list = await host.services.studies.list()
    expect(list).toEqual([
      expect.objectContaining({
        id: ID,
        name: 'NHITS_Q_heat_svc',
        model: 'NHITS_Q',
        dataset: 'heat',
        jobId: 'svc',
        trials: 2,
        complete: 2,
        running: 0,
        confirmedAt: null,
      }),
    ])
    const study = await host.services.studies.get(ID)
    expect(study.frontTrials.length).toBe(list[0].front)
    expect(study.confirmProblem).toBeNull()
    for (const t of study.frontTrials) {
      expect(t.hasModel).toBe(true)
      expect(t.test).toBeNull()
      expect(t.validation.mae).toBe(t.values[0])
      expect(t.validation.picp).toEqual(expect.any(Number))
      expect(t.params).toHaveProperty('layer_widths')
    }
    expect(study.frontTrials.flatMap((t) => t.picks)).toContain('balanced')
  })

  it('confirms the front over the contract, reports progress, and shows the stored result on open', async () => {
    const handlers = createHandlers(host.services, 'websocket')
    const progress: StudyConfirmProgress[] = []
    const stop = host.events.subscribe((event, payload) => {
      if (event === 'studies:progress') progress.push(payload as StudyConfirmProgress)
    })
    const envelope = await dispatch(handlers, 'studies:confirm', { id: ID })
    stop()
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true)
    const confirmed = (envelope as { result: StudyDetailView }).result
    const n = confirmed.frontTrials.length
    expect(progress.map((p) => p.done)).toEqual([...Array(n + 1).keys()])
    expect(progress.at(-1)).toEqual({ id: ID, done: n, total: n, trial: null })
    const file = await readStudyFile(studyPath)
    for (const t of confirmed.frontTrials) {
      const stored = file.confirmations.find((c) => c.trial === t.trial)
      expect(t.test?.metrics.mae).toBe(stored?.metrics.mae)
      expect(t.test?.metrics.mae).not.toBe(t.validation.mae)
      expect(t.test).toMatchObject({ origins: 2, horizon: 24, from: '2021-03-22T00:00:00.000Z' })
    }
    expect(confirmed.confirmedAt).toBe(file.confirmations[0].confirmedAt)
    const reopened = await host.services.studies.get(ID)
    expect(reopened.frontTrials).toEqual(confirmed.frontTrials)
    expect((await host.services.studies.list())[0].confirmedAt).toBe(confirmed.confirmedAt)
  })

  it('refuses ids outside the studies folder and bad selections', async () => {
    const handlers = createHandlers(host.services, 'ipc')
    for (const id of ['../secret.json', 'a/../../b.json', '/etc/passwd.json', 'x.txt']) {
      const envelope = await dispatch(handlers, 'studies:get', { id })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    }
    await expect(host.services.studies.get('../../x.json')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await dispatch(handlers, 'studies:get', { id: 'NHITS_Q_heat/none.json' })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    )
    const bad = await dispatch(handlers, 'studies:confirm', { id: ID, trials: 'best' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    const missing = await dispatch(handlers, 'studies:confirm', { id: ID, trials: [9] })
    expect(missing).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TRIAL' } })
  })
})
