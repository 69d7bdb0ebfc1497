// The estimate of time left: trials × median ÷ workers, the time budget's seconds left, the
// smaller of both, unknown before a trial ended.
import { describe, expect, it } from 'vitest'
import { estimateSecondsLeft, median } from '../../../src-renderer/src/lib/time-left'

type State = 'running' | 'complete' | 'pruned' | 'failed'
const r = (state: State, seconds: number | null = null, code: string | null = null) => ({
  state,
  seconds,
  error: code ? { code, message: '' } : null,
})

describe('estimateSecondsLeft', () => {
  it('is unknown until a complete or pruned trial has ended', () => {
    const rows = [r('running'), r('failed', 2)]
    expect(
      estimateSecondsLeft({ budget: { trials: 10, seconds: 600 }, elapsedMs: 0, rows, workers: 2 }),
    ).toBeNull()
  })

  it('trial budget: remaining trials × the median of complete and pruned ÷ workers', () => {
    // Ended: 4 (one failed, whose 1 s is not in the median); median of 10, 20, 30 = 20 s.
    const rows = [
      r('complete', 10),
      r('pruned', 30),
      r('complete', 20),
      r('failed', 1),
      r('running'),
    ]
    expect(
      estimateSecondsLeft({
        budget: { trials: 10, seconds: null },
        elapsedMs: 0,
        rows,
        workers: 2,
      }),
    ).toBe(((10 - 4) * 20) / 2)
  })

  it('time budget: the seconds left of it, never below zero', () => {
    const rows = [r('complete', 10)]
    const input = { budget: { trials: null, seconds: 600 }, rows, workers: 1 }
    expect(estimateSecondsLeft({ ...input, elapsedMs: 150_000 })).toBe(450)
    expect(estimateSecondsLeft({ ...input, elapsedMs: 900_000 })).toBe(0)
  })

  it('both budgets: the smaller', () => {
    const rows = [r('complete', 100)]
    const budget = { trials: 11, seconds: 600 }
    expect(estimateSecondsLeft({ budget, elapsedMs: 0, rows, workers: 1 })).toBe(600)
    expect(estimateSecondsLeft({ budget, elapsedMs: 0, rows, workers: 4 })).toBe(250)
  })

  it('no budget: unknown', () => {
    expect(
      estimateSecondsLeft({
        budget: { trials: null, seconds: null },
        elapsedMs: 0,
        rows: [r('complete', 3)],
        workers: 1,
      }),
    ).toBeNull()
  })

  it('median of odd and even counts', () => {
    expect(median([])).toBeNull()
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
