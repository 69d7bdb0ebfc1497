import { describe, expect, it } from 'vitest'
import { DataError } from '../../../../src-main/engine/data/data-error'
import { TrainError } from '../../../../src-main/engine/train/train-error'
import {
  validationPlan,
  walkForwardPlan,
} from '../../../../src-main/engine/train/walk-forward-plan'

describe('walkForwardPlan', () => {
  it('defaults to the thesis: 10 origins 24 h apart, the first L = 168 rows into the split', () => {
    const plan = walkForwardPlan({ start: 1000, end: 2000 })
    expect(plan.origins).toEqual(Array.from({ length: 10 }, (_, i) => 1168 + 24 * i))
    expect(plan).toMatchObject({ start: 1000, end: 2000, horizon: 24, stride: 24 })
  })

  it('takes origins, horizon, stride and offset as options', () => {
    const plan = walkForwardPlan(
      { start: 500, end: 600 },
      { origins: 3, horizon: 12, stride: 6, offset: 0 },
    )
    expect(plan.origins).toEqual([500, 506, 512])
    expect(plan.horizon).toBe(12)
    expect(
      walkForwardPlan({ start: 500, end: 600 }, { origins: 2, horizon: 5, inputLength: 48 })
        .origins,
    ).toEqual([548, 553])
  })

  it('fits exactly when the split holds offset + (N − 1)·stride + H rows, and refuses one row less', () => {
    const need = 168 + 9 * 24 + 24
    expect(walkForwardPlan({ start: 200, end: 200 + need }).origins.at(-1)).toBe(200 + need - 24)
    expect(() => walkForwardPlan({ start: 200, end: 200 + need - 1 })).toThrow(DataError)
    // offset 0 needs history before the split
    expect(() => walkForwardPlan({ start: 100, end: 1000 }, { offset: 0 })).toThrow(/history/)
  })

  it('refuses bad options with a TrainError', () => {
    for (const bad of [{ origins: 0 }, { horizon: 1.5 }, { stride: -1 }, { offset: -2 }]) {
      expect(() => walkForwardPlan({ start: 0, end: 10_000 }, bad)).toThrow(TrainError)
    }
  })

  it('runs over the validation part of a resolved split', () => {
    const split = { trainEnd: 7000, valEnd: 9000, length: 10_000, trainEndTime: 0, valEndTime: 0 }
    expect(validationPlan(split).origins[0]).toBe(7168)
  })
})
