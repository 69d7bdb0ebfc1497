// The one place commands run: by id (buttons, Electron's menu) or by key (shortcuts). A disabled
// command does nothing, a key typed into a field stays the field's, and a failure goes to one
// error handler (the toasts) instead of vanishing in a promise nobody awaits.
import type { Action } from './action'
import { formatShortcut, isTypingTarget, matches, type KeyPress } from './shortcut'

export interface DispatcherOptions<App> {
  /** Whether `mod` means Cmd (macOS) or Ctrl. */
  mac: boolean
  onError: (error: unknown, action: Action<App>) => void
}

export class ActionDispatcher<App> {
  readonly actions: readonly Action<App>[]
  readonly #app: App
  readonly #options: DispatcherOptions<App>

  constructor(actions: readonly Action<App>[], app: App, options: DispatcherOptions<App>) {
    const ids = new Set<string>()
    for (const action of actions) {
      if (ids.has(action.id)) throw new Error(`Two actions are called ${action.id}.`)
      ids.add(action.id)
    }
    this.actions = actions
    this.#app = app
    this.#options = options
  }

  get(id: string): Action<App> | undefined {
    return this.actions.find((a) => a.id === id)
  }

  isEnabled(id: string): boolean {
    const action = this.get(id)
    return action !== undefined && action.enabled(this.#app)
  }

  /** The command's shortcut as this platform writes it ("Ctrl+O", "⌘O"), or null. */
  shortcutLabel(id: string): string | null {
    const shortcut = this.get(id)?.shortcut
    return shortcut ? formatShortcut(shortcut, this.#options.mac) : null
  }

  /** Runs the command if it exists and is enabled now; true when it ran (and did not throw). */
  async run(id: string): Promise<boolean> {
    const action = this.get(id)
    if (!action || !action.enabled(this.#app)) return false
    try {
      await action.run(this.#app)
      return true
    } catch (error) {
      this.#options.onError(error, action)
      return false
    }
  }

  /**
   * Runs the command a key press names. True when the press was a shortcut that ran (its default
   * is then prevented); false leaves the key to the page.
   */
  handleKey(press: KeyPress & { preventDefault(): void }): boolean {
    if (press.isComposing || press.repeat || isTypingTarget(press.target)) return false
    const action = this.actions.find(
      (a) => a.shortcut && matches(a.shortcut, press, this.#options.mac),
    )
    if (!action || !action.enabled(this.#app)) return false
    press.preventDefault()
    void this.run(action.id)
    return true
  }
}
