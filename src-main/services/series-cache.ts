// A few parsed series kept in memory, least recently used dropped first: the chart asks for
// buckets on every zoom, and re-parsing a large file each time would be far too slow.
import type { Series } from '../engine/data/types'

export class SeriesCache {
  private readonly entries = new Map<string, Series>()

  constructor(private readonly capacity: number) {}

  get(id: string): Series | undefined {
    const series = this.entries.get(id)
    if (series) {
      this.entries.delete(id)
      this.entries.set(id, series)
    }
    return series
  }

  set(id: string, series: Series): void {
    this.entries.delete(id)
    this.entries.set(id, series)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
  }

  delete(id: string): void {
    this.entries.delete(id)
  }
}
