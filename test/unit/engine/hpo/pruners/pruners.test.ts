import { describe, expect, it } from 'vitest'
import { createDominancePruner } from '../../../../../src-main/engine/hpo/pruners/dominance'
import { createMedianPruner } from '../../../../../src-main/engine/hpo/pruners/median'
import { createNoPruner } from '../../../../../src-main/engine/hpo/pruners/none'
import type {
  Direction,
  IntermediateValue,
  TrialRecord,
  TrialState,
} from '../../../../../src-main/engine/hpo/types'

function trial(number: number, state: TrialState, reports: IntermediateValue[]): TrialRecord {
  return {
    number,
    state,
    params: {},
    values: state === 'complete' ? [1, 1] : null,
    metrics: null,
    intermediate: reports,
    prunedAtStep: null,
    startedAt: '',
    finishedAt: null,
    timings: null,
    provider: null,
    error: null,
    samplerData: {},
    enqueued: false,
  }
}

const loss = (values: number[]): IntermediateValue[] =>
  values.map((v, step) => ({ step, loss: v, objectives: null }))
const vectors = (values: number[][]): IntermediateValue[] =>
  values.map((v, step) => ({ step, loss: null, objectives: v }))

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

describe('dominance pruner', () => {
  const completed = [
    [0.1, 5],
    [0.2, 3],
    [0.3, 1],
    [0.15, 4],
    [0.25, 2],
  ].map((v, i) => trial(i, 'complete', vectors([[1, 50], [1, 50], v])))

  it('prunes a trial dominated by at least k complete trials at the same step', () => {
    const pruner = createDominancePruner({ k: 2, warmupSteps: 2, minCompleted: 5 })
    const behind = trial(
      9,
      'running',
      vectors([
        [1, 50],
        [1, 50],
        [0.35, 4.5],
      ]),
    )
    const decision = pruner.prune({
      trial: behind,
      step: 2,
      trials: [...completed, behind],
      directions: twoMin,
    })
    expect(decision.prune).toBe(true)
    expect(decision.reason).toMatch(/dominated by 4 of 5 complete trials/)
  })

  it('spares a trial dominated by fewer than k, a trial on the front, and warm-up steps', () => {
    const pruner = createDominancePruner({ k: 2, warmupSteps: 2, minCompleted: 5 })
    const once = trial(
      9,
      'running',
      vectors([
        [1, 50],
        [1, 50],
        [0.12, 4.8],
      ]),
    )
    expect(
      pruner.prune({ trial: once, step: 2, trials: [...completed, once], directions: twoMin })
        .prune,
    ).toBe(false)
    const front = trial(
      9,
      'running',
      vectors([
        [1, 50],
        [1, 50],
        [0.05, 6],
      ]),
    )
    expect(
      pruner.prune({ trial: front, step: 2, trials: [...completed, front], directions: twoMin })
        .prune,
    ).toBe(false)
    const early = trial(
      9,
      'running',
      vectors([
        [1, 50],
        [2, 60],
      ]),
    )
    expect(
      pruner.prune({ trial: early, step: 1, trials: [...completed, early], directions: twoMin })
        .prune,
    ).toBe(false)
  })

  it('spares a trial only just behind, by the handicap', () => {
    // Dominated by 0.25/2 and 0.3/1 by less than a fifth of the spread (0.2 and 4) in MAE.
    const close = trial(
      9,
      'running',
      vectors([
        [1, 50],
        [1, 50],
        [0.31, 2.5],
      ]),
    )
    const strict = createDominancePruner({ k: 2, margin: 0, warmupSteps: 0, minCompleted: 5 })
    const lenient = createDominancePruner({ k: 2, margin: 0.2, warmupSteps: 0, minCompleted: 5 })
    const ctx = { trial: close, step: 2, trials: [...completed, close], directions: twoMin }
    expect(strict.prune(ctx).prune).toBe(true)
    expect(lenient.prune(ctx).prune).toBe(false)
  })

  it('respects maximised objectives', () => {
    const pruner = createDominancePruner({ k: 1, warmupSteps: 0, minCompleted: 1 })
    const leader = trial(0, 'complete', vectors([[10, 1]]))
    const t = trial(1, 'running', vectors([[5, 1]]))
    const max: Direction[] = ['maximize', 'minimize']
    expect(pruner.prune({ trial: t, step: 0, trials: [leader, t], directions: max }).prune).toBe(
      true,
    )
    expect(
      pruner.prune({ trial: leader, step: 0, trials: [t, leader], directions: max }).prune,
    ).toBe(false)
  })

  it('refuses single-objective studies and inconsistent options', () => {
    expect(createDominancePruner().refusal(['minimize'])).toMatch(/median pruner/)
    expect(createDominancePruner({ k: 4, minCompleted: 2 }).refusal(twoMin)).toMatch(/minCompleted/)
    expect(createDominancePruner().refusal(twoMin)).toBeNull()
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
