import { describe, expect, it } from 'vitest'
import type { SeriesBuckets } from '@shared/contract'
import {
  layout,
  pickBuckets,
  valueDomain,
  visibleIndices,
} from '../../../src-renderer/src/charts/series-chart/layout'
import { plotArea } from '../../../src-renderer/src/charts/series-chart/scale'
import type { SeriesChartData } from '../../../src-renderer/src/charts/series-chart/types'

const H = 3_600_000
const T0 = Date.UTC(2024, 0, 1)
const size = { width: 574, height: 300 } // plot: 60..560, 500 px wide

function buckets(values: (number | null)[], from = T0, step = H): SeriesBuckets {
  return {
    column: 'heat',
    from,
    to: from + (values.length - 1) * step,
    stepMs: step,
    t: values.map((_, i) => from + i * step),
    min: values.map((v) => (v === null ? null : v - 1)),
    max: values.map((v) => (v === null ? null : v + 1)),
  }
}

function data(over: Partial<SeriesChartData> = {}): SeriesChartData {
  const overview = buckets(Array.from({ length: 101 }, (_, i) => 10 + (i % 10)))
  return {
    extent: [T0, T0 + 100 * H],
    stepMs: H,
    overview,
    detail: null,
    gaps: [],
    absentRuns: [],
    constantRuns: [],
    levelShifts: [],
    split: { trainEnd: T0 + 70 * H, valEnd: T0 + 90 * H },
    ...over,
  }
}

const moves = (d: string) => (d.match(/M/g) ?? []).length

describe('series chart layout', () => {
  it('maps the full extent onto the plot area', () => {
    const plot = plotArea(size)
    const m = layout(data(), size, [T0, T0 + 100 * H])
    expect(m.plot).toEqual(plot)
    expect(m.source).toBe('overview')
    expect(moves(m.line)).toBe(1)
    expect(m.band.startsWith(`M${plot.left},`)).toBe(true)
  })

  it('breaks the line and the band at null buckets', () => {
    const values = Array.from({ length: 101 }, (_, i) => (i === 40 || i === 41 ? null : 5))
    const m = layout(data({ overview: buckets(values) }), size, [T0, T0 + 100 * H])
    expect(moves(m.line)).toBe(2)
    expect(moves(m.band)).toBe(2)
  })

  it('places split lines at their instants and tints the three regions', () => {
    const m = layout(data(), size, [T0, T0 + 100 * H])
    expect(m.splitLines).toEqual([
      { key: 'trainEnd', x: 60 + 350 },
      { key: 'valEnd', x: 60 + 450 },
    ])
    expect(m.regions.map((r) => [r.key, Math.round(r.x), Math.round(r.width)])).toEqual([
      ['train', 60, 350],
      ['val', 410, 100],
      ['test', 510, 50],
    ])
  })

  it('hides split lines and clips regions outside the view', () => {
    const m = layout(data(), size, [T0, T0 + 50 * H])
    expect(m.splitLines).toEqual([])
    expect(m.regions).toHaveLength(1)
    expect(m.regions[0]).toMatchObject({ key: 'train', x: 60, width: 500 })
  })

  it('shades gaps half a step either side of their missing instants, clipped to the plot', () => {
    const gaps = [{ start: T0 + 10 * H, end: T0 + 11 * H, steps: 2 }]
    const absentRuns = [{ start: T0, end: T0, steps: 1 }]
    const m = layout(data({ gaps, absentRuns }), size, [T0, T0 + 100 * H])
    expect(m.gaps).toHaveLength(1)
    expect(m.gaps[0].x).toBeCloseTo(60 + 9.5 * 5)
    expect(m.gaps[0].width).toBeCloseTo(2 * 5)
    // The first instant's half step before the plot is cut away.
    expect(m.absent[0].x).toBe(60)
    expect(m.absent[0].width).toBeCloseTo(2.5)
  })

  it('keeps a sub-pixel run visible and drops runs outside the view', () => {
    const runs = [
      { start: T0 + 20 * H, end: T0 + 20 * H, steps: 1 },
      { start: T0 + 80 * H, end: T0 + 80 * H, steps: 1 },
    ]
    const m = layout(data({ constantRuns: runs, stepMs: H }), { width: 124, height: 200 }, [
      T0,
      T0 + 50 * H,
    ])
    expect(m.constants).toHaveLength(1)
    expect(m.constants[0].width).toBeGreaterThanOrEqual(1)
  })

  it('uses the detail buckets once they cover the view', () => {
    const view = [T0 + 10 * H, T0 + 20 * H] as const
    const detail = buckets(
      Array.from({ length: 11 }, () => 50),
      T0 + 10 * H,
    )
    const m = layout(data({ detail }), size, view)
    expect(m.source).toBe('detail')
    const partial = buckets([50, 50], T0 + 15 * H)
    expect(layout(data({ detail: partial }), size, view).source).toBe('overview')
  })

  it('labels both axes', () => {
    const m = layout(data(), size, [T0, T0 + 100 * H])
    expect(m.xTicks.length).toBeGreaterThan(1)
    expect(m.yTicks.length).toBeGreaterThan(1)
    for (const t of m.xTicks) expect(t.at).toBeGreaterThanOrEqual(60)
    for (const t of m.yTicks) expect(t.label).not.toBe('')
  })

  it('draws nothing but axes before any buckets arrive', () => {
    const m = layout(data({ overview: null }), size, [T0, T0 + 100 * H])
    expect(m.source).toBeNull()
    expect(m.band).toBe('')
    expect(m.line).toBe('')
  })
})

