// Draws the marks into the chart's SVG. Every layer is one `selection.join`, so entering,
// updating and leaving marks are handled in one place and a re-render is idempotent.
import { select, type DragBehavior, type Selection, type SubjectPosition } from 'd3'
import type {
  Marks,
  OriginMark,
  RegionMark,
  ShiftMark,
  SpanMark,
  SplitLineMark,
  TickMark,
} from './types'

const LAYERS = [
  'regions',
  'gaps',
  'absent',
  'constant-shades',
  'grid',
  'data',
  'origins',
  'constants',
  'shifts',
  'axes',
  'split',
] as const
type Layer = (typeof LAYERS)[number]

export type SplitDrag = DragBehavior<SVGGElement, SplitLineMark, SplitLineMark | SubjectPosition>

export interface RenderOptions {
  /** Unique per chart instance: clip-path ids are document-wide. */
  clipId: string
  splitDrag: SplitDrag | null
}

const SPLIT_LABELS: Record<SplitLineMark['key'], string> = {
  trainStart: 'training start',
  trainEnd: 'train | val',
  valEnd: 'val | test',
}
const CONSTANT_BAND_HEIGHT = 4

export function render(svg: SVGSVGElement, marks: Marks, options: RenderOptions): void {
  const root = select(svg)
  const { plot } = marks
  const bottom = plot.top + plot.height
  const right = plot.left + plot.width

  root
    .selectAll('defs')
    .data([0])
    .join('defs')
    .selectAll('clipPath')
    .data([0])
    .join('clipPath')
    .attr('id', options.clipId)
    .selectAll('rect')
    .data([plot])
    .join('rect')
    .attr('x', (p) => p.left)
    .attr('y', (p) => p.top)
    .attr('width', (p) => p.width)
    .attr('height', (p) => p.height)

  const layer = (name: Layer) => root.select<SVGGElement>(`g.${name}`)
  root
    .selectAll<SVGGElement, Layer>('g.layer')
    .data(LAYERS)
    .join('g')
    .attr('class', (d) => `layer ${d}`)

  const regions = layer('regions')
  regions
    .selectAll<SVGRectElement, RegionMark>('rect')
    .data(marks.regions, (d) => d.key)
    .join('rect')
    .attr('class', (d) => `region region-${d.key}`)
    .attr('x', (d) => d.x)
    .attr('y', plot.top)
    .attr('width', (d) => d.width)
    .attr('height', plot.height)
  regions
    .selectAll<SVGTextElement, RegionMark>('text')
    .data(
      marks.regions.filter((r) => r.labelX !== null),
      (d) => d.key,
    )
    .join('text')
    .attr('class', 'region-label')
    .attr('x', (d) => d.labelX!)
    .attr('y', plot.top - 5)
    .attr('text-anchor', 'middle')
    .text((d) => d.key)

  spans(layer('gaps'), marks.gaps, 'gap', plot.top, plot.height)
  spans(layer('absent'), marks.absent, 'absent', plot.top, plot.height)
  // A constant run is shaded over the full height (the line inside it is flat, easy to miss
  // zoomed out) and marked by a band on the axis, which stays visible over the data.
  spans(layer('constant-shades'), marks.constants, 'constant-shade', plot.top, plot.height)
  spans(
    layer('constants'),
    marks.constants,
    'constant',
    bottom - CONSTANT_BAND_HEIGHT,
    CONSTANT_BAND_HEIGHT,
  )

  layer('grid')
    .selectAll<SVGLineElement, TickMark>('line')
    .data(marks.yTicks, (d) => d.key)
    .join('line')
    .attr('class', 'gridline')
    .attr('x1', plot.left)
    .attr('x2', right)
    .attr('y1', (d) => d.at)
    .attr('y2', (d) => d.at)

  const data = layer('data').attr('clip-path', `url(#${options.clipId})`)
  data
    .selectAll('path.band')
    .data([marks.band])
    .join('path')
    .attr('class', 'band')
    .attr('d', (d) => d)
  data
    .selectAll('path.line')
    .data([marks.line])
    .join('path')
    .attr('class', 'line')
    .attr('d', (d) => d)

  originMarkers(layer('origins'), marks)
  shiftMarkers(layer('shifts'), marks)
  axes(layer('axes'), marks)
  splitHandles(layer('split'), marks, options.splitDrag)
}

function spans(
  g: Selection<SVGGElement, unknown, null, undefined>,
  data: SpanMark[],
  cls: string,
  y: number,
  height: number,
) {
  g.selectAll<SVGRectElement, SpanMark>('rect')
    .data(data, (d) => d.key)
    .join('rect')
    .attr('class', cls)
    .attr('x', (d) => d.x)
    .attr('y', y)
    .attr('width', (d) => d.width)
    .attr('height', height)
}

