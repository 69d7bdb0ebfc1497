import { describe, expect, it } from 'vitest'
import { createMedianPruner } from '../../../../../src-main/engine/hpo/pruners/median'
import { createNoPruner } from '../../../../../src-main/engine/hpo/pruners/none'
import type {
  Direction,
  IntermediateValue,
  TrialRecord,
  TrialState,
} from '../../../../../src-main/engine/hpo/types'
import { trialRecord } from '../trial-record'

function trial(number: number, state: TrialState, reports: IntermediateValue[]): TrialRecord {
  return trialRecord({
    number,
    state,
    values: state === 'complete' ? [1, 1] : null,
    intermediate: reports,
  })
}

const loss = (values: number[]): IntermediateValue[] =>
  values.map((v, step) => ({ step, loss: v, objectives: null }))

const twoMin: Direction[] = ['minimize', 'minimize']

describe('median pruner', () => {
  const completed = [0.5, 0.6, 0.7, 0.8, 0.9].map((v, i) =>
    trial(i, 'complete', loss([1, v, v, v, v])),
  )

  it('prunes a trial whose best loss is above the median of complete trials at that step', () => {
    const pruner = createMedianPruner({ warmupSteps: 2, minCompleted: 5 })
    const bad = trial(9, 'running', loss([1, 0.95, 0.9]))
    const decision = pruner.prune({
      trial: bad,
      step: 2,
      trials: [...completed, bad],
      directions: twoMin,
    })
    expect(decision.prune).toBe(true)
    expect(decision.reason).toMatch(/median 0\.7000 of 5 complete trials/)
  })

  it('spares a trial that was once below the median, warm-up steps and thin evidence', () => {
    const pruner = createMedianPruner({ warmupSteps: 2, minCompleted: 5 })
    const wobbly = trial(9, 'running', loss([1, 0.55, 0.95]))
    expect(
      pruner.prune({ trial: wobbly, step: 2, trials: [...completed, wobbly], directions: twoMin })
        .prune,
    ).toBe(false)
    const early = trial(9, 'running', loss([1, 0.99]))
    expect(
      pruner.prune({ trial: early, step: 1, trials: [...completed, early], directions: twoMin })
        .prune,
    ).toBe(false)
    const few = createMedianPruner({ warmupSteps: 0, minCompleted: 6 })
    const bad = trial(9, 'running', loss([1, 0.95, 0.9]))
    expect(
      few.prune({ trial: bad, step: 2, trials: [...completed, bad], directions: twoMin }).prune,
    ).toBe(false)
  })

  it('ignores pruned and running trials as evidence', () => {
    const pruner = createMedianPruner({ warmupSteps: 0, minCompleted: 1 })
    const others = [trial(0, 'pruned', loss([0.1])), trial(1, 'running', loss([0.1]))]
    const t = trial(2, 'running', loss([0.5]))
    expect(
      pruner.prune({ trial: t, step: 0, trials: [...others, t], directions: twoMin }).prune,
    ).toBe(false)
  })
})

describe('no pruner', () => {
  it('never prunes', () => {
    const t = trial(0, 'running', loss([9]))
    expect(
      createNoPruner().prune({ trial: t, step: 0, trials: [t], directions: twoMin }).prune,
    ).toBe(false)
  })
})
