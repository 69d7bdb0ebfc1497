// One place where a request from either transport becomes a handler call: the payload is
// validated against the contract's schema first, and every outcome becomes an envelope.
import {
  channels,
  type ApiError,
  type Channel,
  type Envelope,
  type ParsedRequestOf,
  type ResponseOf,
} from '@shared/contract'
import { CodedError } from '../engine/coded-error'

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name)
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no API channel "${channel}".` })
  }
  const parsed = channels[channel].request.safeParse(payload ?? {})
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    return fail({
      code: 'INVALID_REQUEST',
      message: `Invalid request to ${channel}: ${issues.join('; ')}`,
    })
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    return fail(toApiError(error))
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof CodedError) {
    return { code: error.code, message: error.message }
  }
  // An unexpected failure still reaches the user with a code, and the details reach the log.
  console.error(error)
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` }
}

function fail(error: ApiError): Envelope<never> {
  return { ok: false, error }
}
