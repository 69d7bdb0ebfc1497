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
  /** A complete trial: its best-so-far path over steps 0, 1, … and its final values. */
  const done = (number: number, path: number[][], final: number[]): TrialRecord => ({
    ...trial(number, 'complete', vectors(path)),
    values: final,
  })
  const running = (number: number, path: number[][]) => trial(number, 'running', vectors(path))
  // Three complete trials that improved by about 10 % from step 1 to their end.
  const steady = [
    done(
      0,
      [
        [2, 20],
        [1, 10],
      ],
      [0.9, 9],
    ),
    done(
      1,
      [
        [2, 20],
        [1, 10],
      ],
      [0.85, 9.5],
    ),
    done(
      2,
      [
        [2, 20],
        [1, 10],
      ],
      [0.95, 8.5],
    ),
  ]
  const small = { neighbours: 3, spare: 0, window: 1, warmupSteps: 1, minCompleted: 3 }

  it('prunes a trial that, improving as much as its neighbours did, still ends dominated', () => {
    const pruner = createDominancePruner(small)
    const behind = running(9, [
      [4, 40],
      [2, 20],
    ])
    const decision = pruner.prune({
      trial: behind,
      step: 1,
      trials: [...steady, behind],
      directions: twoMin,
    })
    expect(decision.prune).toBe(true)
    expect(decision.reason).toMatch(/dominated by the current front in 3 of 3 cases/)
  })

  it('spares a trial that one projection puts on the front, unless that one is spare', () => {
    // Trial 0 halved its values after step 1: under its improvement the trial below would end
    // level with the front (0.5, 5), so not dominated; under the others' 10 % it would not.
    const lucky = [
      done(
        0,
        [
          [2, 20],
          [1, 10],
        ],
        [0.5, 5],
      ),
      done(
        1,
        [
          [2, 20],
          [1, 10],
        ],
        [0.85, 9.5],
      ),
      done(
        2,
        [
          [2, 20],
          [1, 10],
        ],
        [0.95, 8.5],
      ),
    ]
    const level = running(9, [
      [2, 20],
      [1, 10],
    ])
    const ctx = { trial: level, step: 1, trials: [...lucky, level], directions: twoMin }
    expect(createDominancePruner(small).prune(ctx).prune).toBe(false)
    const decision = createDominancePruner({ ...small, spare: 1 }).prune(ctx)
    expect(decision.prune).toBe(true)
    expect(decision.reason).toMatch(/in 2 of 3 cases/)
  })

  it('judges a slow learner by the complete trials that were improving as steeply', () => {
    const fast = [
      done(
        0,
        [
          [1.1, 11],
          [1, 10],
        ],
        [0.98, 9.8],
      ),
      done(
        1,
        [
          [1.1, 11],
          [1, 10],
        ],
        [0.97, 9.9],
      ),
      done(
        2,
        [
          [1.1, 11],
          [1, 10],
        ],
        [0.99, 9.7],
      ),
    ]
    const slow = [
      done(
        3,
        [
          [4, 40],
          [2, 20],
        ],
        [0.8, 8],
      ),
      done(
        4,
        [
          [4, 40],
          [2, 20],
        ],
        [0.82, 7.9],
      ),
      done(
        5,
        [
          [4, 40],
          [2, 20],
        ],
        [0.78, 8.1],
      ),
    ]
    const pruner = createDominancePruner(small)
    const steep = running(9, [
      [3.8, 38],
      [1.9, 19],
    ])
    const flat = running(10, [
      [2, 20],
      [1.9, 19],
    ])
    const trials = [...fast, ...slow, steep, flat]
    // Same standing; the steep one is projected with the slow trials' 60 % drop, the flat one
    // with the fast trials' 2 %.
    expect(pruner.prune({ trial: steep, step: 1, trials, directions: twoMin }).prune).toBe(false)
    expect(pruner.prune({ trial: flat, step: 1, trials, directions: twoMin }).prune).toBe(true)
  })

  it('reads every trial by its best value so far, so one bad epoch does not count', () => {
    const pruner = createDominancePruner({ ...small, window: 1, warmupSteps: 2 })
    const three = [
      done(
        0,
        [
          [2, 20],
          [1, 10],
          [1, 10],
        ],
        [0.9, 9],
      ),
      done(
        1,
        [
          [2, 20],
          [1, 10],
          [1, 10],
        ],
        [0.85, 9.5],
      ),
      done(
        2,
        [
          [2, 20],
          [1, 10],
          [1, 10],
        ],
        [0.95, 8.5],
      ),
    ]
    const wobbly = running(9, [
      [2, 19.2],
      [0.95, 9.0],
      [3, 30],
    ])
    expect(
      pruner.prune({ trial: wobbly, step: 2, trials: [...three, wobbly], directions: twoMin })
        .prune,
    ).toBe(false)
  })

  it('waits for its warm-up steps and for enough complete trials', () => {
    const behind = running(9, [
      [4, 40],
      [2, 20],
    ])
    const early = createDominancePruner({ ...small, warmupSteps: 2 })
    expect(
      early.prune({ trial: behind, step: 1, trials: [...steady, behind], directions: twoMin })
        .prune,
    ).toBe(false)
    const few = createDominancePruner({ ...small, minCompleted: 4 })
    expect(
      few.prune({ trial: behind, step: 1, trials: [...steady, behind], directions: twoMin }).prune,
    ).toBe(false)
    const stillRunning = steady.map((t) => ({ ...t, state: 'running' as const }))
    expect(
      createDominancePruner(small).prune({
        trial: behind,
        step: 1,
        trials: [...stillRunning, behind],
        directions: twoMin,
      }).prune,
    ).toBe(false)
  })

  it('respects maximised objectives (improvements as differences)', () => {
    const max: Direction[] = ['maximize', 'minimize']
    // Accuracy rose by 0.1 after step 1 for every complete trial.
    const leaders = [
      done(
        0,
        [
          [0.5, 20],
          [0.6, 10],
        ],
        [0.7, 9],
      ),
      done(
        1,
        [
          [0.5, 20],
          [0.6, 10],
        ],
        [0.72, 9.5],
      ),
      done(
        2,
        [
          [0.5, 20],
          [0.6, 10],
        ],
        [0.68, 8.5],
      ),
    ]
    const pruner = createDominancePruner(small)
    const poor = running(9, [
      [0.1, 40],
      [0.2, 20],
    ])
    const strong = running(10, [
      [0.7, 18],
      [0.8, 9],
    ])
    const trials = [...leaders, poor, strong]
    expect(pruner.prune({ trial: poor, step: 1, trials, directions: max }).prune).toBe(true)
    expect(pruner.prune({ trial: strong, step: 1, trials, directions: max }).prune).toBe(false)
  })

  it('refuses single-objective studies and inconsistent options', () => {
    expect(createDominancePruner().refusal(['minimize'])).toMatch(/median pruner/)
    expect(createDominancePruner({ k: 4, minCompleted: 2 }).refusal(twoMin)).toMatch(/minCompleted/)
    expect(createDominancePruner({ neighbours: 3, spare: 3 }).refusal(twoMin)).toMatch(/spare/)
    expect(createDominancePruner({ window: 0 }).refusal(twoMin)).toMatch(/window/)
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
