// Draws the loss curve's marks into its SVG, one `selection.join` per layer, so a re-render after
// each epoch updates the same elements instead of adding new ones.
import { select } from 'd3'
import type { CurveMark, LossCurveMarks, Tick } from './layout'

export function renderLossCurve(svg: SVGSVGElement, marks: LossCurveMarks): void {
  const root = select(svg)
  const { plot } = marks
  const bottom = plot.top + plot.height
  const layer = (name: string) =>
    root.selectAll<SVGGElement, string>(`g.${name}`).data([name]).join('g').attr('class', name)

  layer('grid')
    .selectAll<SVGLineElement, Tick>('line')
    .data(marks.yTicks, (t) => t.value)
    .join('line')
    .attr('x1', plot.left)
    .attr('x2', plot.left + plot.width)
    .attr('y1', (t) => t.at)
    .attr('y2', (t) => t.at)

  const yAxis = layer('y-axis')
  yAxis
    .selectAll<SVGTextElement, Tick>('text')
    .data(marks.yTicks, (t) => t.value)
    .join('text')
    .attr('x', plot.left - 4)
    .attr('y', (t) => t.at)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((t) => t.label)

  const xAxis = layer('x-axis')
  xAxis
    .selectAll<SVGLineElement, number>('line.base')
    .data([0])
    .join('line')
    .attr('class', 'base')
    .attr('x1', plot.left)
    .attr('x2', plot.left + plot.width)
    .attr('y1', bottom)
    .attr('y2', bottom)
  xAxis
    .selectAll<SVGTextElement, Tick>('text')
    .data(marks.xTicks, (t) => t.value)
    .join('text')
    .attr('x', (t) => t.at)
    .attr('y', bottom + 14)
    .attr('text-anchor', 'middle')
    .text((t) => t.label)

  const curves = layer('curves')
  curves
    .selectAll<SVGPathElement, CurveMark>('path')
    .data(marks.curves, (c) => c.key)
    .join('path')
    .attr('class', (c) => `curve curve-${c.key}`)
    .attr('d', (c) => c.d)
  curves
    .selectAll<SVGCircleElement, CurveMark>('circle')
    .data(
      marks.curves.filter((c) => c.last !== null),
      (c) => c.key,
    )
    .join('circle')
    .attr('class', (c) => `dot curve-${c.key}`)
    .attr('r', 2.5)
    .attr('cx', (c) => c.last?.x ?? 0)
    .attr('cy', (c) => c.last?.y ?? 0)
}
