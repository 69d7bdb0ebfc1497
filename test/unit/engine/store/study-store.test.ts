import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Study } from '../../../../src-main/engine/hpo/study'
import {
  createPersistentStudy,
  openPersistentStudy,
} from '../../../../src-main/engine/store/persistent-study'
import { CURRENT_SCHEMA_VERSION } from '../../../../src-main/engine/store/study-file'
import { StudyStore, artifactsDirFor } from '../../../../src-main/engine/store/study-store'
import { tempDir } from '../../../helpers/temp-dir'
import { fakeObjectives, nhitsConfig } from '../hpo/study-fixtures'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => (dir = await tempDir('store')))
afterEach(() => dir.remove())

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'))

describe('study store', () => {
  it('writes the study file at creation and on every trial state change', async () => {
    const path = join(dir.path, 'heat.json')
    const { study } = await createPersistentStudy(path, nhitsConfig())
    expect((await readJson(path)).schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    const { trialId, params } = await study.ask()
    expect((await readJson(path)).trials[0].state).toBe('running')
    await study.tell(trialId, {
      state: 'complete',
      values: fakeObjectives(params),
      metrics: { picp: 78 },
    })
    const saved = await readJson(path)
    expect(saved.trials[0]).toMatchObject({ state: 'complete', metrics: { picp: 78 } })
    expect(saved.config.space.lr).toEqual({ kind: 'float', low: 1e-5, high: 1e-2, log: true })
  })

  it('refuses to overwrite an existing study and reports a missing one', async () => {
    const path = join(dir.path, 'heat.json')
    await createPersistentStudy(path, nhitsConfig())
    await expect(createPersistentStudy(path, nhitsConfig())).rejects.toMatchObject({
      code: 'STUDY_EXISTS',
    })
    await expect(StudyStore.open(join(dir.path, 'nope.json'))).rejects.toMatchObject({
      code: 'STUDY_NOT_FOUND',
    })
  })

  it('batches intermediate reports and writes them on flush', async () => {
    const path = join(dir.path, 'heat.json')
    const { study, store } = await createPersistentStudy(path, nhitsConfig(), {
      flushIntervalMs: 60_000,
    })
    const { trialId } = await study.ask()
    for (let epoch = 0; epoch < 5; epoch++) study.report(trialId, epoch, { loss: 1 / (epoch + 1) })
    expect((await readJson(path)).trials[0].intermediate).toHaveLength(0)
    await store.flush()
    expect((await readJson(path)).trials[0].intermediate).toHaveLength(5)
  })

  it('writes batched reports by itself after the flush interval', async () => {
    const path = join(dir.path, 'heat.json')
    const { study } = await createPersistentStudy(path, nhitsConfig(), { flushIntervalMs: 20 })
    const { trialId } = await study.ask()
    study.report(trialId, 0, { loss: 1 })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((await readJson(path)).trials[0].intermediate).toHaveLength(1)
  })

  it('resumes a study: interrupted trials become failed and are retried, numbering goes on', async () => {
    const path = join(dir.path, 'heat.json')
    const first = await createPersistentStudy(
      path,
      nhitsConfig({ budget: { trials: 4, seconds: null } }),
    )
    const a = await first.study.ask()
    await first.study.tell(a.trialId, { state: 'complete', values: fakeObjectives(a.params) })
    const b = await first.study.ask() // the "crash": never told
    await writeFile(`${path}.deadbeef.tmp`, '{"half": ') // a write the crash cut short

    const reopened = await openPersistentStudy(path)
    expect(reopened.recovered).toEqual([b.trialId])
    expect((await readJson(path)).trials[1]).toMatchObject({
      state: 'failed',
      error: { code: 'INTERRUPTED' },
    })
    expect((await readdir(dir.path)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const retry = await reopened.study.ask()
    expect(retry).toEqual({ trialId: 2, params: b.params })
    await reopened.study.tell(retry.trialId, {
      state: 'complete',
      values: fakeObjectives(retry.params),
    })
    while (reopened.study.canAsk()) {
      const next = await reopened.study.ask()
      await reopened.study.tell(next.trialId, {
        state: 'complete',
        values: fakeObjectives(next.params),
      })
    }
    const saved = await readJson(path)
    expect(saved.trials.filter((t: { state: string }) => t.state === 'complete')).toHaveLength(4)
  })

  it('resumes with the same suggestions an uninterrupted study makes', async () => {
    const path = join(dir.path, 'heat.json')
    const whole = Study.create(nhitsConfig({ budget: { trials: 14, seconds: null } }))
    while (whole.canAsk()) {
      const t = await whole.ask()
      await whole.tell(t.trialId, { state: 'complete', values: fakeObjectives(t.params) })
    }
    const first = await createPersistentStudy(
      path,
      nhitsConfig({ budget: { trials: 14, seconds: null } }),
    )
    for (let i = 0; i < 11; i++) {
      const t = await first.study.ask()
      await first.study.tell(t.trialId, { state: 'complete', values: fakeObjectives(t.params) })
    }
    const { study } = await openPersistentStudy(path)
    while (study.canAsk()) {
      const t = await study.ask()
      await study.tell(t.trialId, { state: 'complete', values: fakeObjectives(t.params) })
    }
    expect(study.trials.map((t) => t.params)).toEqual(whole.trials.map((t) => t.params))
  })

  it('refuses damaged, foreign and newer files with actionable errors', async () => {
    const path = join(dir.path, 'bad.json')
    await writeFile(path, '{"schemaVersion": 1, "trials": [')
    await expect(StudyStore.open(path)).rejects.toMatchObject({ code: 'STUDY_FILE_CORRUPT' })
    await writeFile(path, '{"hello": "world"}')
    await expect(StudyStore.open(path)).rejects.toMatchObject({ code: 'STUDY_FILE_INVALID' })
    await writeFile(path, '{"schemaVersion": 99}')
    await expect(StudyStore.open(path)).rejects.toMatchObject({ code: 'STUDY_FROM_NEWER_VERSION' })
    const good = join(dir.path, 'good.json')
    await createPersistentStudy(good, nhitsConfig())
    const doc = await readJson(good)
    doc.trials = [{ number: 0, state: 'exploded' }]
    await writeFile(path, JSON.stringify(doc))
    await expect(StudyStore.open(path)).rejects.toMatchObject({
      code: 'STUDY_FILE_INVALID',
      message: expect.stringContaining('trials.0'),
    })
  })

  it('puts artifacts in a folder beside the study file', () => {
    expect(artifactsDirFor('/data/studies/heat.json')).toBe('/data/studies/heat.artifacts')
  })
})
