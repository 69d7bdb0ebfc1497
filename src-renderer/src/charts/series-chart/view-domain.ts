// Between d3-zoom's transform and the visible time range. d3-zoom keeps the transform; the chart
// thinks in time ranges; these functions are the only translation between the two.
import type { Domain } from './types'

export interface XTransform {
  k: number
  x: number
}

/** The visible range for a zoom transform over a base scale that maps `extent` onto `range`. */
export function domainFromTransform(t: XTransform, extent: Domain, range: Domain): Domain {
  const span = extent[1] - extent[0]
  const width = range[1] - range[0]
  const invert = (px: number) => extent[0] + ((px - range[0]) / width) * span
  return [invert((range[0] - t.x) / t.k), invert((range[1] - t.x) / t.k)]
}

/** The transform that shows `view`: the inverse of domainFromTransform. */
export function transformForDomain(view: Domain, extent: Domain, range: Domain): XTransform {
  const span = extent[1] - extent[0]
  const width = range[1] - range[0]
  const base = (t: number) => range[0] + ((t - extent[0]) / span) * width
  const k = width / (base(view[1]) - base(view[0]))
  return { k, x: range[0] - k * base(view[0]) }
}

/** Deepest zoom: about 24 grid steps across the plot, which is where single points show. */
export function maxZoom(extent: Domain, stepMs: number): number {
  return Math.max(1, (extent[1] - extent[0]) / (stepMs * 24))
}

/**
 * How many buckets to ask for: one per pixel, but never more than there are grid instants in
 * the range, or buckets would fall between instants and read as gaps.
 */
export function bucketCount(view: Domain, stepMs: number, plotWidth: number): number {
  const instants = Math.floor((view[1] - view[0]) / stepMs) + 1
  return Math.max(1, Math.min(20_000, Math.round(plotWidth), instants))
}

/** The requested range, clamped to the data so main never gets asked about empty time. */
export function clampToExtent(view: Domain, extent: Domain): Domain {
  return [Math.max(view[0], extent[0]), Math.min(view[1], extent[1])]
}

/**
 * The range that shows a run of interest with context: the run in the middle third, at least
 * two days of grid either side, kept inside the data.
 */
export function focusWindow(run: Domain, extent: Domain, stepMs: number): Domain {
  const pad = Math.max(48 * stepMs, run[1] - run[0])
  const from = Math.max(extent[0], run[0] - pad)
  const to = Math.min(extent[1], run[1] + pad)
  return [from, to]
}
