// Wall-clock timestamps (no offset in the file) → UTC instants in the chosen zone. Around a DST
// change the mapping is not one-to-one: a wall time skipped when clocks jump forward has no
// instant, and one repeated when clocks go back has two. A file written in local time that
// lists the repeated hour twice says which is which by order, so the first occurrence is taken
// as the earlier instant; a repeated wall time that appears only once cannot be placed.

import type { DataWarning } from './types'
import { DataError } from './data-error'
import { WallKind, type ZoneClock } from './zone-clock'
import { formatWall, plural } from './format'

export interface LocalTimesResult {
  /** Rows whose repeated wall time was placed by file order. */
  resolved: number
  warnings: DataWarning[]
}

/** Converts `times[0..rows)` in place from wall ms to instants; `lines` gives each row's line. */
export function resolveLocalTimes(
  times: Float64Array,
  lines: Int32Array,
  rows: number,
  clock: ZoneClock,
  column: string,
): LocalTimesResult {
  let nonexistent = 0
  let firstNonexistent = -1
  // Ambiguous rows, grouped by wall time in file order, with both candidate instants.
  const ambiguous = new Map<number, { rows: number[]; earlier: number; later: number }>()
  for (let i = 0; i < rows; i++) {
    const wall = times[i]
    const instant = clock.resolveWall(wall)
    if (clock.wallKind === WallKind.unique) {
      times[i] = instant
    } else if (clock.wallKind === WallKind.nonexistent) {
      if (nonexistent++ === 0) firstNonexistent = i
    } else {
      const group = ambiguous.get(wall)
      if (group === undefined)
        ambiguous.set(wall, { rows: [i], earlier: instant, later: clock.later })
      else group.rows.push(i)
    }
  }
  if (nonexistent > 0) {
    const line = lines[firstNonexistent]
    throw new DataError(
      'DST_NONEXISTENT',
      `Line ${line}: ${formatWall(times[firstNonexistent])} in column "${column}" never happened ` +
        `in ${clock.timezone}: clocks jumped forward over it` +
        (nonexistent > 1 ? ` (${plural(nonexistent, 'row')} like this)` : '') +
        '. If the file is not in that zone, choose the right time zone (or UTC); otherwise write ' +
        'the timestamps with their offset (e.g. +02:00) or in UTC.',
      line,
    )
  }
  let resolved = 0
  let example = NaN
  for (const [wall, group] of ambiguous) {
    if (group.rows.length === 1) {
      const line = lines[group.rows[0]]
      throw new DataError(
        'DST_AMBIGUOUS',
        `Line ${line}: ${formatWall(wall)} in column "${column}" happened twice in ` +
          `${clock.timezone} (clocks went back), and the file has it only once, so it is unclear ` +
          'which of the two it means. Write the timestamps with their offset (e.g. +01:00) or in ' +
          'UTC, or choose the zone the file was really written in.',
        line,
      )
    }
    group.rows.forEach((row, k) => {
      times[row] = k === 0 ? group.earlier : group.later
    })
    resolved += group.rows.length
    if (Number.isNaN(example)) example = wall
  }
  const warnings: DataWarning[] = []
  if (resolved > 0) {
    warnings.push({
      code: 'DST_RESOLVED',
      message:
        `${plural(resolved, 'row')} had wall times that occur twice in ${clock.timezone} when ` +
        `clocks go back (e.g. ${formatWall(example)}). They were read in file order: the first ` +
        'occurrence as the earlier instant, the second as the later one.',
    })
  }
  return { resolved, warnings }
}
