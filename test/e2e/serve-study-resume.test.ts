// `frontier serve` runs a study in its own workers and survives its end: SIGKILLed mid-study it
// leaves an interrupted study that the next serve resumes without losing a completed trial;
// SIGTERM stops the running study cleanly (trials interrupted and queued, nothing left running)
// before it exits; the third serve runs the study to the end. No browser: the API only.

import type { ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '@shared/contract'
import type { StudyListEntry, TrialsPage } from '@shared/study-views'
import { TINY_SPACE, TINY_SPLIT } from '../unit/services/study-service-fixture'
import { apiRequest, startServe, stopServe } from './serve-session'

let dataDir = ''
let serve: { child: ChildProcess; url: string } | null = null

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'frontier-e2e-resume-'))
})
afterAll(async () => {
  await stopServe(serve?.child ?? null)
  await rm(dataDir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function entry(url: string, id: string): Promise<StudyListEntry> {
  const list = await apiRequest<StudyListEntry[]>(url, 'studies:list', {})
  const found = list.find((s) => s.id === id)
  if (!found) throw new Error(`no study ${id}`)
  return found
}

async function until(
  url: string,
  id: string,
  ok: (e: StudyListEntry) => boolean,
): Promise<StudyListEntry> {
  for (;;) {
    const e = await entry(url, id)
    if (ok(e)) return e
    await sleep(250)
  }
}

function completed(page: TrialsPage) {
  return page.rows
    .filter((r) => r.state === 'complete')
    .map((r) => ({ n: r.number, params: r.params, values: r.values }))
}

describe('a study under frontier serve', () => {
  it('resumes after a SIGKILL, stops cleanly on SIGTERM, and finishes without losing a trial', async () => {
    serve = await startServe(dataDir)
    const { dataset } = await apiRequest<ImportResult>(serve.url, 'datasets:importDemo', {
      demo: 'heat',
    })
    await apiRequest(serve.url, 'datasets:setSplit', { id: dataset.id, split: TINY_SPLIT })
    const draft = {
      name: 'Survivor',
      datasetId: dataset.id,
      model: 'NHITS_Q',
      space: TINY_SPACE,
      picpTarget: 80,
      origins: 2,
      horizon: 24,
      budget: { trials: 5, seconds: null },
      epochs: 3,
      sampler: 'random',
      pruner: 'none',
      workers: 1,
      provider: 'cpu',
      seed: 42,
      timeoutS: null,
    }
    const { id } = await apiRequest<StudyListEntry>(serve.url, 'studies:create', { draft })
    await apiRequest(serve.url, 'studies:start', { id })
    await until(serve.url, id, (e) => e.complete >= 1 && e.running === 1)
    serve.child.kill('SIGKILL')
    await new Promise((ok) => serve?.child.once('exit', ok))

    serve = await startServe(dataDir)
    // The trials the killed serve left running are not counted as running.
    expect(await entry(serve.url, id)).toMatchObject({ status: 'interrupted', running: 0 })
    const before = completed(
      await apiRequest<TrialsPage>(serve.url, 'studies:trials', { id, offset: 0, limit: 100 }),
    )
    expect(before.length).toBeGreaterThanOrEqual(1)
    await apiRequest(serve.url, 'studies:start', { id })
    await until(serve.url, id, (e) => e.complete >= before.length + 1 && e.running === 1)
    const exited = new Promise<number | null>((ok) => serve?.child.once('exit', ok))
    serve.child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const file = JSON.parse(await readFile(join(dataDir, 'studies', id), 'utf8')) as {
      trials: { state: string; error: { code: string } | null }[]
    }
    expect(file.trials.some((t) => t.state === 'running')).toBe(false)
    expect(
      file.trials.filter((t) => t.error?.code === 'INTERRUPTED').length,
    ).toBeGreaterThanOrEqual(2)

    serve = await startServe(dataDir)
    expect((await entry(serve.url, id)).status).toBe('stopped')
    await apiRequest(serve.url, 'studies:start', { id })
    const done = await until(serve.url, id, (e) => e.status === 'finished')
    expect(done).toMatchObject({ trials: 5, complete: 5, failed: 0, running: 0 })
    const after = completed(
      await apiRequest<TrialsPage>(serve.url, 'studies:trials', { id, offset: 0, limit: 100 }),
    )
    for (const trial of before) expect(after).toContainEqual(trial)
  }, 240_000)
})
