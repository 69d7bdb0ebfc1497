import { describe, expect, it } from 'vitest'
import {
  socketUrl,
  takeToken,
  TOKEN_STORAGE_KEY,
} from '../../../src-renderer/src/lib/transport/token'

function env(href: string, stored: string | null = null) {
  const store = new Map<string, string>()
  if (stored) store.set(TOKEN_STORAGE_KEY, stored)
  const replaced: string[] = []
  return {
    env: {
      location: { href },
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
          void replaced.push(String(url)),
      },
    },
    store,
    replaced,
  }
}

describe('served-page token', () => {
  it('takes the token from the URL, stores it, and removes it from the address bar', () => {
    const e = env('http://127.0.0.1:5123/?token=abc&x=1#top')
    expect(takeToken(e.env)).toBe('abc')
    expect(e.store.get(TOKEN_STORAGE_KEY)).toBe('abc')
    expect(e.replaced).toEqual(['/?x=1#top'])
  })

  it('falls back to the stored token after a reload', () => {
    const e = env('http://127.0.0.1:5123/', 'kept')
    expect(takeToken(e.env)).toBe('kept')
    expect(e.replaced).toEqual([])
  })

  it('returns null when there is none', () => {
    expect(takeToken(env('http://127.0.0.1:5123/').env)).toBeNull()
  })

  it('builds the socket URL on the page host, wss under https', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:5123' }, '/api', 'a b')).toBe(
      'ws://127.0.0.1:5123/api?token=a%20b',
    )
    expect(socketUrl({ protocol: 'https:', host: 'h' }, '/api', 't')).toBe('wss://h/api?token=t')
  })
})