function originMarkers(g: Selection<SVGGElement, unknown, null, undefined>, marks: Marks) {
  const { plot } = marks
  const m = g
    .selectAll<SVGGElement, OriginMark>('g.origin')
    .data(marks.origins, (d) => d.key)
    .join((enter) => {
      const o = enter.append('g').attr('class', 'origin')
      o.append('rect').attr('class', 'origin-span')
      o.append('line').attr('class', 'origin-line')
      return o
    })
  m.select('rect')
    .attr('x', (d) => d.spanX)
    .attr('y', plot.top)
    .attr('width', (d) => d.spanWidth)
    .attr('height', plot.height)
  m.select('line')
    .attr('x1', (d) => d.x ?? d.spanX)
    .attr('x2', (d) => d.x ?? d.spanX)
    .attr('y1', plot.top)
    .attr('y2', plot.top + plot.height)
    .attr('visibility', (d) => (d.x === null ? 'hidden' : 'visible'))
}

function shiftMarkers(g: Selection<SVGGElement, unknown, null, undefined>, marks: Marks) {
  const { plot } = marks
  const m = g
    .selectAll<SVGGElement, ShiftMark>('g.shift')
    .data(marks.shifts, (d) => d.key)
    .join((enter) => {
      const s = enter.append('g').attr('class', 'shift')
      s.append('line')
      s.append('text').attr('dx', 4).attr('dy', '0.9em')
      s.append('title')
      return s
    })
    .attr('transform', (d) => `translate(${d.x},0)`)
  m.select('line')
    .attr('y1', plot.top)
    .attr('y2', plot.top + plot.height)
  m.select('text')
    .attr('y', plot.top)
    .text((d) => d.label)
  m.select('title').text((d) => `Level shift: the level changes ${d.label}`)
}

function axes(g: Selection<SVGGElement, unknown, null, undefined>, marks: Marks) {
  const { plot } = marks
  const bottom = plot.top + plot.height
  g.selectAll('line.baseline')
    .data([0])
    .join('line')
    .attr('class', 'baseline')
    .attr('x1', plot.left)
    .attr('x2', plot.left + plot.width)
    .attr('y1', bottom)
    .attr('y2', bottom)

  const x = g
    .selectAll<SVGGElement, TickMark>('g.x-tick')
    .data(marks.xTicks, (d) => d.key)
    .join((enter) => {
      const t = enter.append('g').attr('class', 'x-tick')
      t.append('line').attr('y2', 4)
      t.append('text').attr('y', 16).attr('text-anchor', 'middle')
      return t
    })
    .attr('transform', (d) => `translate(${d.at},${bottom})`)
  x.select('text').text((d) => d.label)

  g.selectAll<SVGTextElement, TickMark>('text.y-tick')
    .data(marks.yTicks, (d) => d.key)
    .join('text')
    .attr('class', 'y-tick')
    .attr('x', plot.left - 6)
    .attr('y', (d) => d.at)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((d) => d.label)
}

function splitHandles(
  g: Selection<SVGGElement, unknown, null, undefined>,
  marks: Marks,
  drag: SplitDrag | null,
) {
  const { plot } = marks
  g.selectAll<SVGGElement, SplitLineMark>('g.split-handle')
    .data(marks.splitLines, (d) => d.key)
    .join((enter) => {
      const h = enter.append('g').attr('class', (d) => `split-handle split-${d.key}`)
      h.append('line').attr('class', 'split-line')
      // A wide transparent strip, so the 1.5 px line is easy to grab.
      h.append('rect').attr('class', 'split-hit').attr('x', -6).attr('width', 12)
      h.append('rect').attr('class', 'split-grip').attr('x', -4).attr('width', 8).attr('rx', 2)
      h.append('title')
      if (drag) h.call(drag)
      return h
    })
    // A chart whose split cannot be dragged (the study setup) shows the lines without grips.
    .classed('fixed', drag === null)
    .attr('transform', (d) => `translate(${d.x},0)`)
    .call((h) => {
      h.select('title').text((d) =>
        drag ? `Drag to move the ${SPLIT_LABELS[d.key]} boundary` : SPLIT_LABELS[d.key],
      )
      h.select('line')
        .attr('y1', plot.top)
        .attr('y2', plot.top + plot.height)
      h.select('rect.split-hit').attr('y', plot.top).attr('height', plot.height)
      h.select('rect.split-grip')
        .attr('y', plot.top + plot.height / 2 - 9)
        .attr('height', 18)
    })
}
