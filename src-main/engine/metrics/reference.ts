// Slow, obvious versions of every metric, written straight from the definitions in MODELS.md §8.
// They are the test oracles of the fast versions (test/unit/engine/metrics): clarity over speed,
// plain arrays, one formula per line, no shared helpers with the fast code.

import type { ForecastMetrics, MaseScales } from './summary'
import type { ScoredPoints } from './types'

interface Point {
  y: number
  l: number
  m: number
  u: number
}

/** The points whose actual is present; every metric is a mean over exactly these. */
function present(points: ScoredPoints): Point[] {
  const out: Point[] = []
  for (let i = 0; i < points.actual.length; i++) {
    const y = points.actual[i]
    if (!Number.isNaN(y)) out.push({ y, l: points.p10[i], m: points.p50[i], u: points.p90[i] })
  }
  return out
}

function mean(values: number[]): number {
  if (values.length === 0) return NaN
  let total = 0
  for (const v of values) total += v
  return total / values.length
}

export function referenceMae(points: ScoredPoints): number {
  return mean(present(points).map((p) => Math.abs(p.y - p.m)))
}

export function referencePicp(points: ScoredPoints): number {
  const ps = present(points)
  if (ps.some((p) => Number.isNaN(p.l) || Number.isNaN(p.u))) return NaN
  return 100 * mean(ps.map((p) => (p.l <= p.y && p.y <= p.u ? 1 : 0)))
}

export function referenceMiw(points: ScoredPoints): number {
  return mean(present(points).map((p) => p.u - p.l))
}

export function referenceWinkler(points: ScoredPoints, alpha = 0.2): number {
  return mean(
    present(points).map((p) => {
      let score = p.u - p.l
      if (p.y < p.l) score += (2 / alpha) * (p.l - p.y)
      if (p.y > p.u) score += (2 / alpha) * (p.y - p.u)
      // NaN bounds must stay NaN; the comparisons above are false for NaN.
      if (Number.isNaN(p.l) || Number.isNaN(p.u)) score = NaN
      return score
    }),
  )
}

/** ρ_τ(e) with e = actual − forecast. */
function rho(tau: number, e: number): number {
  return e >= 0 ? tau * e : (tau - 1) * e
}

export function referencePinball(points: ScoredPoints): number {
  const ps = present(points)
  const perLevel = [
    mean(ps.map((p) => rho(0.1, p.y - p.l))),
    mean(ps.map((p) => rho(0.5, p.y - p.m))),
    mean(ps.map((p) => rho(0.9, p.y - p.u))),
  ]
  return (perLevel[0] + perLevel[1] + perLevel[2]) / 3
}

/** Linear interpolation through (level, value) knots, levels ascending. */
function interpolate(levels: number[], values: number[], u: number): number {
  for (let i = 0; i + 1 < levels.length; i++) {
    if (u <= levels[i + 1]) {
      const t = (u - levels[i]) / (levels[i + 1] - levels[i])
      return values[i] + t * (values[i + 1] - values[i])
    }
  }
  return values[values.length - 1]
}

/** 2·∫ρ_u(y − Q(u))du by midpoint quadrature on 1000 nodes, Q values sorted (rearranged). */
export function referenceCrpsPoint(y: number, l: number, m: number, u: number): number {
  const levels = [0, 0.1, 0.5, 0.9, 1]
  const knots = [l, l, m, u, u]
  const nodes = 1000
  const q: number[] = []
  for (let k = 0; k < nodes; k++) q.push(interpolate(levels, knots, (k + 0.5) / nodes))
  if (q.some(Number.isNaN)) return NaN
  q.sort((a, b) => a - b)
  let total = 0
  for (let k = 0; k < nodes; k++) total += rho((k + 0.5) / nodes, y - q[k])
  return (2 * total) / nodes
}

export function referenceCrps(points: ScoredPoints): number {
  return mean(present(points).map((p) => referenceCrpsPoint(p.y, p.l, p.m, p.u)))
}

export function referenceSeasonalScale(
  values: ArrayLike<number>,
  period: number,
  from = 0,
  to = values.length,
): number {
  const diffs: number[] = []
  for (let t = from; t < to; t++) {
    if (t - period < from) continue
    const a = values[t]
    const b = values[t - period]
    if (Number.isNaN(a) || Number.isNaN(b)) continue
    diffs.push(Math.abs(a - b))
  }
  const scale = mean(diffs)
  return scale === 0 ? NaN : scale
}

export function referenceMase(points: ScoredPoints, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(scale)) return NaN
  return referenceMae(points) / scale
}

export function referenceForecastMetrics(
  points: ScoredPoints,
  scales: MaseScales,
): ForecastMetrics {
  const scored = present(points).length
  return {
    mae: referenceMae(points),
    picp: referencePicp(points),
    miw: referenceMiw(points),
    pinball: referencePinball(points),
    crps: referenceCrps(points),
    winkler: referenceWinkler(points),
    mase: referenceMase(points, scales.seasonal24),
    mase168: referenceMase(points, scales.seasonal168),
    points: scored,
    missing: points.actual.length - scored,
  }
}
