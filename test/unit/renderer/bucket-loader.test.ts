import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SeriesBuckets } from '@shared/contract'
import {
  BucketLoader,
  type BucketRequest,
} from '../../../src-renderer/src/charts/series-chart/bucket-loader'

const answer = (r: BucketRequest): SeriesBuckets => ({
  column: 'x',
  from: r.from,
  to: r.to,
  stepMs: 1,
  t: [],
  min: [],
  max: [],
})

describe('BucketLoader', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits for the view to settle and asks once', async () => {
    const fetch = vi.fn(async (r: BucketRequest) => answer(r))
    const loaded: number[] = []
    const loader = new BucketLoader({
      fetch,
      onLoad: (b) => loaded.push(b.from),
      onError: () => {},
      delayMs: 100,
    })
    loader.schedule({ from: 1, to: 2, buckets: 10 })
    loader.schedule({ from: 2, to: 3, buckets: 10 })
    loader.schedule({ from: 3, to: 4, buckets: 10 })
    await vi.advanceTimersByTimeAsync(99)
    expect(fetch).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(loaded).toEqual([3])
  })

  it('drops an answer that a newer request overtook', async () => {
    const resolvers: ((b: SeriesBuckets) => void)[] = []
    const fetch = (r: BucketRequest) =>
      new Promise<SeriesBuckets>((resolve) => resolvers.push(() => resolve(answer(r))))
    const loaded: number[] = []
    const loader = new BucketLoader({
      fetch,
      onLoad: (b) => loaded.push(b.from),
      onError: () => {},
    })
    const first = loader.now({ from: 1, to: 2, buckets: 1 })
    const second = loader.now({ from: 5, to: 6, buckets: 1 })
    resolvers[1](answer({ from: 5, to: 6, buckets: 1 }))
    resolvers[0](answer({ from: 1, to: 2, buckets: 1 }))
    await Promise.all([first, second])
    expect(loaded).toEqual([5])
  })

  it('reports failures of the latest request', async () => {
    const errors: unknown[] = []
    const loader = new BucketLoader({
      fetch: async () => {
        throw new Error('boom')
      },
      onLoad: () => {},
      onError: (e) => errors.push(e),
    })
    await loader.now({ from: 0, to: 1, buckets: 1 })
    expect(errors).toHaveLength(1)
  })
})
