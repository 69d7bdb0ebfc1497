// The preload exposes one method per channel and one subscription per event, nothing else: no
// generic send or invoke reaches the page.
import { describe, expect, it, vi } from 'vitest'
import { channels, eventNames } from '@shared/contract'

const exposed: Record<string, Record<string, unknown>> = {}
const invoked: { channel: string; payload: unknown }[] = []
const listeners = new Map<string, (event: unknown, payload: unknown) => void>()

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api),
  },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => {
      invoked.push({ channel, payload })
      return Promise.resolve({ ok: true, result: null })
    },
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) =>
      listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}))

describe('preload bridge', () => {
  it('exposes exactly one method per channel and one subscription per event', async () => {
    await import('../../../src-preload/index')
    const api = exposed.frontier
    const expected = [...Object.keys(channels), ...eventNames.map((e) => `on:${e}`)].sort()
    expect(Object.keys(api).sort()).toEqual(expected)
    for (const key of expected) expect(typeof api[key]).toBe('function')
  })

  it('forwards a call to its own channel only, and unsubscribes', async () => {
    const api = exposed.frontier as Record<string, (arg: unknown) => unknown>
    await api['datasets:list']({})
    expect(invoked).toEqual([{ channel: 'datasets:list', payload: {} }])
    const seen: unknown[] = []
    const off = api['on:datasets:changed']((p: unknown) => seen.push(p)) as () => void
    listeners.get('datasets:changed')?.({}, { ids: ['a'] })
    expect(seen).toEqual([{ ids: ['a'] }])
    off()
    expect(listeners.has('datasets:changed')).toBe(false)
  })
})
