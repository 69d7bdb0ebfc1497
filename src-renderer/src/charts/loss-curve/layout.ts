// The loss curve's geometry: training and validation loss per epoch on one linear scale, the
// x axis spanning the epochs the trial will train (so a running trial's curve grows into it),
// ticks, and a dot on each curve's last point. Pure: data and size in, pixel marks out.
import { line, scaleLinear } from 'd3'
import type { EpochPoint } from '@shared/study-views'

export interface Size {
  width: number
  height: number
}

export const MARGIN = { top: 8, right: 10, bottom: 20, left: 44 } as const

export interface Tick {
  value: number
  /** Pixel position along the axis. */
  at: number
  label: string
}

export interface CurveMark {
  key: 'train' | 'val'
  d: string
  last: { x: number; y: number } | null
}

export interface LossCurveMarks {
  plot: { left: number; top: number; width: number; height: number }
  xTicks: Tick[]
  yTicks: Tick[]
  curves: CurveMark[]
  /** True when no point has a loss: the wrapper says so instead of drawing empty axes. */
  empty: boolean
}

type LossKey = 'trainLoss' | 'valLoss'
const SERIES: { key: CurveMark['key']; field: LossKey }[] = [
  { key: 'train', field: 'trainLoss' },
  { key: 'val', field: 'valLoss' },
]

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v)

export function layoutLossCurve(
  curve: readonly EpochPoint[],
  epochs: number | null,
  size: Size,
): LossCurveMarks {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, size.width - MARGIN.left - MARGIN.right),
    height: Math.max(1, size.height - MARGIN.top - MARGIN.bottom),
  }
  const points = [...curve].sort((a, b) => a.epoch - b.epoch)
  const losses = points.flatMap((p) => [p.trainLoss, p.valLoss]).filter(finite)
  const lastEpoch = points.length > 0 ? points[points.length - 1].epoch : 1
  const firstEpoch = points.length > 0 ? Math.min(points[0].epoch, 1) : 1
  const x = scaleLinear()
    .domain([firstEpoch, Math.max(firstEpoch + 1, epochs ?? 0, lastEpoch)])
    .range([plot.left, plot.left + plot.width])
  const lo = losses.length > 0 ? Math.min(...losses) : 0
  const hi = losses.length > 0 ? Math.max(...losses) : 1
  // A flat curve still gets a band to sit in, rather than a zero-height scale.
  const pad = hi > lo ? 0 : Math.abs(hi) * 0.05 || 1
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice(4)
    .range([plot.top + plot.height, plot.top])

  // The first and the last planned epoch are always labelled: they say how far the trial is.
  const [x0, x1] = x.domain()
  const xValues = [...new Set([x0, ...x.ticks(6).filter(Number.isInteger), x1])]
  const xTicks = xValues.map((value) => ({ value, at: x(value), label: String(value) }))
  const yFormat = y.tickFormat(4)
  const yTicks = y.ticks(4).map((value) => ({ value, at: y(value), label: yFormat(value) }))

  const curves = SERIES.map(({ key, field }): CurveMark => {
    const defined = points.filter((p) => finite(p[field]))
    const path = line<EpochPoint>()
      .defined((p) => finite(p[field]))
      .x((p) => x(p.epoch))
      .y((p) => y(p[field] as number))
    const end = defined[defined.length - 1]
    return {
      key,
      d: path(points) ?? '',
      last: end ? { x: x(end.epoch), y: y(end[field] as number) } : null,
    }
  })
  return { plot, xTicks, yTicks, curves, empty: losses.length === 0 }
}
