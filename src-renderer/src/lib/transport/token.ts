// The token of `frontier serve` arrives once in the page URL. It is kept in sessionStorage so a
// reload (after the URL was cleaned) still connects, and it is taken out of the visible URL so
// it does not end up in screenshots, bookmarks or the history of a shared screen.

/** The few browser objects involved, structurally, so the logic runs under test without a DOM. */
export interface TokenEnvironment {
  location: { href: string }
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  history: {
    readonly state: unknown
    replaceState(data: unknown, unused: string, url?: string): void
  }
}

export const TOKEN_STORAGE_KEY = 'frontier.token'

export function takeToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY)
}

export function socketUrl(
  location: { protocol: string; host: string },
  path: string,
  token: string,
) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${path}?token=${encodeURIComponent(token)}`
}
