// Draws a sparkline's marks into its SVG with `selection.join`, so the samples arriving every
// few seconds update the same three elements.
import { select } from 'd3'
import type { SparklineMarks } from './layout'

export function renderSparkline(svg: SVGSVGElement, marks: SparklineMarks): void {
  const root = select(svg)
  root
    .selectAll<SVGPathElement, string>('path.fill')
    .data([marks.area])
    .join('path')
    .attr('class', 'fill')
    .attr('d', (d) => d)
  root
    .selectAll<SVGPathElement, string>('path.line')
    .data([marks.line])
    .join('path')
    .attr('class', 'line')
    .attr('d', (d) => d)
  root
    .selectAll<SVGCircleElement, { x: number; y: number }>('circle')
    .data(marks.last ? [marks.last] : [])
    .join('circle')
    .attr('r', 2)
    .attr('cx', (p) => p.x)
    .attr('cy', (p) => p.y)
}
