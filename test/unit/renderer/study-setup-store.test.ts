// The setup store against a scripted main: the form from the options, checks whose answers
// overtake each other (only the newest lands), problems placed at their rows, Start blocked
// with a reason, and create or clone, then start, then the Studies view.
import { describe, expect, it } from 'vitest'
import type { Envelope, FrontierApi } from '@shared/contract'
import type { DraftCheck, StudyDetailView, StudyOptionsView } from '@shared/study-views'
import { ApiClient } from '../../../src-renderer/src/lib/api-client'
import { NavigationStore } from '../../../src-renderer/src/stores/navigation.svelte'
import { StudySetupStore } from '../../../src-renderer/src/stores/study-setup.svelte'
import { DATASET, studySettings } from './study-setup-fixtures'

const options: StudyOptionsView = {
  models: [
    {
      name: 'NHITS_Q',
      space: {
        num_stacks: { kind: 'int', low: 2, high: 5 },
        lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
      },
      params: [
        { name: 'num_stacks', kind: 'int', min: 1, max: 8, required: true, description: 'stacks' },
        { name: 'lr', kind: 'float', min: 1e-7, max: 1, required: true, description: 'lr' },
        {
          name: 'dropout',
          kind: 'float',
          min: 0,
          max: 0.9,
          required: false,
          description: 'dropout',
        },
      ],
      defaults: { epochs: 15, batchSize: 256, inputLength: 168, horizon: 24, origins: 10 },
    },
  ],
  samplers: [
    { name: 'tpe', description: 'TPE' },
    { name: 'random', description: 'random' },
  ],
  pruners: [{ name: 'none', description: 'none', options: [] }],
  providers: [{ name: 'cpu', available: true, note: 'always' }],
  cores: 2,
  samplerRule: 'tpe from 20 trials',
}

const okCheck = (over: Partial<DraftCheck> = {}): DraftCheck => ({
  ok: true,
  problems: [],
  configurations: null,
  estimateSeconds: null,
  estimateBasis: null,
  suggestedSampler: 'tpe',
  plan: null,
  ...over,
})

interface Call {
  channel: string
  payload: unknown
  resolve: (result: unknown) => void
  reject: (code: string, message: string) => void
}

