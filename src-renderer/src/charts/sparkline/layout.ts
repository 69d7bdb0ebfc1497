// A sparkline's geometry: one reading over the last minutes, time on x (the newest sample at the
// right edge), 0..max on y, gaps where the reading was missing. Pure: samples and size in,
// pixel marks out.
import { area, line, scaleLinear } from 'd3'

export interface SparkPoint {
  /** ms since the epoch */
  t: number
  /** null: not reported in this sample (drawn as a gap) */
  v: number | null
}

export interface SparklineMarks {
  line: string
  area: string
  /** The newest defined point, for the dot at the line's end. */
  last: { x: number; y: number } | null
}

export interface SparklineScale {
  /** The newest instant (the right edge) and how much time the width spans. */
  now: number
  windowMs: number
  /** The top of the y scale (100 for a percentage, the total for memory). */
  max: number
}

export function sparklineScales(scale: SparklineScale, width: number, height: number) {
  const x = scaleLinear()
    .domain([scale.now - scale.windowMs, scale.now])
    .range([0, Math.max(1, width)])
  // One pixel spare at the top and bottom so a full or idle line is not cut by the edge.
  const y = scaleLinear()
    .domain([0, scale.max > 0 ? scale.max : 1])
    .range([Math.max(1, height) - 1, 1])
    .clamp(true)
  return { x, y }
}

export function layoutSparkline(
  points: readonly SparkPoint[],
  scale: SparklineScale,
  size: { width: number; height: number },
): SparklineMarks {
  const { x, y } = sparklineScales(scale, size.width, size.height)
  const from = scale.now - scale.windowMs
  // The sample just before the window keeps the line reaching the left edge.
  const firstInside = points.findIndex((p) => p.t >= from)
  const visible = firstInside < 0 ? [] : points.slice(Math.max(0, firstInside - 1))
  const defined = (p: SparkPoint) => p.v !== null && Number.isFinite(p.v)
  const path = line<SparkPoint>()
    .defined(defined)
    .x((p) => x(p.t))
    .y((p) => y(p.v as number))
  const fill = area<SparkPoint>()
    .defined(defined)
    .x((p) => x(p.t))
    .y0(y(0))
    .y1((p) => y(p.v as number))
  const end = [...visible].reverse().find(defined)
  return {
    line: path(visible) ?? '',
    area: fill(visible) ?? '',
    last: end ? { x: x(end.t), y: y(end.v as number) } : null,
  }
}
