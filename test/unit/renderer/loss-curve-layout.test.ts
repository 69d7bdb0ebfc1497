// The loss curve's layout: the x axis spans the epochs the trial will train, both losses share
// one y scale, missing losses leave gaps, the last point of each curve is marked.
import { describe, expect, it } from 'vitest'
import type { EpochPoint } from '@shared/study-views'
import { layoutLossCurve, MARGIN } from '../../../src-renderer/src/charts/loss-curve/layout'

const p = (epoch: number, trainLoss: number | null, valLoss: number | null): EpochPoint => ({
  epoch,
  trainLoss,
  valLoss,
  objectives: null,
})
const size = { width: 300, height: 120 }

describe('layoutLossCurve', () => {
  it('spans the planned epochs, so a running trial grows into its axis', () => {
    const marks = layoutLossCurve([p(1, 0.5, 0.6), p(2, 0.4, 0.55)], 10, size)
    const right = size.width - MARGIN.right
    expect(marks.xTicks[0].value).toBe(1)
    expect(marks.xTicks.at(-1)?.value).toBe(10)
    expect(marks.xTicks.at(-1)?.at).toBeCloseTo(right)
    const train = marks.curves.find((c) => c.key === 'train')
    // Epoch 2 of 10 lies a ninth of the way along.
    expect(train?.last?.x).toBeCloseTo(MARGIN.left + (right - MARGIN.left) / 9)
    expect(marks.empty).toBe(false)
  })

  it('puts both losses on one scale whose ticks cover them, the lower loss lower down', () => {
    const marks = layoutLossCurve([p(1, 2, 3), p(2, 1, 2.5)], 2, size)
    const values = marks.yTicks.map((t) => t.value)
    expect(Math.min(...values)).toBeLessThanOrEqual(1)
    expect(Math.max(...values)).toBeGreaterThanOrEqual(3)
    const train = marks.curves.find((c) => c.key === 'train')?.last
    const val = marks.curves.find((c) => c.key === 'val')?.last
    expect(train && val && train.y > val.y).toBe(true)
  })

  it('leaves gaps for missing losses and ends each curve at its last known point', () => {
    const marks = layoutLossCurve([p(1, 1, null), p(2, null, 2), p(3, 0.8, null)], 3, size)
    const train = marks.curves.find((c) => c.key === 'train')
    const val = marks.curves.find((c) => c.key === 'val')
    expect(train?.d.match(/M/g)).toHaveLength(2)
    expect(val?.last?.x).toBeCloseTo(marks.plot.left + marks.plot.width / 2)
  })

  it('sorts points by epoch and survives a flat or empty curve', () => {
    const flat = layoutLossCurve([p(2, 1, 1), p(1, 1, 1)], null, size)
    expect(flat.yTicks.length).toBeGreaterThan(0)
    expect(flat.curves[0].d.startsWith(`M${MARGIN.left}`)).toBe(true)
    const empty = layoutLossCurve([], null, size)
    expect(empty.empty).toBe(true)
    expect(empty.curves.every((c) => c.d === '' && c.last === null)).toBe(true)
  })
})
