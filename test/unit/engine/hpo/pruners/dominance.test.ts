import { describe, expect, it } from 'vitest'
import {
  chanceNotDominated,
  createDominancePruner,
} from '../../../../../src-main/engine/hpo/pruners/dominance'
import { FinalForecaster } from '../../../../../src-main/engine/hpo/pruners/final-forecast'
import { Rng } from '../../../../../src-main/engine/rng'
import type { Direction, TrialRecord } from '../../../../../src-main/engine/hpo/types'
import { trialRecord } from '../trial-record'

const twoMin: Direction[] = ['minimize', 'minimize']
const EPOCHS = 12

/**
 * A learning curve of the shape the forecast must learn: each objective falls from
 * final × (1 + drop) towards its final value at a speed `rate` per epoch, with 1 % noise.
 */
function curve(final: number[], drop: number, rate: number, rng: Rng): number[][] {
  return Array.from({ length: EPOCHS }, (_, t) =>
    final.map((f) => {
      const left = t === EPOCHS - 1 ? 0 : drop * Math.exp(-rate * (t + 1))
      return f * (1 + left) * (1 + 0.01 * rng.normal())
    }),
  )
}

function record(number: number, path: number[][], complete: boolean): TrialRecord {
  return trialRecord({
    number,
    state: complete ? 'complete' : 'running',
    values: complete ? path[EPOCHS - 1] : null,
    intermediate: path.map((objectives, step) => ({ step, loss: null, objectives })),
  })
}

/** 20 complete trials on a front f₂ = 1/f₁ (f₁ in 1…3), learning at different speeds. */
function population(rng: Rng): TrialRecord[] {
  return Array.from({ length: 20 }, (_, i) => {
    const f1 = 1 + (2 * i) / 19
    const final = [f1, 1 / f1 + 0.5 * rng.uniform()]
    return record(i, curve(final, 2, 0.3 + 0.4 * rng.uniform(), rng), true)
  })
}

/** A running trial: its curve up to `step`. */
function running(final: number[], rate: number, step: number, rng: Rng): TrialRecord {
  return record(99, curve(final, 2, rate, rng).slice(0, step + 1), false)
}

describe('chance of ending off the front', () => {
  it('equals a Monte Carlo estimate for a Gaussian forecast', () => {
    const front = [
      [1, 5],
      [2, 3],
      [3, 2.5],
      [4, 1],
    ]
    const forecast = { mean: [2.6, 2.8], sd: [0.7, 0.6], learnedFrom: 0 }
    const rng = new Rng(7, 1)
    let free = 0
    const n = 200_000
    for (let i = 0; i < n; i++) {
      const y = [2.6 + 0.7 * rng.normal(), 2.8 + 0.6 * rng.normal()]
      if (!front.some((f) => f[0] <= y[0] && f[1] <= y[1])) free++
    }
    expect(chanceNotDominated(front, forecast)).toBeCloseTo(free / n, 2)
    // Points the front dominates change nothing.
    expect(chanceNotDominated([...front, [3.5, 4], [2, 3]], forecast)).toBe(
      chanceNotDominated(front, forecast),
    )
  })

  it('is about 0 far behind the front and about 1 ahead of it', () => {
    const front = [
      [1, 2],
      [2, 1],
    ]
    const sd = [0.01, 0.01]
    expect(chanceNotDominated(front, { mean: [3, 3], sd, learnedFrom: 0 })).toBeLessThan(1e-6)
    expect(chanceNotDominated(front, { mean: [0.5, 0.5], sd, learnedFrom: 0 })).toBeGreaterThan(
      1 - 1e-6,
    )
  })
})

describe('final-value forecast', () => {
  it('forecasts a running trial from how the complete trials went on after the same step', () => {
    const rng = new Rng(3, 1)
    const complete = population(rng)
    const final = [1.5, 0.9]
    const trial = running(final, 0.5, 3, rng)
    const forecaster = new FinalForecaster({ window: 3, maxTrials: 200 })
    const f = forecaster.forecast(trial, 3, complete, [1, 1], 8, undefined)
    expect(f).not.toBeNull()
    // At step 3 the trial is still ≈ 20 % above its final values; the forecast lands within
    // a few per cent and its spread covers the miss.
    const now = trial.intermediate[3].objectives as number[]
    expect(now[0] / final[0]).toBeGreaterThan(1.1)
    f!.mean.forEach((m, i) => {
      expect(Math.abs(m - final[i]) / final[i]).toBeLessThan(0.06)
      expect(Math.abs(m - final[i])).toBeLessThan(3 * f!.sd[i])
    })
    expect(f!.learnedFrom).toBe(20)
  })

  it('learns from the most recent complete trials only, up to maxTrials', () => {
    const rng = new Rng(4, 1)
    const complete = population(rng)
    const trial = running([1.5, 0.9], 0.5, 3, rng)
    const f = new FinalForecaster({ window: 3, maxTrials: 12 }).forecast(
      trial,
      3,
      complete,
      [1, 1],
      8,
      undefined,
    )
    expect(f!.learnedFrom).toBe(12)
  })
})

