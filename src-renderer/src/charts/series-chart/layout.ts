// Pure layout of the series chart: data, size and the visible time range in, pixel marks out.
// No DOM here, so every mark can be checked in a unit test.
import { area, line, scaleLinear } from 'd3'
import type { TimeRun } from '@shared/dataset-types'
import type { SeriesBuckets } from '@shared/contract'
import { plotArea, timeScale } from './scale'
import type {
  Domain,
  Marks,
  OriginMark,
  OriginPlan,
  PlotArea,
  RegionMark,
  SeriesChartData,
  ShiftMark,
  Size,
  SpanMark,
  SplitLineMark,
  SplitTimes,
  TickMark,
} from './types'

/** Narrowest region (px) that still gets its name written in it. */
const MIN_LABELLED_REGION = 40
/** Narrowest drawn gap or constant run (px), so that short runs stay visible zoomed out. */
const MIN_RUN_WIDTH = 2

export function layout(data: SeriesChartData, size: Size, view: Domain): Marks {
  const plot = plotArea(size)
  const x = timeScale(view, size)
  const px = (t: number) => x(t)
  const picked = pickBuckets(data, view)
  const visible = picked ? visibleIndices(picked, view) : []
  const y = scaleLinear()
    .domain(valueDomain(picked, visible))
    .range([plot.top + plot.height, plot.top])
    .nice()

  const defined = (i: number) => picked!.min[i] !== null && picked!.max[i] !== null
  const bucketX = (i: number) => px(picked!.t[i])
  const band = picked
    ? (area<number>()
        .defined(defined)
        .x(bucketX)
        .y0((i) => y(picked.min[i]!))
        .y1((i) => y(picked.max[i]!))(visible) ?? '')
    : ''
  const mid = picked
    ? (line<number>()
        .defined(defined)
        .x(bucketX)
        .y((i) => y((picked.min[i]! + picked.max[i]!) / 2))(visible) ?? '')
    : ''

  const half = data.stepMs / 2
  const runSpans = (runs: TimeRun[], prefix: string) =>
    spans(runs, view, plot, px, prefix, (r) => [r.start - half, r.end + half])

  return {
    plot,
    source: picked === null ? null : picked === data.detail ? 'detail' : 'overview',
    band,
    line: mid,
    regions: data.split ? regions(data, plot, px) : [],
    gaps: runSpans(data.gaps, 'gap'),
    absent: runSpans(data.absentRuns, 'absent'),
    constants: runSpans(data.constantRuns, 'const'),
    shifts: shiftMarks(data.levelShifts, plot, px),
    splitLines: data.split ? splitLines(data.split, plot, px) : [],
    origins: data.origins ? originMarks(data.origins, plot, px) : [],
    xTicks: timeTicks(x, plot),
    yTicks: y.ticks(5).map((v) => ({ key: String(v), at: y(v), label: y.tickFormat(5)(v) })),
  }
}

/**
 * The detail buckets once they cover the visible range, else the overview, so that a zoom or pan
 * shows the coarse shape at once and sharpens when main answers.
 */
export function pickBuckets(data: SeriesChartData, view: Domain): SeriesBuckets | null {
  const from = Math.max(view[0], data.extent[0])
  const to = Math.min(view[1], data.extent[1])
  const slack = data.stepMs
  const d = data.detail
  if (d && d.t.length > 0 && d.from <= from + slack && d.to >= to - slack) return d
  return data.overview && data.overview.t.length > 0 ? data.overview : null
}

/** Buckets inside the view plus one on each side, so the line runs on to the plot's edges. */
export function visibleIndices(b: SeriesBuckets, view: Domain): number[] {
  const out: number[] = []
  const n = b.t.length
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? b.t[i + 1] : Infinity
    const prev = i > 0 ? b.t[i - 1] : -Infinity
    if (next >= view[0] && prev <= view[1]) out.push(i)
  }
  return out
}

export function valueDomain(b: SeriesBuckets | null, indices: number[]): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  if (b) {
    for (const i of indices) {
      const a = b.min[i]
      const z = b.max[i]
      if (a !== null && a < lo) lo = a
      if (z !== null && z > hi) hi = z
    }
  }
  if (lo > hi) return [0, 1]
  if (lo === hi) {
    // A flat stretch still needs a visible axis around it.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.05
    return [lo - pad, hi + pad]
  }
  return [lo, hi]
}

