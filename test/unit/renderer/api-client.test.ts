import { describe, expect, it } from 'vitest'
import type { FrontierApi, FrontierBridge } from '@shared/contract'
import { ApiClient } from '../../../src-renderer/src/lib/api-client'
import { ApiError } from '../../../src-renderer/src/lib/api-error'
import { createIpcApi } from '../../../src-renderer/src/lib/transport/ipc'

function apiAnswering(envelope: unknown): FrontierApi {
  return {
    request: async () => envelope as never,
    on: () => () => {},
  }
}

describe('ApiClient', () => {
  it('returns the result of an ok envelope', async () => {
    const client = new ApiClient(apiAnswering({ ok: true, result: [1] }))
    await expect(client.request('datasets:list', {})).resolves.toEqual([1])
  })

  it('throws an ApiError carrying the code and message of a failed one', async () => {
    const client = new ApiClient(
      apiAnswering({ ok: false, error: { code: 'UNPARSEABLE_TIMESTAMPS', message: 'Line 57: …' } }),
    )
    const error = await client.request('datasets:list', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'UNPARSEABLE_TIMESTAMPS', message: 'Line 57: …' })
  })

  it('reports each failure to its listener, unless the caller shows it itself', async () => {
    const client = new ApiClient(
      apiAnswering({ ok: false, error: { code: 'NAME_TAKEN', message: 'Taken.' } }),
    )
    const reported: string[] = []
    client.onFailure((error, channel) => reported.push(`${channel} ${error.code}`))
    const loud = await client.request('datasets:list', {}).catch((e: unknown) => e)
    await client.request('datasets:list', {}, { quiet: true }).catch(() => {})
    expect(reported).toEqual(['datasets:list NAME_TAKEN'])
    expect(loud).toBeInstanceOf(ApiError)
  })

  it('reports a transport that throws as a failure too', async () => {
    const client = new ApiClient({
      request: async () => {
        throw new Error('socket gone')
      },
      on: () => () => {},
    })
    const reported: string[] = []
    client.onFailure((error) => reported.push(`${error.code}: ${error.message}`))
    await expect(client.request('datasets:list', {})).rejects.toBeInstanceOf(ApiError)
    expect(reported).toEqual(['UNEXPECTED: socket gone'])
  })
})

describe('IPC transport', () => {
  it('calls the bridge method named as the channel and subscribes with on:<event>', async () => {
    const calls: string[] = []
    const bridge = {
      'datasets:list': async (payload: unknown) => {
        calls.push(`list ${JSON.stringify(payload)}`)
        return { ok: true, result: [] }
      },
      'on:datasets:changed': (listener: (p: unknown) => void) => {
        listener({ ids: ['a'] })
        return () => calls.push('unsubscribed')
      },
    } as unknown as FrontierBridge
    const api = createIpcApi(bridge)
    await expect(api.request('datasets:list', {})).resolves.toEqual({ ok: true, result: [] })
    const seen: unknown[] = []
    api.on('datasets:changed', (p) => seen.push(p))()
    expect(seen).toEqual([{ ids: ['a'] }])
    expect(calls).toEqual(['list {}', 'unsubscribed'])
  })

  it('turns a rejected invoke into an error envelope', async () => {
    const bridge = {
      'datasets:list': async () => {
        throw new Error('An object could not be cloned.')
      },
    } as unknown as FrontierBridge
    await expect(createIpcApi(bridge).request('datasets:list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'TRANSPORT_FAILED', message: 'An object could not be cloned.' },
    })
  })
})
