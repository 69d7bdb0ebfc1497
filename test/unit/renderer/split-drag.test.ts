import { describe, expect, it } from 'vitest'
import { timeScale } from '../../../src-renderer/src/charts/series-chart/scale'
import { snapToGrid, splitFromDrag } from '../../../src-renderer/src/charts/series-chart/split-drag'

const H = 3_600_000
const T0 = Date.UTC(2024, 0, 1)
const extent = [T0, T0 + 100 * H] as const
const size = { width: 574, height: 300 } // plot 60..560: 5 px per hour over the full extent
const current = { trainEnd: T0 + 70 * H, valEnd: T0 + 90 * H }

describe('split drag inversion', () => {
  const full = timeScale(extent, size)

  it('turns the pointer pixel into the grid instant under it', () => {
    const s = splitFromDrag(full, extent, H, current, { handle: 'trainEnd', px: 60 + 50 * 5 })
    expect(s).toEqual({ trainEnd: T0 + 50 * H, valEnd: current.valEnd })
  })

  it('snaps between grid instants to the nearest one', () => {
    const s = splitFromDrag(full, extent, H, current, { handle: 'valEnd', px: 60 + 80.4 * 5 })
    expect(s.valEnd).toBe(T0 + 80 * H)
    const t = splitFromDrag(full, extent, H, current, { handle: 'valEnd', px: 60 + 80.6 * 5 })
    expect(t.valEnd).toBe(T0 + 81 * H)
  })

  it('inverts through the zoomed scale, not the full one', () => {
    const zoomed = timeScale([T0 + 60 * H, T0 + 70 * H], size) // 50 px per hour
    const s = splitFromDrag(zoomed, extent, H, current, { handle: 'trainEnd', px: 60 + 3 * 50 })
    expect(s.trainEnd).toBe(T0 + 63 * H)
  })

  it('keeps train before validation and validation before test, one step apart at least', () => {
    const pastVal = splitFromDrag(full, extent, H, current, { handle: 'trainEnd', px: 9999 })
    expect(pastVal.trainEnd).toBe(current.valEnd - H)
    const beforeTrain = splitFromDrag(full, extent, H, current, { handle: 'valEnd', px: 0 })
    expect(beforeTrain.valEnd).toBe(current.trainEnd + H)
  })

  it('keeps boundaries inside the series', () => {
    const left = splitFromDrag(full, extent, H, current, { handle: 'trainEnd', px: -500 })
    expect(left.trainEnd).toBe(T0 + H)
    const right = splitFromDrag(full, extent, H, current, { handle: 'valEnd', px: 5000 })
    expect(right.valEnd).toBe(extent[1])
  })

  it('snapToGrid rounds to the nearest step from the origin', () => {
    expect(snapToGrid(T0 + 1.49 * H, T0, H)).toBe(T0 + H)
    expect(snapToGrid(T0 - 0.6 * H, T0, H)).toBe(T0 - H)
  })

  it('moves the training start between the first row and a step before the training end', () => {
    const withStart = { ...current, trainStart: T0 + 10 * H }
    const s = splitFromDrag(full, extent, H, withStart, { handle: 'trainStart', px: 60 + 30 * 5 })
    expect(s).toEqual({ ...withStart, trainStart: T0 + 30 * H })
    const early = splitFromDrag(full, extent, H, withStart, { handle: 'trainStart', px: -99 })
    expect(early.trainStart).toBe(T0)
    const late = splitFromDrag(full, extent, H, withStart, { handle: 'trainStart', px: 9999 })
    expect(late.trainStart).toBe(current.trainEnd - H)
    // The training end cannot pass the start.
    const end = splitFromDrag(full, extent, H, withStart, { handle: 'trainEnd', px: 0 })
    expect(end).toEqual({ ...withStart, trainEnd: T0 + 11 * H })
  })
})
