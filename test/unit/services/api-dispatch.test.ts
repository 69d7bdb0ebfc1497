import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { channels, eventNames } from '@shared/contract'
import { dispatch, isChannel, toApiError } from '../../../src-main/services/api-dispatch'
import { ModelError } from '../../../src-main/engine/models/model-error'
import { TrainingStopped } from '../../../src-main/engine/train/training-stopped'
import { createHandlers } from '../../../src-main/services/api-handlers'
import { createServices, type ServiceHost } from '../../../src-main/services/create-services'
import { tempDir } from '../../helpers/temp-dir'

let dir: Awaited<ReturnType<typeof tempDir>>
let host: ServiceHost

beforeAll(async () => {
  dir = await tempDir('dispatch')
  host = await createServices({
    dataDir: dir.path,
    demoDir: join(process.cwd(), 'resources', 'datasets'),
    version: '0.0.0-test',
  })
})
afterAll(() => dir.remove())

describe('the API contract', () => {
  it('has a handler for every channel and no handler without a channel', () => {
    const handlers = createHandlers(host.services, 'websocket')
    const channelNames = Object.keys(channels).sort()
    expect(Object.keys(handlers).sort()).toEqual(channelNames)
    for (const name of channelNames)
      expect(typeof handlers[name as keyof typeof handlers]).toBe('function')
  })

  it('names events apart from channels', () => {
    for (const event of eventNames) expect(isChannel(event)).toBe(false)
  })

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const handlers = createHandlers(host.services, 'ipc')
    const envelope = await dispatch(handlers, 'datasets:drop-table', {})
    expect(envelope).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
    })
  })

  it('validates the payload before any handler runs', async () => {
    const handlers = createHandlers(host.services, 'ipc')
    const bad = await dispatch(handlers, 'datasets:get', { id: '../../etc/passwd' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_REQUEST')
      expect(bad.error.message).toMatch(/id/)
    }
    const extra = await dispatch(handlers, 'app:info', { sneaky: true })
    expect(extra.ok).toBe(false)
  })

  it('wraps a result in the ok envelope and a service failure in a coded error', async () => {
    const handlers = createHandlers(host.services, 'websocket')
    const info = await dispatch(handlers, 'app:info', {})
    expect(info).toEqual({
      ok: true,
      result: { version: '0.0.0-test', dataDir: dir.path, transport: 'websocket' },
    })
    const missing = await dispatch(handlers, 'datasets:get', { id: 'a'.repeat(64) })
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })
  })

  it('keeps the code of every engine error and hides nothing else', () => {
    expect(toApiError(new ModelError('OUT_OF_RANGE', 'dropout 2 is above 0.9', 'dropout'))).toEqual(
      {
        code: 'OUT_OF_RANGE',
        message: 'dropout 2 is above 0.9',
      },
    )
    const stopped = new TrainingStopped('DIVERGED', 'loss NaN at step 12', { step: 12, epoch: 1 })
    expect(toApiError(stopped).code).toBe('DIVERGED')
    const original = console.error
    console.error = () => undefined
    try {
      expect(toApiError(new TypeError('x is undefined'))).toEqual({
        code: 'INTERNAL',
        message: 'Unexpected error: x is undefined',
      })
    } finally {
      console.error = original
    }
  })
})
