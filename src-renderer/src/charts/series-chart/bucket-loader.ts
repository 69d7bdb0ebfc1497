// Fetches buckets for the visible range. Zoom and pan fire many times a second; the loader waits
// for a pause before asking main, and drops any answer that a newer request has overtaken, so
// the chart never jumps back to a stale view.
import type { SeriesBuckets } from '@shared/contract'

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

export class BucketLoader {
  readonly #options: BucketLoaderOptions
  #timer: ReturnType<typeof setTimeout> | null = null
  #seq = 0

  constructor(options: BucketLoaderOptions) {
    this.#options = options
  }

  /** Ask after the view has been still for a moment. */
  schedule(request: BucketRequest): void {
    this.#clearTimer()
    this.#seq++
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.#load(request)
    }, this.#options.delayMs ?? 150)
  }

  /** Ask at once (the first look at a series). */
  now(request: BucketRequest): Promise<void> {
    this.#clearTimer()
    this.#seq++
    return this.#load(request)
  }

  cancel(): void {
    this.#clearTimer()
    this.#seq++
  }

  async #load(request: BucketRequest): Promise<void> {
    const seq = this.#seq
    try {
      const buckets = await this.#options.fetch(request)
      if (seq === this.#seq) this.#options.onLoad(buckets, request)
    } catch (error) {
      if (seq === this.#seq) this.#options.onError(error)
    }
  }

  #clearTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
