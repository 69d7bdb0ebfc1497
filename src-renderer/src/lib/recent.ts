// The sidebar's recent entries: newest first, a few of each, and how many more the view holds.
import type { DatasetSummary } from '@shared/dataset-types'
import type { StudyListEntry } from '@shared/study-views'

export interface Recent<T> {
  shown: T[]
  /** Entries left out; the view lists them all. */
  more: number
}

/** The `limit` newest by an ISO instant; ties keep the list's order. */
export function newestFirst<T>(
  list: readonly T[],
  at: (entry: T) => string,
  limit: number,
): Recent<T> {
  const sorted = list
    .map((entry, index) => ({ entry, index, time: Date.parse(at(entry)) }))
    .sort((a, b) => timeOrder(b.time, a.time) || a.index - b.index)
    .map((e) => e.entry)
  return { shown: sorted.slice(0, limit), more: Math.max(0, sorted.length - limit) }
}

export const recentDatasets = (list: readonly DatasetSummary[], limit: number) =>
  newestFirst(list, (d) => d.importedAt, limit)

export const recentStudies = (list: readonly StudyListEntry[], limit: number) =>
  newestFirst(list, (s) => s.createdAt, limit)

// An instant that does not parse sorts last rather than poisoning the comparison with NaN.
function timeOrder(a: number, b: number): number {
  const x = Number.isNaN(a) ? -Infinity : a
  const y = Number.isNaN(b) ? -Infinity : b
  return x === y ? 0 : x > y ? 1 : -1
}
