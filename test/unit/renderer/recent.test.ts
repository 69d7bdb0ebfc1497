// The sidebar's recent entries: newest first, ties in the list's order, unparseable instants
// last, a limit and the count left out.
import { describe, expect, it } from 'vitest'
import { newestFirst } from '../../../src-renderer/src/lib/recent'

const at = (e: { t: string }) => e.t

describe('newestFirst', () => {
  it('sorts by instant, newest first, and counts what the limit leaves out', () => {
    const list = [
      { id: 'a', t: '2026-01-01T00:00:00Z' },
      { id: 'b', t: '2026-03-01T00:00:00Z' },
      { id: 'c', t: 'not a date' },
      { id: 'd', t: '2026-02-01T00:00:00Z' },
      { id: 'e', t: '2026-03-01T00:00:00Z' },
    ]
    expect(newestFirst(list, at, 10).shown.map((e) => e.id)).toEqual(['b', 'e', 'd', 'a', 'c'])
    const top = newestFirst(list, at, 2)
    expect(top.shown.map((e) => e.id)).toEqual(['b', 'e'])
    expect(top.more).toBe(3)
    expect(newestFirst([], at, 3)).toEqual({ shown: [], more: 0 })
  })
})
