// The virtual window renders what is in view plus a margin, pads the rest, and stays sane at
// the ends and when the list shrank under an old scroll position.
import { describe, expect, it } from 'vitest'
import { virtualWindow } from '../../../src-renderer/src/lib/virtual-window'

describe('virtualWindow', () => {
  it('renders the rows in view plus the margin, the padding standing in for the rest', () => {
    const w = virtualWindow(2400, 480, 24, 10_000, 8)
    expect(w.start).toBe(92)
    expect(w.end).toBe(100 + 21 + 8)
    expect(w.padTop).toBe(92 * 24)
    expect(w.padTop + (w.end - w.start) * 24 + w.padBottom).toBe(10_000 * 24)
  })

  it('starts at 0 at the top and ends at the total at the bottom', () => {
    expect(virtualWindow(0, 480, 24, 10_000)).toMatchObject({ start: 0, padTop: 0 })
    const bottom = virtualWindow(10_000 * 24 - 480, 480, 24, 10_000)
    expect(bottom.end).toBe(10_000)
    expect(bottom.padBottom).toBe(0)
  })

  it('shows the last rows when the list shrank below the scroll position', () => {
    const w = virtualWindow(100_000, 480, 24, 30, 8)
    expect(w.end).toBe(30)
    expect(w.start).toBeLessThan(30)
    expect(w.padTop + (w.end - w.start) * 24 + w.padBottom).toBe(30 * 24)
  })

  it('renders nothing for an empty list and keeps a short list whole', () => {
    expect(virtualWindow(0, 480, 24, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 })
    expect(virtualWindow(0, 480, 24, 5)).toEqual({ start: 0, end: 5, padTop: 0, padBottom: 0 })
  })
})