/** Main as a script: each request waits until the test answers it. */
class ScriptedMain implements FrontierApi {
  calls: Call[] = []
  request(channel: string, payload: unknown): Promise<Envelope<never>> {
    return new Promise((done) => {
      this.calls.push({
        channel,
        payload,
        resolve: (result) => done({ ok: true, result } as Envelope<never>),
        reject: (code, message) => done({ ok: false, error: { code, message } }),
      })
    }) as never
  }
  on(): () => void {
    return () => undefined
  }
  /** The oldest unanswered call on `channel`. */
  take(channel: string): Call {
    const i = this.calls.findIndex((c) => c.channel === channel)
    if (i < 0)
      throw new Error(`no ${channel} request (have ${this.calls.map((c) => c.channel).join(', ')})`)
    return this.calls.splice(i, 1)[0]
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

/** The draft on screen checked, and found fine. */
async function passCheck(main: ScriptedMain, store: StudySetupStore) {
  store.scheduleCheck()
  await tick()
  main.take('studies:check').resolve(okCheck())
  await tick()
}

async function opened(request = {}) {
  const main = new ScriptedMain()
  const navigation = new NavigationStore()
  const store = new StudySetupStore(new ApiClient(main), navigation, 0)
  const done = store.open(request)
  await tick()
  main.take('studies:options').resolve(options)
  main.take('datasets:list').resolve([{ id: DATASET, name: 'heat' }])
  await tick()
  main.take('datasets:get').resolve({ id: DATASET, name: 'heat' })
  await done
  return { main, navigation, store }
}

describe('StudySetupStore', () => {
  it('builds the form from the model’s defaults and loads the dataset it is on', async () => {
    const { store } = await opened()
    expect(store.form?.model).toBe('NHITS_Q')
    expect(store.form?.datasetId).toBe(DATASET)
    expect(store.form?.space.map((r) => r.name)).toEqual(['num_stacks', 'lr'])
    expect(store.record?.id).toBe(DATASET)
    expect(store.result?.ok).toBe(true)
    // Nothing is checked yet: Start waits for main.
    expect(store.blocked).toBe('Checking the draft…')
  })

  it('lets only the newest check answer land, whatever order they come in', async () => {
    const { main, store } = await opened()
    const form = store.form!
    form.space[0].high = '4'
    store.scheduleCheck()
    await tick()
    const first = main.take('studies:check')
    form.space[0].high = '3'
    store.scheduleCheck()
    await tick()
    const second = main.take('studies:check')
    expect(store.checking).toBe(true)
    second.resolve(okCheck({ configurations: null, estimateSeconds: 30 }))
    await tick()
    first.resolve(okCheck({ ok: false, problems: [{ field: 'num_stacks', message: 'old' }] }))
    await tick()
    expect(store.check?.estimateSeconds).toBe(30)
    expect(store.checking).toBe(false)
    expect(store.checkIsCurrent).toBe(true)
    expect(store.blocked).toBeNull()
  })

  it('places main’s problems at their rows and blocks Start until they are fixed', async () => {
    const { main, store } = await opened()
    store.form!.space[1].low = '0.1'
    store.scheduleCheck()
    await tick()
    const message =
      'lr: low (0.1) must be below high (0.01); to fix a value, use a categorical with one choice.'
    main.take('studies:check').resolve(
      okCheck({
        ok: false,
        problems: [
          { field: 'lr', message },
          { field: null, message: 'The split is short.' },
        ],
      }),
    )
    await tick()
    expect(store.placed.at.get('lr')).toEqual([message])
    expect(store.placed.top).toEqual(['The split is short.'])
    expect(store.blocked).toBe('Fix the 2 problems marked above.')
    // An edit makes the answer stale: its problems are not shown for the new draft.
    store.form!.space[1].low = '0.001'
    expect(store.placed.at.get('lr')).toBeUndefined()
    expect(store.blocked).toBe('Checking the draft…')
  })

  it('names a field that does not read without asking main', async () => {
    const { main, store } = await opened()
    store.form!.space[1].low = '1e-'
    store.scheduleCheck()
    await tick()
    expect(main.calls.some((c) => c.channel === 'studies:check')).toBe(false)
    expect(store.placed.at.get('lr')).toEqual(['lr: low: "1e-" is not a number.'])
    expect(store.blocked).toBe('Fix the problem marked above.')
  })

  it('shows a failed check and asks again on request', async () => {
    const { main, store } = await opened()
    store.scheduleCheck()
    await tick()
    main.take('studies:check').reject('CONNECTION_LOST', 'The connection to Frontier was lost.')
    await tick()
    expect(store.checkError?.code).toBe('CONNECTION_LOST')
    expect(store.blocked).toBe('The draft could not be checked (see the message above).')
    store.recheck()
    expect(store.checkError).toBeNull()
    await tick()
    main.take('studies:check').resolve(okCheck())
    await tick()
    expect(store.blocked).toBeNull()
  })

  it('sends the sampler the budget suggests until the user picks one', async () => {
    const { main, store } = await opened()
    store.scheduleCheck()
    await tick()
    const first = main.take('studies:check')
    expect((first.payload as { draft: { sampler: string } }).draft.sampler).toBe('tpe')
    first.resolve(okCheck({ suggestedSampler: 'gp' }))
    await tick()
    expect(store.suggested).toBe('gp')
    expect(store.result?.ok && store.result.draft.sampler).toBe('gp')
    expect(store.checkIsCurrent).toBe(false)
    store.form!.sampler = 'random'
    expect(store.result?.ok && store.result.draft.sampler).toBe('random')
  })

  it('creates, starts and opens the study in the Studies view', async () => {
    const { main, navigation, store } = await opened()
    await passCheck(main, store)
    const submitted = store.submit()
    await tick()
    const create = main.take('studies:create')
    expect((create.payload as { draft: { name: string } }).draft.name).toBe(store.form!.name)
    create.resolve({ id: 'NHITS_Q_heat/study.json' })
    await tick()
    main.take('studies:start').resolve({ id: 'NHITS_Q_heat/study.json' })
    await submitted
    expect(navigation.route).toEqual({ view: 'studies', studyId: 'NHITS_Q_heat/study.json' })
  })

  it('keeps a created study whose start failed, and then only starts it', async () => {
    const { main, store } = await opened()
    await passCheck(main, store)
    const first = store.submit()
    await tick()
    main.take('studies:create').resolve({ id: 's.json' })
    await tick()
    main.take('studies:start').reject('NO_WORKERS', 'No worker could start.')
    await first
    expect(store.submitError?.code).toBe('NO_WORKERS')
    expect(store.created?.entry.id).toBe('s.json')
    const again = store.submit()
    await tick()
    expect(main.calls.map((c) => c.channel)).toEqual(['studies:start'])
    main.take('studies:start').resolve({ id: 's.json' })
    await again
  })

  it('clones an unedited copy and creates an edited one', async () => {
    const source = {
      id: 'NHITS_Q_heat/study_a.json',
      name: 'NHITS_Q_heat_a',
      jobId: 'a',
      datasetId: DATASET,
      settings: studySettings({
        space: {
          num_stacks: { kind: 'int', low: 1, high: 2 },
          lr: { kind: 'float', low: 1e-4, high: 1e-3 },
        },
      }),
    } as unknown as StudyDetailView
    for (const edit of [false, true]) {
      const main = new ScriptedMain()
      const store = new StudySetupStore(new ApiClient(main), new NavigationStore(), 0)
      const done = store.open({ cloneOf: source.id })
      await tick()
      main.take('studies:options').resolve(options)
      main.take('datasets:list').resolve([{ id: DATASET, name: 'heat' }])
      main.take('studies:get').resolve(source)
      await tick()
      main.take('datasets:get').resolve({ id: DATASET })
      await done
      expect(store.form?.name).toBe('a-copy')
      expect(store.form?.space[0].high).toBe('2')
      if (edit) store.form!.space[0].high = '3'
      store.scheduleCheck()
      await tick()
      main.take('studies:check').resolve(okCheck())
      await tick()
      const submitted = store.submit()
      await tick()
      if (edit) {
        const create = main.take('studies:create')
        expect((create.payload as { draft: { space: unknown } }).draft.space).toEqual({
          num_stacks: { kind: 'int', low: 1, high: 3 },
          lr: { kind: 'float', low: 1e-4, high: 1e-3 },
        })
        create.resolve({ id: 'b.json' })
      } else {
        const clone = main.take('studies:clone')
        expect(clone.payload).toEqual({ id: source.id, name: 'a-copy' })
        clone.resolve({ id: 'b.json' })
      }
      await tick()
      const start = main.take('studies:start')
      expect(start.payload).toEqual({ id: 'b.json' })
      start.resolve({ id: 'b.json' })
      await submitted
      expect(main.calls).toEqual([])
    }
  })
})
