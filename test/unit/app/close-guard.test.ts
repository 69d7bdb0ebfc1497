// The close prompt wired to a window, with Electron's dialog replaced by scripted answers and the
// window by an event emitter: closing asks only while studies run, each answer acts, and a window
// hidden for its studies closes when they end.
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow } from 'electron'
import { EventBus } from '../../../src-main/services/event-bus'
import type { LiveStudies } from '../../../src-main/app/close-guard'

const answers: number[] = []
const asked: string[] = []
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (_window: unknown, options: { message: string }) => {
      asked.push(options.message)
      return { response: answers.shift() ?? 2 }
    },
    showErrorBox: () => {},
  },
}))

const { guardClose } = await import('../../../src-main/app/close-guard')

class FakeWindow extends EventEmitter {
  closed = false
  hidden = false
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.emit('close', event)
    if (!event.defaultPrevented) {
      this.closed = true
      this.emit('closed')
    }
  }
  hide() {
    this.hidden = true
  }
  isDestroyed() {
    return this.closed
  }
}

function studiesRunning(ids: string[]): LiveStudies & { live: string[]; stopped: number } {
  const studies = {
    live: [...ids],
    stopped: 0,
    liveIds: () => studies.live,
    stopAll: async () => {
      studies.stopped++
      studies.live = []
    },
    list: async () => studies.live.map((id) => ({ id, name: `study ${id}` }) as never),
  }
  return studies
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  answers.length = 0
  asked.length = 0
})

function setup(ids: string[]) {
  const window = new FakeWindow()
  const studies = studiesRunning(ids)
  const events = new EventBus()
  const guard = guardClose(window as unknown as BrowserWindow, studies, events)
  return { window, studies, events, guard }
}

describe('guardClose', () => {
  it('closes at once when nothing runs', () => {
    const { window } = setup([])
    window.close()
    expect(window.closed).toBe(true)
    expect(asked).toEqual([])
  })

  it('stops the studies, then closes, on "Stop the study"', async () => {
    const { window, studies } = setup(['a'])
    answers.push(0)
    window.close()
    expect(window.closed).toBe(false)
    await settle()
    expect(asked).toEqual(['“study a” is still running.'])
    expect(studies.stopped).toBe(1)
    expect(window.closed).toBe(true)
  })

  it('stays open on Cancel', async () => {
    const { window, studies } = setup(['a'])
    answers.push(2)
    window.close()
    await settle()
    expect(window.closed).toBe(false)
    expect(window.hidden).toBe(false)
    expect(studies.stopped).toBe(0)
  })

  it('hides for the background, and closes when the studies end', async () => {
    const { window, studies, events, guard } = setup(['a', 'b'])
    answers.push(1)
    window.close()
    await settle()
    expect(window.hidden).toBe(true)
    expect(window.closed).toBe(false)
    expect(guard.inBackground).toBe(true)
    studies.live = ['b']
    events.emit('studies:state', { id: 'a', status: 'finished', running: [] })
    expect(window.closed).toBe(false)
    studies.live = []
    events.emit('studies:state', { id: 'b', status: 'finished', running: [] })
    expect(window.closed).toBe(true)
    expect(studies.stopped).toBe(0)
  })

  it('keeps a window shown again open when its studies end', async () => {
    const { window, studies, events, guard } = setup(['a'])
    answers.push(1)
    window.close()
    await settle()
    guard.shown()
    studies.live = []
    events.emit('studies:state', { id: 'a', status: 'finished', running: [] })
    expect(window.closed).toBe(false)
  })

  it('asks once however often the user clicks close meanwhile', async () => {
    const { window } = setup(['a'])
    answers.push(2)
    window.close()
    window.close()
    await settle()
    expect(asked).toHaveLength(1)
  })
})
