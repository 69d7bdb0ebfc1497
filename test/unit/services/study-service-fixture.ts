// A data folder with the heat demo imported as a dataset whose split leaves two months of
// training (as the CLI's tiny study does; validation long enough for the default 10 origins, as
// the Datasets view asks), the services over it, and drafts of tiny studies:
// one-layer 8–16 wide networks, two origins, one epoch, on the CPU.

import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { EventName, Events } from '@shared/contract'
import type { StudyDraft } from '@shared/study-schemas'
import { defaultSearchSpace } from '../../../src-main/engine/hpo/default-spaces'
import type { SearchSpace } from '../../../src-main/engine/hpo/search-space'
import { createServices, type ServiceHost } from '../../../src-main/services/create-services'
import { NodeWorkerHost } from '../../../src-main/worker/node-worker-host'
import type { WorkerHost } from '../../../src-main/worker/worker-host'
import { tempDir } from '../../helpers/temp-dir'

export const TINY_SPACE: SearchSpace = {
  ...defaultSearchSpace('NHITS_Q'),
  num_stacks: { kind: 'int', low: 1, high: 2 },
  num_blocks: { kind: 'categorical', choices: [1] },
  num_layers: { kind: 'categorical', choices: [1] },
  layer_widths: { kind: 'categorical', choices: [8, 16] },
}

export const TINY_SPLIT = {
  kind: 'dates' as const,
  trainEnd: Date.UTC(2021, 2, 1),
  valEnd: Date.UTC(2021, 2, 25),
}

export interface Fixture {
  dir: { path: string; remove(): Promise<void> }
  host: ServiceHost
  datasetId: string
  events: { event: EventName; payload: unknown }[]
  draft(name: string, changes?: Partial<StudyDraft>): StudyDraft
  /** Resolves on the first event of that name the predicate accepts. */
  next<E extends EventName>(event: E, accept?: (payload: Events[E]) => boolean): Promise<Events[E]>
}

/** A Node worker host that remembers the pid of every worker it started, in order. */
export function recordingHost(pids: number[]): () => WorkerHost {
  return () => {
    const inner = new NodeWorkerHost()
    return {
      name: inner.name,
      spawn: () => {
        const handle = inner.spawn()
        if (handle.pid !== undefined) pids.push(handle.pid)
        return handle
      },
    }
  }
}

export async function studyFixture(workerHost?: () => WorkerHost): Promise<Fixture> {
  const dir = await tempDir('study-service')
  const host = await createServices({
    dataDir: dir.path,
    demoDir: join(process.cwd(), 'resources', 'datasets'),
    version: '0.0.0-test',
    workerHost,
  })
  const { dataset } = await host.services.datasets.importDemo('heat')
  await host.services.datasets.setSplit(dataset.id, TINY_SPLIT)
  const events: Fixture['events'] = []
  const waiters = new Set<{
    event: EventName
    accept: (p: unknown) => boolean
    resolve: (p: unknown) => void
  }>()
  host.events.subscribe((event, payload) => {
    events.push({ event, payload })
    for (const w of waiters)
      if (w.event === event && w.accept(payload)) {
        waiters.delete(w)
        w.resolve(payload)
      }
  })
  return {
    dir,
    host,
    datasetId: dataset.id,
    events,
    draft: (name, changes = {}) => ({
      name,
      datasetId: dataset.id,
      model: 'NHITS_Q',
      space: structuredClone(TINY_SPACE),
      picpTarget: 80,
      origins: 2,
      horizon: 24,
      budget: { trials: 3, seconds: null },
      epochs: 1,
      sampler: 'random',
      pruner: 'none',
      workers: 2,
      provider: 'cpu',
      seed: 42,
      timeoutS: null,
      ...changes,
    }),
    next: (event, accept = () => true) =>
      new Promise((resolve) =>
        waiters.add({
          event,
          accept: accept as (p: unknown) => boolean,
          resolve: resolve as (p: unknown) => void,
        }),
      ),
  }
}

/** The fixture for one test file: made before its tests, its runs stopped and folder removed after. */
export function useStudyFixture(workerHost?: () => WorkerHost): () => Fixture {
  let fx: Fixture | null = null
  beforeAll(async () => {
    fx = await studyFixture(workerHost)
  }, 60_000)
  afterAll(async () => {
    await fx?.host.services.studies.stopAll({ force: true })
    await fx?.dir.remove()
  })
  return () => {
    if (!fx) throw new Error('the study fixture is made in beforeAll')
    return fx
  }
}
