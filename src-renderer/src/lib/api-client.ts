// The one way views talk to main: typed by the contract, and failures thrown as ApiError so a
// view can `catch` and show `error.code` and `error.message` instead of unpacking envelopes.
import type {
  Channel,
  EventName,
  Events,
  FrontierApi,
  RequestOf,
  ResponseOf,
} from '@shared/contract'
import { ApiError } from './api-error'

export class ApiClient {
  readonly #api: FrontierApi

  constructor(api: FrontierApi) {
    this.#api = api
  }

  async request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
    const envelope = await this.#api.request(channel, payload)
    if (envelope.ok) return envelope.result
    throw ApiError.fromShape(envelope.error)
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.#api.on(event, listener)
  }
}