describe('dominance pruner', () => {
  const rng = new Rng(5, 1)
  const complete = population(rng)
  const behind = running([4, 3], 0.5, 3, rng)
  const onFront = running([1.2, 1 / 1.2], 0.5, 3, rng)
  const ctx = (trial: TrialRecord, step = 3) => ({
    trial,
    step,
    trials: [...complete, trial],
    directions: twoMin,
  })

  it('stops a trial forecast to end well behind the front, with the reason in numbers', () => {
    const decision = createDominancePruner().prune(ctx(behind))
    expect(decision.prune).toBe(true)
    expect(decision.reason).toMatch(/forecast from 20 complete trials/)
    expect(decision.reason).toMatch(/% chance of escaping the current front's domination, below/)
  })

  it('lets a trial forecast to reach the front go on', () => {
    expect(createDominancePruner().prune(ctx(onFront)).prune).toBe(false)
  })

  it('waits for warm-up, for enough complete trials, and never stops a trial at its last step', () => {
    const early = running([4, 3], 0.5, 2, rng)
    expect(createDominancePruner().prune(ctx(early, 2)).prune).toBe(false)
    expect(createDominancePruner({ minCompleted: 21 }).prune(ctx(behind)).prune).toBe(false)
    const done = running([4, 3], 0.5, EPOCHS - 1, rng)
    expect(createDominancePruner().prune(ctx(done, EPOCHS - 1)).prune).toBe(false)
  })

  it('decides the same when steps count epochs from 1, as the trial runner reports them', () => {
    const fromOne = (t: TrialRecord): TrialRecord => ({
      ...t,
      intermediate: t.intermediate.map((r) => ({ ...r, step: r.step + 1 })),
    })
    const shifted = complete.map(fromOne)
    for (const trial of [behind, onFront]) {
      const plain = createDominancePruner().prune(ctx(trial)).prune
      const one = createDominancePruner().prune({
        trial: fromOne(trial),
        step: 4,
        trials: [...shifted, fromOne(trial)],
        directions: twoMin,
      })
      expect(one.prune).toBe(plain)
    }
    const done = fromOne(running([4, 3], 0.5, EPOCHS - 1, rng))
    const last = { trial: done, step: EPOCHS, trials: [...shifted, done], directions: twoMin }
    expect(createDominancePruner().prune(last).prune).toBe(false)
  })

  it('reads maximised objectives as their negatives', () => {
    const mirror = (t: TrialRecord): TrialRecord => ({
      ...t,
      values: t.values && [t.values[0], -t.values[1]],
      intermediate: t.intermediate.map((r) => ({
        ...r,
        objectives: r.objectives && [r.objectives[0], -r.objectives[1]],
      })),
    })
    const directions: Direction[] = ['minimize', 'maximize']
    for (const trial of [behind, onFront]) {
      const plain = createDominancePruner().prune(ctx(trial)).prune
      const mirrored = createDominancePruner().prune({
        trial: mirror(trial),
        step: 3,
        trials: [...complete, trial].map(mirror),
        directions,
      }).prune
      expect(mirrored).toBe(plain)
    }
  })

  it('refuses other than two objectives and inconsistent options', () => {
    expect(createDominancePruner().refusal(['minimize'])).toMatch(/median pruner/)
    expect(createDominancePruner().refusal(['minimize', 'minimize', 'minimize'])).toMatch(
      /2–2 objectives/,
    )
    expect(createDominancePruner({ maxChance: 0 }).refusal(twoMin)).toMatch(/maxChance/)
    expect(createDominancePruner({ maxChance: 1.5 }).refusal(twoMin)).toMatch(/maxChance/)
    expect(createDominancePruner({ window: 0 }).refusal(twoMin)).toMatch(/window/)
    expect(createDominancePruner({ minCompleted: 2 }).refusal(twoMin)).toMatch(/minCompleted/)
    expect(createDominancePruner({ maxTrials: 5 }).refusal(twoMin)).toMatch(/maxTrials/)
    expect(createDominancePruner().refusal(twoMin)).toBeNull()
  })
})
