// Who may talk to `frontier serve`: a client that knows the token (in the URL once, then in a
// same-site cookie), on a page of this very server. Host checks stop DNS-rebinding pages; the
// Origin check stops other local pages from opening the WebSocket with a stolen cookie.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'frontier_token'

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has(req.headers.host ?? '')
}

/** Browsers always send Origin on WebSocket upgrades; tools without one still need the token. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  for (const host of allowedHosts(port)) if (origin === `http://${host}`) return true
  return false
}

export function presentedToken(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) return fromQuery
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='))
  }
  return null
}

export function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
}
