import { describe, expect, it } from 'vitest'
import { HpoError } from '../../../../src-main/engine/hpo/hpo-error'
import { prunerConfig, type PrunerConfig } from '../../../../src-main/engine/hpo/pruners/registry'
import { paramsIssues } from '../../../../src-main/engine/hpo/search-space'
import { recoverInterrupted, Study, type StudyData } from '../../../../src-main/engine/hpo/study'
import { fakeObjectives, nhitsConfig } from './study-fixtures'

async function runAll(study: Study): Promise<void> {
  while (study.canAsk()) {
    const { trialId, params } = await study.ask()
    await study.tell(trialId, { state: 'complete', values: fakeObjectives(params) })
  }
}

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(HpoError)
    expect((error as HpoError).code).toBe(code)
    return
  }
  expect.unreachable(`expected ${code}`)
}

describe('study set-up', () => {
  it('refuses bad configs with every problem listed', () => {
    expectCode(() => Study.create(nhitsConfig({ name: '', seed: 1.5 })), 'INVALID_CONFIG')
    expectCode(
      () => Study.create(nhitsConfig({ budget: { trials: null, seconds: null } })),
      'INVALID_CONFIG',
    )
    expectCode(
      () =>
        Study.create(
          nhitsConfig({
            space: { ...nhitsConfig().space, lr: { kind: 'float', low: 0, high: 1, log: true } },
          }),
        ),
      'INVALID_SEARCH_SPACE',
    )
  })

  it('refuses unsupported pairings when the study is created', () => {
    // Dominance pruning needs two objectives.
    expectCode(
      () =>
        Study.create(
          nhitsConfig({
            objectives: [{ name: 'mae', direction: 'minimize' }],
            pruner: { name: 'dominance' },
          }),
        ),
      'UNSUPPORTED_PAIRING',
    )
    // NSGA-II's first generation would eat the budget.
    expectCode(
      () =>
        Study.create(
          nhitsConfig({
            sampler: { name: 'nsga2', options: { populationSize: 50 } },
            budget: { trials: 50, seconds: null },
          }),
        ),
      'UNSUPPORTED_PAIRING',
    )
    expect(() =>
      Study.create(
        nhitsConfig({ sampler: { name: 'nsga2' }, budget: { trials: 50, seconds: null } }),
      ),
    ).not.toThrow()
  })

  it('refuses pruner options the pruner does not read, and bad values of those it does', () => {
    const create = (pruner: PrunerConfig) => () => Study.create(nhitsConfig({ pruner }))
    expect(create(prunerConfig('dominance', { maxChanse: 0.6 }))).toThrow(
      /The dominance pruner has no option "maxChanse" \(it reads: maxChance, window/,
    )
    expect(create(prunerConfig('none', { k: 1 }))).toThrow(/no option "k" \(it reads: none\)/)
    expect(create(prunerConfig('dominance', { maxChance: 2 }))).toThrow(/maxChance must be in/)
    expect(create(prunerConfig('median', { warmupSteps: 1.5 }))).toThrow(/warmupSteps must be/)
    expect(create(prunerConfig('dominance', { maxChance: 0.6, minCompleted: 10 }))).not.toThrow()
  })
})

describe('ask, report, tell', () => {
  it('runs a budget of trials with valid parameters and stops', async () => {
    const study = Study.create(nhitsConfig())
    await runAll(study)
    expect(study.trials).toHaveLength(20)
    expect(study.isFinished()).toBe(true)
    for (const t of study.trials) expect(paramsIssues(study.config.space, t.params)).toEqual([])
    await expect(study.ask()).rejects.toMatchObject({ code: 'BUDGET_EXHAUSTED' })
    expect(study.pareto().front.length).toBeGreaterThan(0)
  })

  it('is reproducible: same seed and told values give the same trials', async () => {
    const a = Study.create(nhitsConfig())
    const b = Study.create(nhitsConfig())
    await runAll(a)
    await runAll(b)
    expect(b.trials.map((t) => t.params)).toEqual(a.trials.map((t) => t.params))
  })

  it('continues a resumed study exactly as an uninterrupted one', async () => {
    const whole = Study.create(nhitsConfig())
    await runAll(whole)
    const first = Study.create(nhitsConfig())
    for (let i = 0; i < 12; i++) {
      const { trialId, params } = await first.ask()
      await first.tell(trialId, { state: 'complete', values: fakeObjectives(params) })
    }
    const saved = JSON.parse(JSON.stringify(first.data)) as StudyData
    const resumed = Study.resume(saved)
    await runAll(resumed)
    expect(resumed.trials.map((t) => t.params)).toEqual(whole.trials.map((t) => t.params))
  })

  it('records failures, non-finite values and pruning', async () => {
    const study = Study.create(nhitsConfig({ pruner: { name: 'median' } }))
    const a = await study.ask()
    const failed = await study.tell(a.trialId, {
      state: 'failed',
      reason: 'out of memory',
      code: 'OOM',
    })
    expect(failed).toMatchObject({
      state: 'failed',
      error: { code: 'OOM', message: 'out of memory' },
    })
    const b = await study.ask()
    const diverged = await study.tell(b.trialId, { state: 'complete', values: [NaN, 3] })
    expect(diverged).toMatchObject({ state: 'failed', error: { code: 'NON_FINITE_VALUES' } })
    const c = await study.ask()
    study.report(c.trialId, 0, { loss: 1 })
    study.report(c.trialId, 1, { loss: 0.5 })
    const pruned = await study.tell(c.trialId, { state: 'pruned', provider: 'cpu' })
    expect(pruned).toMatchObject({ state: 'pruned', prunedAtStep: 1, provider: 'cpu' })
    await expect(study.tell(c.trialId, { state: 'pruned' })).rejects.toMatchObject({
      code: 'TRIAL_NOT_RUNNING',
    })
    await expect(study.tell(99, { state: 'pruned' })).rejects.toMatchObject({
      code: 'UNKNOWN_TRIAL',
    })
  })

  it("keeps the pruner's reason with a pruned trial, and none with one that went on", async () => {
    const study = Study.create(
      nhitsConfig({ pruner: { name: 'median', options: { warmupSteps: 0, minCompleted: 1 } } }),
    )
    const first = await study.ask()
    study.report(first.trialId, 0, { loss: 0.5 })
    await study.tell(first.trialId, { state: 'complete', values: [1, 1] })
    const worse = await study.ask()
    expect(study.report(worse.trialId, 0, { loss: 1 }).prune).toBe(true)
    const pruned = await study.tell(worse.trialId, { state: 'pruned' })
    expect(pruned.prunedReason).toMatch(/above the median 0\.5000 of 1 complete trials/)
    const stubborn = await study.ask()
    expect(study.report(stubborn.trialId, 0, { loss: 1 }).prune).toBe(true)
    const done = await study.tell(stubborn.trialId, { state: 'complete', values: [2, 2] })
    expect(done.prunedReason).toBeNull()
    const recovered = await study.ask()
    expect(study.report(recovered.trialId, 0, { loss: 1 }).prune).toBe(true)
    expect(study.report(recovered.trialId, 1, { loss: 0.1 }).prune).toBe(false)
    expect((await study.tell(recovered.trialId, { state: 'pruned' })).prunedReason).toBeNull()
  })

  it('refuses malformed reports', async () => {
    const study = Study.create(nhitsConfig({ pruner: { name: 'dominance' } }))
    const { trialId } = await study.ask()
    expectCode(() => study.report(trialId, 0, { loss: 1 }), 'INVALID_REPORT') // dominance needs objectives
    study.report(trialId, 0, { objectives: [1, 2] })
    expectCode(() => study.report(trialId, 0, { objectives: [1, 2] }), 'INVALID_REPORT') // same step
    expectCode(() => study.report(trialId, 1, { objectives: [1] }), 'INVALID_REPORT')
    expectCode(
      () => study.report(trialId, 1, { loss: Infinity, objectives: [1, 2] }),
      'INVALID_REPORT',
    )
    await expect(study.tell(trialId, { state: 'complete', values: [1] })).rejects.toMatchObject({
      code: 'INVALID_VALUES',
    })
  })

  it('hands out enqueued parameters first, filling in missing ones', async () => {
    const study = Study.create(nhitsConfig())
    await study.enqueue({ lr: 0.001, num_stacks: 3 })
    await expect(study.enqueue({ lr: 5 })).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    const { params } = await study.ask()
    expect(params.lr).toBe(0.001)
    expect(params.num_stacks).toBe(3)
    expect(paramsIssues(study.config.space, params)).toEqual([])
    expect(study.trials[0].enqueued).toBe(true)
  })

  it('keeps parallel asks apart and counts them against the budget', async () => {
    const study = Study.create(nhitsConfig({ budget: { trials: 16, seconds: null } }))
    for (let i = 0; i < 12; i++) {
      const { trialId, params } = await study.ask()
      await study.tell(trialId, { state: 'complete', values: fakeObjectives(params) })
    }
    const asked = await Promise.all([study.ask(), study.ask(), study.ask(), study.ask()])
    expect(new Set(asked.map((a) => JSON.stringify(a.params))).size).toBe(4)
    expect(study.canAsk()).toBe(false)
    expect(study.isFinished()).toBe(false)
    for (const a of asked)
      await study.tell(a.trialId, { state: 'complete', values: fakeObjectives(a.params) })
    expect(study.isFinished()).toBe(true)
  })

  it('stops asking when the time budget is spent, counting only time the study was open', async () => {
    let now = 0
    const study = Study.create(nhitsConfig({ budget: { trials: null, seconds: 10 } }), {
      now: () => now,
    })
    await study.ask()
    now = 9_000
    expect(study.canAsk()).toBe(true)
    now = 10_000
    expect(study.canAsk()).toBe(false)
    const saved = JSON.parse(JSON.stringify(study.data)) as StudyData
    saved.elapsedMs = 4_000
    now = 1_000_000
    const resumed = Study.resume(saved, { now: () => now })
    expect(resumed.canAsk()).toBe(true)
    now += 6_000
    expect(resumed.canAsk()).toBe(false)
  })

  it('takes the user pick from complete trials only', async () => {
    const study = Study.create(nhitsConfig({ budget: { trials: 3, seconds: null } }))
    await runAll(study)
    await study.pick(1)
    expect(study.pareto().user?.number).toBe(1)
    await expect(study.pick(7)).rejects.toMatchObject({ code: 'UNKNOWN_TRIAL' })
  })
})

describe('recovery after a crash', () => {
  it('fails running trials, queues their parameters again and does not count them', async () => {
    const study = Study.create(nhitsConfig({ budget: { trials: 3, seconds: null } }))
    const a = await study.ask()
    await study.tell(a.trialId, { state: 'complete', values: fakeObjectives(a.params) })
    const b = await study.ask()
    const data = JSON.parse(JSON.stringify(study.data)) as StudyData
    expect(recoverInterrupted(data)).toEqual([b.trialId])
    expect(data.trials[1]).toMatchObject({ state: 'failed', error: { code: 'INTERRUPTED' } })
    const resumed = Study.resume(data)
    const retry = await resumed.ask()
    expect(retry.params).toEqual(b.params)
    expect(retry.trialId).toBe(2)
    await resumed.tell(retry.trialId, { state: 'complete', values: [1, 1] })
    expect(resumed.canAsk()).toBe(true) // the interrupted trial did not use the budget
  })
})
