// The study commands: offered only while the Studies view shows a study, as its live status
// allows (start or resume, pause, stop), never while a command on it is still running.
import { describe, expect, it } from 'vitest'
import type { StudyStatus } from '@shared/study-views'
import type { ActionApp } from '../../../src-renderer/src/lib/actions/action-app'
import {
  pauseStudy,
  startStudy,
  stopStudy,
} from '../../../src-renderer/src/lib/actions/study-actions'

function app(options: {
  view?: 'studies' | 'datasets'
  status?: StudyStatus
  live?: StudyStatus | null
  settings?: boolean
  busy?: string | null
}) {
  const calls: string[] = []
  const fake = {
    navigation: { route: { view: options.view ?? 'studies' } },
    studies: {
      selected: {
        id: 's1',
        status: options.status ?? 'new',
        settings: options.settings === false ? null : {},
      },
    },
    run: {
      studyId: 's1',
      status: options.live ?? null,
      busy: options.busy ?? null,
      start: async (id: string) => void calls.push(`start ${id}`),
      resume: async (id: string) => void calls.push(`resume ${id}`),
      pause: async (id: string) => void calls.push(`pause ${id}`),
      cancel: async (id: string) => void calls.push(`cancel ${id}`),
    },
  }
  return { app: fake as unknown as ActionApp, calls }
}

const offered = (a: ActionApp) =>
  [startStudy, pauseStudy, stopStudy].filter((x) => x.enabled(a)).map((x) => x.id)

describe('study actions', () => {
  it('follow the live status over the one in the record', async () => {
    expect(offered(app({ status: 'new' }).app)).toEqual(['study.start'])
    const running = app({ status: 'new', live: 'running' })
    expect(offered(running.app)).toEqual(['study.pause', 'study.stop'])
    await pauseStudy.run(running.app)
    await stopStudy.run(running.app)
    expect(running.calls).toEqual(['pause s1', 'cancel s1'])
  })

  it('resume a paused study and start a stopped one again', async () => {
    const paused = app({ live: 'paused' })
    expect(offered(paused.app)).toEqual(['study.start', 'study.stop'])
    await startStudy.run(paused.app)
    const stopped = app({ status: 'stopped' })
    await startStudy.run(stopped.app)
    expect([...paused.calls, ...stopped.calls]).toEqual(['resume s1', 'start s1'])
  })

  it('offer nothing off the Studies view, while busy, finished, or without a run file', () => {
    expect(offered(app({ view: 'datasets', live: 'running' }).app)).toEqual([])
    expect(offered(app({ live: 'running', busy: 'pause' }).app)).toEqual([])
    expect(offered(app({ status: 'finished' }).app)).toEqual([])
    expect(offered(app({ status: 'stopped', settings: false }).app)).toEqual([])
  })
})
