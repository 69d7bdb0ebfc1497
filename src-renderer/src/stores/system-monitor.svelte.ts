// The machine's readings for the resources panel: the samples of the last minutes, pushed by
// main while some panel wants them. Panels share one stream: the first to start asks main for
// `system:monitor` with an interval, the last to stop sets it to 0, so nothing samples the GPU
// while no panel is on screen.
import type { SystemSample } from '@shared/system-sample'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'

/** How much history the sparklines span. */
export const WINDOW_MS = 5 * 60_000
export const INTERVAL_MS = 2000

export class SystemMonitorStore {
  samples = $state.raw<SystemSample[]>([])
  error = $state.raw<ApiError | null>(null)
  readonly #client: ApiClient
  #users = 0
  #off: (() => void) | null = null

  constructor(client: ApiClient) {
    this.#client = client
  }

  get latest(): SystemSample | null {
    return this.samples.length > 0 ? this.samples[this.samples.length - 1] : null
  }

  /** Starts the stream for one panel; the returned function stops it for that panel. */
  start(): () => void {
    this.#users++
    if (this.#users === 1) this.#begin()
    let stopped = false
    return () => {
      if (stopped) return
      stopped = true
      this.#users--
      if (this.#users === 0) this.#end()
    }
  }

  #begin(): void {
    this.#off = this.#client.on('system:update', (sample) => this.#add(sample))
    void this.#request(async () => {
      this.#add(await this.#client.request('system:sample', {}, { quiet: true }))
      await this.#client.request('system:monitor', { intervalMs: INTERVAL_MS }, { quiet: true })
    })
  }

  #end(): void {
    this.#off?.()
    this.#off = null
    void this.#request(() =>
      this.#client.request('system:monitor', { intervalMs: 0 }, { quiet: true }),
    )
  }

  #add(sample: SystemSample): void {
    const from = sample.time - WINDOW_MS - INTERVAL_MS
    this.samples = [...this.samples.filter((s) => s.time >= from && s.time < sample.time), sample]
  }

  async #request(run: () => Promise<unknown>): Promise<void> {
    try {
      await run()
      this.error = null
    } catch (error) {
      this.error = ApiError.from(error)
    }
  }
}
