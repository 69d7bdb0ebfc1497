// Light or dark: the system's choice (prefers-color-scheme, which in Electron is nativeTheme's)
// until the user toggles, then theirs, remembered across reloads. The theme itself is CSS
// (app.css); this only sets data-theme on the root element, before the first paint.

export type ThemeName = 'light' | 'dark'
export type ThemePreference = ThemeName | 'system'

export const THEME_STORAGE_KEY = 'frontier.theme'

/**
 * What the store needs of the page: localStorage, matchMedia('(prefers-color-scheme: dark)') and
 * the root element, each as little of it as is used (fakes in tests, which run without a DOM).
 */
export interface ThemeEnvironment {
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void } | null
  darkQuery: {
    matches: boolean
    addEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void
  } | null
  root: { dataset: Record<string, string | undefined>; style: { colorScheme: string } }
}

export class ThemeStore {
  preference = $state<ThemePreference>('system')
  systemDark = $state(false)
  readonly #env: ThemeEnvironment

  constructor(env: ThemeEnvironment) {
    this.#env = env
    this.preference = readPreference(env.storage)
    this.systemDark = env.darkQuery?.matches ?? false
    env.darkQuery?.addEventListener('change', (event) => {
      this.systemDark = event.matches
      this.#apply()
    })
    this.#apply()
  }

  get theme(): ThemeName {
    if (this.preference !== 'system') return this.preference
    return this.systemDark ? 'dark' : 'light'
  }

  /** The other theme, kept as the user's choice. */
  toggle(): void {
    this.set(this.theme === 'dark' ? 'light' : 'dark')
  }

  set(preference: ThemePreference): void {
    this.preference = preference
    try {
      this.#env.storage?.setItem(THEME_STORAGE_KEY, preference)
    } catch {
      // Storage can be full or refused (private mode); the choice still holds for this session.
    }
    this.#apply()
  }

  #apply(): void {
    this.#env.root.dataset.theme = this.theme
    this.#env.root.style.colorScheme = this.theme
  }
}

function readPreference(storage: ThemeEnvironment['storage']): ThemePreference {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY)
    return stored === 'light' || stored === 'dark' || stored === 'system' ? stored : 'system'
  } catch {
    return 'system'
  }
}
