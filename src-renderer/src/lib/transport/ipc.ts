// Electron transport: the preload exposes one method per channel on `window.frontier`. An
// invoke that rejects (main crashed, payload not cloneable) still comes back as an envelope so
// the caller sees one failure shape whichever transport is in use.
import type {
  Channel,
  Envelope,
  EventName,
  Events,
  FrontierApi,
  FrontierBridge,
  RequestOf,
  ResponseOf,
} from '@shared/contract'
import { TRANSPORT_ERRORS } from '../api-error'

type RequestMethod<C extends Channel> = (payload: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>
type SubscribeMethod<E extends EventName> = (listener: (payload: Events[E]) => void) => () => void

export function createIpcApi(bridge: FrontierBridge): FrontierApi {
  return {
    async request<C extends Channel>(channel: C, payload: RequestOf<C>) {
      const method = bridge[channel] as RequestMethod<C>
      try {
        return await method(payload)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { code: TRANSPORT_ERRORS.transport, message } }
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const subscribe = bridge[`on:${event}`] as SubscribeMethod<E>
      return subscribe(listener)
    },
  }
}
