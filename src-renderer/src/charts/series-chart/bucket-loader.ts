// Fetches buckets for the visible range. Zoom and pan fire many times a second; the loader waits
// for a pause before asking main, and drops any answer that a newer request has overtaken, so
// the chart never jumps back to a stale view.
import type { SeriesBuckets } from '@shared/contract'
import { LatestRequest } from '../../lib/latest-request'

export interface BucketRequest {
  from: number
  to: number
  buckets: number
}

export interface BucketLoaderOptions {
  fetch: (request: BucketRequest) => Promise<SeriesBuckets>
  onLoad: (buckets: SeriesBuckets, request: BucketRequest) => void
  onError: (error: unknown) => void
  delayMs?: number
}

export class BucketLoader extends LatestRequest<BucketRequest, SeriesBuckets> {
  constructor(options: BucketLoaderOptions) {
    super({
      run: options.fetch,
      onResult: options.onLoad,
      onError: options.onError,
      delayMs: options.delayMs ?? 150,
    })
  }
}
