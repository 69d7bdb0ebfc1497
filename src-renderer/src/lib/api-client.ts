// The one way views talk to main: typed by the contract, and failures thrown as ApiError so a
// view can `catch` and show `error.code` and `error.message` instead of unpacking envelopes.
// Every failure is also reported to one listener (the shell's toasts), unless the caller says it
// shows the failure in place (`quiet`), so no failed request goes unseen and none is shown twice.
import type {
  Channel,
  EventName,
  Events,
  FrontierApi,
  RequestOf,
  ResponseOf,
} from '@shared/contract'
import { ApiError } from './api-error'

export interface RequestOptions {
  /** The caller shows the failure itself (inline, beside what failed); no toast. */
  quiet?: boolean
}

export type FailureListener = (error: ApiError, channel: Channel) => void

export class ApiClient {
  readonly #api: FrontierApi
  #onFailure: FailureListener | null = null

  constructor(api: FrontierApi) {
    this.#api = api
  }

  /** Where failures of requests that are not quiet go; one listener, set by the shell. */
  onFailure(listener: FailureListener | null): void {
    this.#onFailure = listener
  }

  async request<C extends Channel>(
    channel: C,
    payload: RequestOf<C>,
    options: RequestOptions = {},
  ): Promise<ResponseOf<C>> {
    let error: ApiError
    try {
      const envelope = await this.#api.request(channel, payload)
      if (envelope.ok) return envelope.result
      error = ApiError.fromShape(envelope.error)
    } catch (thrown) {
      error = ApiError.from(thrown)
    }
    if (!options.quiet) this.#onFailure?.(error, channel)
    throw error
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.#api.on(event, listener)
  }
}
