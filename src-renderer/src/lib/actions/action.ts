// What a user command is: a name, a shortcut, when it can run and what it does. Buttons, keys and
// Electron's menu all run commands through the dispatcher, so each is defined once, here.
import type { Shortcut } from '@shared/app-actions'

export type ActionGroup = 'Go to' | 'Data' | 'Study' | 'App'

export interface Action<App, Id extends string = string> {
  id: Id
  label: string
  group: ActionGroup
  shortcut?: Shortcut
  /** Read from the app's state, so a button bound to the action follows it. */
  enabled(app: App): boolean
  run(app: App): void | Promise<void>
}
