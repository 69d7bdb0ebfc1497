// The theme: the system's until the user toggles, then theirs, remembered; a system change shows
// at once while the user has not chosen; storage that refuses does not break the toggle.
import { describe, expect, it } from 'vitest'
import {
  THEME_STORAGE_KEY,
  ThemeStore,
  type ThemeEnvironment,
} from '../../../src-renderer/src/stores/theme.svelte'

function environment(options: { dark?: boolean; stored?: string; refuse?: boolean } = {}) {
  const stored = new Map<string, string>()
  if (options.stored) stored.set(THEME_STORAGE_KEY, options.stored)
  let onChange: ((event: { matches: boolean }) => void) | null = null
  const root = { dataset: {} as Record<string, string | undefined>, style: { colorScheme: '' } }
  const env: ThemeEnvironment = {
    storage: {
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => {
        if (options.refuse) throw new Error('QuotaExceededError')
        stored.set(key, value)
      },
    },
    darkQuery: {
      matches: options.dark ?? false,
      addEventListener: (_type, listener) => {
        onChange = listener
      },
    },
    root,
  }
  return { env, root, stored, systemTurns: (dark: boolean) => onChange?.({ matches: dark }) }
}

describe('ThemeStore', () => {
  it('follows the system until the user chooses', () => {
    const { env, root, systemTurns } = environment({ dark: true })
    const theme = new ThemeStore(env)
    expect(theme.theme).toBe('dark')
    expect(root.dataset.theme).toBe('dark')
    expect(root.style.colorScheme).toBe('dark')
    systemTurns(false)
    expect(root.dataset.theme).toBe('light')
  })

  it('remembers a toggle, which then outlasts a system change and a new store', () => {
    const { env, root, stored, systemTurns } = environment({ dark: false })
    const theme = new ThemeStore(env)
    theme.toggle()
    expect(root.dataset.theme).toBe('dark')
    expect(stored.get(THEME_STORAGE_KEY)).toBe('dark')
    systemTurns(false)
    expect(root.dataset.theme).toBe('dark')
    const again = new ThemeStore(environment({ dark: false, stored: 'dark' }).env)
    expect(again.theme).toBe('dark')
  })

  it('ignores a stored value it does not know, and a storage that refuses to write', () => {
    expect(new ThemeStore(environment({ stored: 'sepia' }).env).preference).toBe('system')
    const { env, root } = environment({ refuse: true })
    const theme = new ThemeStore(env)
    theme.toggle()
    expect(root.dataset.theme).toBe('dark')
  })
})
