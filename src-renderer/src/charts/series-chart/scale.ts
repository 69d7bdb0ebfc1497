// The chart's one time scale. Layout draws with it and the split drag inverts through it, so a
// pixel means the same instant in both.
import { scaleUtc, type ScaleTime } from 'd3'
import { MARGIN, type Domain, type PlotArea, type Size } from './types'

export function plotArea(size: Size): PlotArea {
  return {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, size.width - MARGIN.left - MARGIN.right),
    height: Math.max(1, size.height - MARGIN.top - MARGIN.bottom),
  }
}

export function timeScale(view: Domain, size: Size): ScaleTime<number, number> {
  const plot = plotArea(size)
  return scaleUtc()
    .domain([new Date(view[0]), new Date(view[1])])
    .range([plot.left, plot.left + plot.width])
}
