// Which rows training must not read because the target sits on one value for a long stretch:
// data gap-filled with an average, or a meter that froze. Forecasting such a stretch teaches the
// model a flat line that never happens, so by default its windows are left out. Only the target
// counts: a covariate that is flat for days is often real (no rain, no sun at night in winter) —
// the water demo's rain column has 202 dry spells of a day or more.
//
// The runs are found again here from the series (not read from the profile, whose lists are
// capped), with the same tolerance as the profile (runs.ts), so the CLI, the worker and the app
// exclude the same rows.

import { MS_PER_HOUR } from './civil'
import { constantRuns } from './runs'
import type { Roles, Series } from './types'
import type { RowRange } from './windows'

/** Constant runs of at least a day are excluded unless the split says otherwise. */
export const DEFAULT_EXCLUDE_CONSTANT_HOURS = 24

/** The shortest excluded run in grid steps: the hours rounded up, and at least 2 steps. */
export function excludedRunSteps(hours: number, stepMs: number): number {
  return Math.max(2, Math.ceil((hours * MS_PER_HOUR) / stepMs))
}

/** Row ranges [from, to) of the target's constant runs of at least `hours`; none when 0. */
export function excludedConstantRows(series: Series, roles: Roles, hours: number): RowRange[] {
  if (hours <= 0 || series.timestamps.length < 2) return []
  const target = series.columns.find((c) => c.name === roles.target)
  if (!target) return []
  const stepMs = series.timestamps[1] - series.timestamps[0]
  const minSteps = excludedRunSteps(hours, stepMs)
  // start 0 and step 1 make the runs' instants grid rows.
  const runs = constantRuns(target.values, 0, 1, target.name, minSteps, Infinity)
  return runs.runs.map((r) => ({ from: r.start, to: r.end + 1 }))
}