function spans(
  runs: TimeRun[],
  view: Domain,
  plot: PlotArea,
  px: (t: number) => number,
  prefix: string,
  bounds: (r: TimeRun) => [number, number],
): SpanMark[] {
  const out: SpanMark[] = []
  for (const run of runs) {
    const [a, b] = bounds(run)
    if (b < view[0] || a > view[1]) continue
    const clipped = clip(px(a), px(b), plot)
    // A run narrower than a couple of pixels is still worth seeing: it marks a real hole.
    if (clipped)
      out.push({
        key: `${prefix}-${run.start}`,
        x: clipped[0],
        width: Math.max(MIN_RUN_WIDTH, clipped[1] - clipped[0]),
      })
  }
  return out
}

function clip(x0: number, x1: number, plot: PlotArea): [number, number] | null {
  const a = Math.max(plot.left, x0)
  const b = Math.min(plot.left + plot.width, x1)
  return b >= a ? [a, b] : null
}

function regions(data: SeriesChartData, plot: PlotArea, px: (t: number) => number): RegionMark[] {
  const split = data.split!
  const trainStart = split.trainStart ?? data.extent[0]
  const bounds: [RegionMark['key'], number, number][] = [
    ['before', data.extent[0], trainStart],
    ['train', trainStart, split.trainEnd],
    ['val', split.trainEnd, split.valEnd],
    ['test', split.valEnd, data.extent[1] + data.stepMs],
  ]
  const out: RegionMark[] = []
  for (const [key, a, b] of bounds) {
    const clipped = clip(px(a), px(b), plot)
    if (!clipped || clipped[1] - clipped[0] <= 0) continue
    const width = clipped[1] - clipped[0]
    const labelX = width >= MIN_LABELLED_REGION && key !== 'before' ? clipped[0] + width / 2 : null
    out.push({ key, x: clipped[0], width, labelX })
  }
  return out
}

function splitLines(split: SplitTimes, plot: PlotArea, px: (t: number) => number): SplitLineMark[] {
  const lines: SplitLineMark[] = [
    ...(split.trainStart !== undefined
      ? [{ key: 'trainStart' as const, x: px(split.trainStart) }]
      : []),
    { key: 'trainEnd', x: px(split.trainEnd) },
    { key: 'valEnd', x: px(split.valEnd) },
  ]
  return lines.filter((l) => l.x >= plot.left && l.x <= plot.left + plot.width)
}

/** Each origin in view, its forecast span at least a pixel wide so that it shows zoomed out. */
function originMarks(plan: OriginPlan, plot: PlotArea, px: (t: number) => number): OriginMark[] {
  const out: OriginMark[] = []
  for (const t of plan.times) {
    const x = px(t)
    const clipped = clip(x, px(t + plan.horizonMs), plot)
    if (!clipped) continue
    out.push({
      key: `origin-${t}`,
      x: x >= plot.left ? x : null,
      spanX: clipped[0],
      spanWidth: Math.max(1, clipped[1] - clipped[0]),
    })
  }
  return out
}

/** A marker at each shift in view, labelled with its factor: ÷10 for a tenfold drop, ×3 for a rise. */
function shiftMarks(
  shifts: SeriesChartData['levelShifts'],
  plot: PlotArea,
  px: (t: number) => number,
): ShiftMark[] {
  return shifts
    .map((s) => ({
      key: `shift-${s.at}`,
      x: px(s.at),
      label: s.factor < 1 ? `÷${twoDigits(1 / s.factor)}` : `×${twoDigits(s.factor)}`,
    }))
    .filter((m) => m.x >= plot.left && m.x <= plot.left + plot.width)
}

function twoDigits(v: number): number {
  return Number(v.toPrecision(2))
}

function timeTicks(x: ReturnType<typeof timeScale>, plot: PlotArea): TickMark[] {
  const count = Math.max(2, Math.floor(plot.width / 110))
  const format = x.tickFormat(count)
  return x.ticks(count).map((d) => ({ key: String(d.getTime()), at: x(d), label: format(d) }))
}
