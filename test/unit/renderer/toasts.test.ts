// The toast stack: errors carry the service's code and message and stay until dismissed, notices
// leave by themselves, repeats count instead of stacking, the stack is capped, and one failure
// reported twice (by the client and again by the command that awaited it) shows once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../src-renderer/src/lib/api-error'
import { ToastStore } from '../../../src-renderer/src/stores/toasts.svelte'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('ToastStore', () => {
  it('shows an error with its code and message until it is dismissed', () => {
    const toasts = new ToastStore({ infoMs: 1000 })
    toasts.error(new ApiError('NAME_TAKEN', 'Another dataset is already called “x”.'))
    expect(toasts.toasts).toMatchObject([
      { kind: 'error', code: 'NAME_TAKEN', message: 'Another dataset is already called “x”.' },
    ])
    vi.advanceTimersByTime(60_000)
    expect(toasts.toasts).toHaveLength(1)
    toasts.dismiss(toasts.toasts[0].id)
    expect(toasts.toasts).toEqual([])
  })

  it('turns whatever was thrown into a code and a message', () => {
    const toasts = new ToastStore()
    toasts.error(new Error('socket closed'))
    toasts.error('plain text')
    expect(toasts.toasts.map((t) => [t.code, t.message])).toEqual([
      ['UNEXPECTED', 'socket closed'],
      ['UNEXPECTED', 'plain text'],
    ])
  })

  it('hides a notice after its time, and a repeat restarts the clock', () => {
    const toasts = new ToastStore({ infoMs: 1000 })
    toasts.info('Imported.')
    vi.advanceTimersByTime(800)
    toasts.info('Imported.')
    expect(toasts.toasts).toMatchObject([{ kind: 'info', count: 2 }])
    vi.advanceTimersByTime(800)
    expect(toasts.toasts).toHaveLength(1)
    vi.advanceTimersByTime(300)
    expect(toasts.toasts).toEqual([])
  })

  it('counts the same failure instead of stacking it, and shows one error object once', () => {
    const toasts = new ToastStore()
    const error = new ApiError('CONNECTION_LOST', 'The connection to Frontier was lost.')
    toasts.error(error)
    toasts.error(error)
    expect(toasts.toasts).toMatchObject([{ count: 1 }])
    toasts.error(new ApiError('CONNECTION_LOST', 'The connection to Frontier was lost.'))
    expect(toasts.toasts).toMatchObject([{ count: 2 }])
    toasts.error(new ApiError('CONNECTION_LOST', 'Another message.'))
    expect(toasts.toasts).toHaveLength(2)
  })

  it('keeps the newest toasts when the stack is full', () => {
    const toasts = new ToastStore({ max: 3, infoMs: 1000 })
    for (const n of [1, 2, 3, 4]) toasts.info(`notice ${n}`)
    expect(toasts.toasts.map((t) => t.message)).toEqual(['notice 2', 'notice 3', 'notice 4'])
    // The dropped one's timer is gone with it; the others still leave on time.
    vi.advanceTimersByTime(1000)
    expect(toasts.toasts).toEqual([])
  })
})
