// The Electron IPC transport, with Electron replaced by a recorder: every channel of the
// contract gets an invoke handler that answers through the shared dispatch, and service events
// reach every window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { channels } from '@shared/contract'
import { createServices, type ServiceHost } from '../../../src-main/services/create-services'
import { tempDir } from '../../helpers/temp-dir'

const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
const sent: { channel: string; payload: unknown }[] = []

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) =>
      handlers.set(channel, fn),
  },
  BrowserWindow: {
    getAllWindows: () => [
      {
        webContents: {
          send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
        },
      },
    ],
  },
}))

let dir: Awaited<ReturnType<typeof tempDir>>
let host: ServiceHost

beforeAll(async () => {
  dir = await tempDir('ipc')
  host = await createServices({
    dataDir: dir.path,
    demoDir: join(process.cwd(), 'resources', 'datasets'),
    version: '0.0.0-test',
  })
  const { registerIpc } = await import('../../../src-main/app/ipc')
  registerIpc(host)
})
afterAll(() => dir.remove())

describe('Electron IPC registration', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(channels).sort())
  })

  it('answers in the envelope, validating the payload', async () => {
    const info = await handlers.get('app:info')?.({}, {})
    expect(info).toEqual({ ok: true, result: expect.objectContaining({ transport: 'ipc' }) })
    const bad = await handlers.get('datasets:rename')?.({}, { id: 'x', name: '' })
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) })
  })

  it('pushes service events to the windows', async () => {
    const result = await handlers.get('datasets:importDemo')?.({}, { demo: 'water' })
    expect(result).toMatchObject({ ok: true, result: { existing: false } })
    expect(sent.map((s) => s.channel)).toContain('datasets:progress')
    expect(sent.map((s) => s.channel)).toContain('datasets:changed')
  })
})
