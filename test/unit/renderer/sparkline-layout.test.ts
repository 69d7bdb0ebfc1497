// The sparkline's scales and marks: the newest sample at the right edge, 0..max upwards, values
// above max clamped, missing readings as gaps, samples older than the window left out.
import { describe, expect, it } from 'vitest'
import { layoutSparkline, sparklineScales } from '../../../src-renderer/src/charts/sparkline/layout'

const scale = { now: 100_000, windowMs: 60_000, max: 100 }
const size = { width: 120, height: 30 }

describe('sparkline scales', () => {
  it('maps the window onto the width and 0..max onto the height, upwards', () => {
    const { x, y } = sparklineScales(scale, size.width, size.height)
    expect(x(100_000)).toBe(120)
    expect(x(40_000)).toBe(0)
    expect(y(0)).toBe(29)
    expect(y(100)).toBe(1)
    expect(y(250)).toBe(1)
  })

  it('gives a zero max a usable scale', () => {
    const { y } = sparklineScales({ ...scale, max: 0 }, 120, 30)
    expect(Number.isFinite(y(0))).toBe(true)
  })
})

describe('layoutSparkline', () => {
  it('draws the samples in the window and the one just before it, ending at the newest', () => {
    const points = [
      { t: 10_000, v: 50 },
      { t: 30_000, v: 50 },
      { t: 70_000, v: 0 },
      { t: 100_000, v: 100 },
    ]
    const marks = layoutSparkline(points, scale, size)
    // M + 2 L: the 10 s sample is dropped, the 30 s one kept as the left edge's anchor.
    expect(marks.line.match(/[ML]/g)).toEqual(['M', 'L', 'L'])
    expect(marks.last).toEqual({ x: 120, y: 1 })
    expect(marks.area.startsWith('M')).toBe(true)
  })

  it('leaves a gap where the reading was missing and dots the last reading', () => {
    const points = [
      { t: 50_000, v: 10 },
      { t: 60_000, v: 20 },
      { t: 70_000, v: null },
      { t: 80_000, v: 30 },
      { t: 90_000, v: 40 },
      { t: 100_000, v: null },
    ]
    const marks = layoutSparkline(points, scale, size)
    expect(marks.line.match(/M/g)).toHaveLength(2)
    expect(marks.last?.x).toBe(100)
  })

  it('draws nothing without samples in the window', () => {
    const marks = layoutSparkline([{ t: 1000, v: 3 }], scale, size)
    expect(marks).toEqual({ line: '', area: '', last: null })
  })
})
