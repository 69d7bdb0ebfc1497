// A request that the user's input keeps replacing (a zoom, a pan, a keystroke in a form): it
// waits for a pause before asking main, and drops any answer that a newer request has
// overtaken, so what is shown never jumps back to a stale answer.

export interface LatestRequestOptions<Req, Res> {
  run: (request: Req) => Promise<Res>
  onResult: (result: Res, request: Req) => void
  onError: (error: unknown, request: Req) => void
  delayMs: number
}

export class LatestRequest<Req, Res> {
  readonly #options: LatestRequestOptions<Req, Res>
  #timer: ReturnType<typeof setTimeout> | null = null
  #seq = 0

  constructor(options: LatestRequestOptions<Req, Res>) {
    this.#options = options
  }

  /** Ask once the input has been still for a moment. */
  schedule(request: Req): void {
    this.#clearTimer()
    this.#seq++
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.#load(request)
    }, this.#options.delayMs)
  }

  /** Ask at once. */
  now(request: Req): Promise<void> {
    this.#clearTimer()
    this.#seq++
    return this.#load(request)
  }

  /** Forget the waiting request and any answer still on its way. */
  cancel(): void {
    this.#clearTimer()
    this.#seq++
  }

  async #load(request: Req): Promise<void> {
    const seq = this.#seq
    try {
      const result = await this.#options.run(request)
      if (seq === this.#seq) this.#options.onResult(result, request)
    } catch (error) {
      if (seq === this.#seq) this.#options.onError(error, request)
    }
  }

  #clearTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
