// A short run of the fault test (test/fault/study-store-kill.ts runs 20 kills).

import { describe, expect, it } from 'vitest'
import { runKillTest } from '../../../fault/study-store-kill'

describe('study store under SIGKILL', () => {
  it('keeps every told trial and resumes after each of 3 kills', async () => {
    const result = await runKillTest({ kills: 3, seed: 11, maxDelayMs: 400 })
    for (const round of result.rounds) expect(round.problems).toEqual([])
    expect(result.finalProblems).toEqual([])
    expect(result.leftovers).toEqual([])
  }, 60_000)
})