describe('layout helpers', () => {
  it('valueDomain spans the visible minima and maxima, padding a flat series', () => {
    const b = buckets([1, null, 3])
    expect(valueDomain(b, [0, 1, 2])).toEqual([0, 4])
    expect(valueDomain(buckets([null]), [0])).toEqual([0, 1])
    const flat = valueDomain({ ...buckets([5]), min: [5], max: [5] }, [0])
    expect(flat[0]).toBeLessThan(5)
    expect(flat[1]).toBeGreaterThan(5)
  })

  it('visibleIndices keeps one bucket beyond each edge', () => {
    const b = buckets(Array.from({ length: 10 }, () => 1))
    expect(visibleIndices(b, [T0 + 3.5 * H, T0 + 5.5 * H])).toEqual([3, 4, 5, 6])
  })

  it('pickBuckets falls back to the overview, and to nothing when empty', () => {
    const d = data({ overview: { ...buckets([]), t: [], min: [], max: [] } })
    expect(pickBuckets(d, d.extent)).toBeNull()
  })

  it('draws constant runs as spans over their steps, half a step either side', () => {
    const m = layout(
      data({ constantRuns: [{ start: T0 + 20 * H, end: T0 + 43 * H, steps: 24 }] }),
      size,
      [T0, T0 + 100 * H],
    )
    // 5 px per hour from x = 60: 19.5 h → 157.5, 43.5 h → 277.5.
    expect(m.constants).toEqual([{ key: `const-${T0 + 20 * H}`, x: 157.5, width: 120 }])
  })

  it('marks level shifts in view with their factor, and none outside it', () => {
    const shifts = [
      { at: T0 + 40 * H, factor: 0.0995 },
      { at: T0 + 95 * H, factor: 3.21 },
    ]
    const m = layout(data({ levelShifts: shifts }), size, [T0, T0 + 100 * H])
    expect(m.shifts).toEqual([
      { key: `shift-${T0 + 40 * H}`, x: 260, label: '÷10' },
      { key: `shift-${T0 + 95 * H}`, x: 535, label: '×3.2' },
    ])
    const zoomed = layout(data({ levelShifts: shifts }), size, [T0 + 50 * H, T0 + 90 * H])
    expect(zoomed.shifts).toEqual([])
  })

  it('greys the rows before the training start and gives the start its own handle', () => {
    const split = { trainStart: T0 + 20 * H, trainEnd: T0 + 70 * H, valEnd: T0 + 90 * H }
    const m = layout(data({ split }), size, [T0, T0 + 100 * H])
    expect(m.regions.map((r) => [r.key, r.x, r.width, r.labelX])).toEqual([
      ['before', 60, 100, null],
      ['train', 160, 250, 285],
      ['val', 410, 100, 460],
      ['test', 510, 50, 535],
    ])
    expect(m.splitLines).toEqual([
      { key: 'trainStart', x: 160 },
      { key: 'trainEnd', x: 410 },
      { key: 'valEnd', x: 510 },
    ])
    // Without a start (or at the first row) no region precedes training.
    const plain = layout(data(), size, [T0, T0 + 100 * H])
    expect(plain.regions.map((r) => r.key)).toEqual(['train', 'val', 'test'])
    expect(plain.splitLines.map((l) => l.key)).toEqual(['trainEnd', 'valEnd'])
  })
})

describe('series chart origins', () => {
  const plan = { times: [T0 + 90 * H, T0 + 94 * H, T0 + 98 * H], horizonMs: 2 * H }

  it('marks each origin with a line and its forecast span', () => {
    const m = layout(data({ origins: plan }), size, [T0, T0 + 100 * H])
    // 5 px an hour: origin at hour 90 is x = 60 + 450, its 2-hour span 10 px wide.
    expect(m.origins).toEqual([
      { key: `origin-${T0 + 90 * H}`, x: 510, spanX: 510, spanWidth: 10 },
      { key: `origin-${T0 + 94 * H}`, x: 530, spanX: 530, spanWidth: 10 },
      { key: `origin-${T0 + 98 * H}`, x: 550, spanX: 550, spanWidth: 10 },
    ])
    expect(layout(data(), size, [T0, T0 + 100 * H]).origins).toEqual([])
  })

  it('clips to the view: a forecast reaching in keeps its span without a line', () => {
    // View hours 91..99: 500 px / 8 h = 62.5 px an hour.
    const m = layout(data({ origins: plan }), size, [T0 + 91 * H, T0 + 99 * H])
    expect(m.origins[0]).toEqual({
      key: `origin-${T0 + 90 * H}`,
      x: null,
      spanX: 60,
      spanWidth: 62.5,
    })
    expect(m.origins[2].spanWidth).toBe(62.5)
    expect(m.origins[2].x).toBe(60 + 7 * 62.5)
  })

  it('keeps a span visible zoomed far out', () => {
    const m = layout(data({ origins: { times: [T0 + 50 * H], horizonMs: 1 } }), size, [
      T0,
      T0 + 100 * H,
    ])
    expect(m.origins[0].spanWidth).toBe(1)
  })
})
