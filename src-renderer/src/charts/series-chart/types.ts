// Shapes shared by the series chart's layout, render and wrapper. Times are UTC milliseconds;
// every mark is in SVG pixels.
import type { TimeRun } from '@shared/dataset-types'
import type { SeriesBuckets } from '@shared/contract'

export type Domain = readonly [number, number]

export interface Size {
  width: number
  height: number
}

export interface Margin {
  top: number
  right: number
  bottom: number
  left: number
}

// The top margin holds the region names, clear of the visible-range caption above them.
export const MARGIN: Margin = { top: 30, right: 14, bottom: 24, left: 60 }

export interface SplitTimes {
  /** First instant training reads; absent: the first row. */
  trainStart?: number
  /** First instant of validation (= end of train, exclusive). */
  trainEnd: number
  /** First instant of test. */
  valEnd: number
}

export type SplitHandle = keyof SplitTimes

export interface SeriesChartData {
  /** First and last instant of the regular grid. */
  extent: Domain
  /** Grid step (the dataset's frequency). */
  stepMs: number
  /** The whole series at chart resolution, drawn until a closer look arrives. */
  overview: SeriesBuckets | null
  /** The visible range at chart resolution, once loaded. */
  detail: SeriesBuckets | null
  /** Missing-value runs of the drawn column (absent rows included). */
  gaps: TimeRun[]
  /** Grid instants with no row at all. */
  absentRuns: TimeRun[]
  constantRuns: TimeRun[]
  /** Level shifts of the drawn column (profile.levelShifts): a vertical marker each. */
  levelShifts: { at: number; factor: number }[]
  split: SplitTimes | null
  /** Walk-forward origins to mark, each with its forecast span (the study setup draws them). */
  origins?: OriginPlan | null
}

export interface OriginPlan {
  /** Each origin's first forecast instant. */
  times: number[]
  /** Length of one forecast. */
  horizonMs: number
}

/** What a legend can name: the split's parts and the marks drawn over the series. */
export type LegendItem =
  'train' | 'val' | 'test' | 'gap' | 'absent' | 'constant' | 'shift' | 'before' | 'origin'

export interface PlotArea {
  left: number
  top: number
  width: number
  height: number
}

export interface RegionMark {
  /** 'before': rows ahead of the training start, which training does not read. */
  key: 'before' | 'train' | 'val' | 'test'
  x: number
  width: number
  /** Where the region's name goes; null when the visible part is too narrow to label. */
  labelX: number | null
}

export interface SpanMark {
  key: string
  x: number
  width: number
}

export interface ShiftMark {
  key: string
  x: number
  /** "×0.1" for a tenfold drop. */
  label: string
}

/** One origin: a line at its first forecast instant and the span its forecast covers. */
export interface OriginMark {
  key: string
  /** The origin's line; null when the origin is left of the view but its forecast is in it. */
  x: number | null
  spanX: number
  spanWidth: number
}

export interface SplitLineMark {
  key: SplitHandle
  x: number
}

export interface TickMark {
  key: string
  /** x for the time axis, y for the value axis */
  at: number
  label: string
}

export interface Marks {
  plot: PlotArea
  /** Which buckets were drawn: the close look, the overview, or nothing yet. */
  source: 'detail' | 'overview' | null
  band: string
  line: string
  regions: RegionMark[]
  gaps: SpanMark[]
  absent: SpanMark[]
  constants: SpanMark[]
  shifts: ShiftMark[]
  splitLines: SplitLineMark[]
  origins: OriginMark[]
  xTicks: TickMark[]
  yTicks: TickMark[]
}
