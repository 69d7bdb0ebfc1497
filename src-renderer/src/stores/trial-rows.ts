// The open study's trial rows as one array with an index by trial number, patched by returning a
// new array (the store holds it in $state.raw, so each patch is one replacement). Also the rule
// by which a page fetched from main and the events that arrived meanwhile are merged: an event
// is newer than any page that was requested before it, so its row wins.
import type { TrialRow } from '@shared/study-views'

/** The rows with `row` in its trial's place (or appended, numbers kept ascending). */
export function upsertRow(rows: readonly TrialRow[], row: TrialRow): TrialRow[] {
  const at = rows.findIndex((r) => r.number === row.number)
  if (at >= 0) {
    const next = rows.slice()
    next[at] = row
    return next
  }
  const next = [...rows, row]
  if (rows.length > 0 && rows[rows.length - 1].number > row.number)
    next.sort((a, b) => a.number - b.number)
  return next
}

/**
 * The fetched rows, each replaced by the row an event brought since the fetch began (`newer`,
 * oldest first: of two events for one trial the later wins), and trials only events know added.
 */
export function mergeFetched(fetched: readonly TrialRow[], newer: readonly TrialRow[]): TrialRow[] {
  if (newer.length === 0) return [...fetched]
  const latest = new Map(newer.map((row) => [row.number, row]))
  const merged = fetched.map((row) => latest.get(row.number) ?? row)
  const known = new Set(fetched.map((row) => row.number))
  for (const row of latest.values()) if (!known.has(row.number)) merged.push(row)
  return merged.sort((a, b) => a.number - b.number)
}
