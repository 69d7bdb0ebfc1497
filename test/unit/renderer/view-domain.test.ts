import { describe, expect, it } from 'vitest'
import {
  bucketCount,
  clampToExtent,
  domainFromTransform,
  focusWindow,
  maxZoom,
  transformForDomain,
} from '../../../src-renderer/src/charts/series-chart/view-domain'

const H = 3_600_000
const extent = [0, 1000 * H] as const
const range = [60, 560] as const

describe('zoom transform ↔ visible range', () => {
  it('the identity shows the whole extent', () => {
    expect(domainFromTransform({ k: 1, x: 0 }, extent, range)).toEqual([0, 1000 * H])
  })

  it('round-trips a range through its transform', () => {
    const view = [200 * H, 300 * H] as const
    const t = transformForDomain(view, extent, range)
    expect(t.k).toBeCloseTo(10)
    const back = domainFromTransform(t, extent, range)
    expect(back[0]).toBeCloseTo(view[0], -1)
    expect(back[1]).toBeCloseTo(view[1], -1)
  })

  it('limits zoom to about 24 steps across the plot', () => {
    expect(maxZoom(extent, H)).toBeCloseTo(1000 / 24)
    expect(maxZoom([0, 10 * H], H)).toBe(1)
  })

  it('asks for one bucket per pixel but never more than there are instants', () => {
    expect(bucketCount([0, 1000 * H], H, 500)).toBe(500)
    expect(bucketCount([0, 99 * H], H, 500)).toBe(100)
    expect(bucketCount([0, 0], H, 500)).toBe(1)
  })

  it('clamps a range to the data', () => {
    expect(clampToExtent([-5, 2000 * H], extent)).toEqual([0, 1000 * H])
  })

  it('frames a focused run with context, inside the data', () => {
    expect(focusWindow([500 * H, 501 * H], extent, H)).toEqual([452 * H, 549 * H])
    expect(focusWindow([500 * H, 700 * H], extent, H)).toEqual([300 * H, 900 * H])
    expect(focusWindow([2 * H, 3 * H], extent, H)).toEqual([0, 51 * H])
  })
})
