import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../../../src-renderer/src/lib/base64'
import { uploadFile } from '../../../src-renderer/src/lib/upload'

type Call = { channel: string; payload: Record<string, unknown> }

function fakeClient() {
  const calls: Call[] = []
  return {
    calls,
    client: {
      request: async (channel: string, payload: unknown) => {
        calls.push({ channel, payload: payload as Record<string, unknown> })
        if (channel === 'uploads:begin') return { uploadId: 'u-1' }
        return { received: 0 }
      },
    } as unknown as Parameters<typeof uploadFile>[0],
  }
}

describe('uploadFile', () => {
  it('sends the file in base64 chunks with their offsets and reports progress', async () => {
    const text = 'time,heat\n2024-01-01T00:00Z,1\n'
    const blob = new Blob([text])
    const file = {
      name: 'heat.csv',
      size: blob.size,
      slice: (a: number, b: number) => blob.slice(a, b),
    }
    const { client, calls } = fakeClient()
    const progress: number[] = []
    const id = await uploadFile(client, file, (f) => progress.push(f), 8)
    expect(id).toBe('u-1')
    expect(calls[0]).toEqual({
      channel: 'uploads:begin',
      payload: { fileName: 'heat.csv', size: blob.size },
    })
    const chunks = calls.slice(1)
    expect(chunks.map((c) => c.payload.offset)).toEqual([0, 8, 16, 24])
    const joined = chunks.map((c) => atob(String(c.payload.data))).join('')
    expect(joined).toBe(text)
    expect(progress[0]).toBe(0)
    expect(progress[progress.length - 1]).toBe(1)
  })

  it('an empty file is begun and reported complete', async () => {
    const { client, calls } = fakeClient()
    const progress: number[] = []
    const empty = new Blob([])
    await uploadFile(client, { name: 'e.csv', size: 0, slice: () => empty }, (f) =>
      progress.push(f),
    )
    expect(calls.map((c) => c.channel)).toEqual(['uploads:begin'])
    expect(progress).toEqual([1])
  })
})

describe('bytesToBase64', () => {
  it('matches Node for bytes beyond one slice', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
