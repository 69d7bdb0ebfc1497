// The shell's own commands: the theme and the list of shortcuts.
import { SHORTCUTS } from '@shared/app-actions'
import type { AppAction } from './action-app'

export const toggleTheme: AppAction = {
  id: 'theme.toggle',
  label: 'Toggle light / dark theme',
  group: 'App',
  shortcut: SHORTCUTS['theme.toggle'],
  enabled: () => true,
  run: (app) => app.theme.toggle(),
}

export const showShortcuts: AppAction = {
  id: 'help.shortcuts',
  label: 'Show keyboard shortcuts',
  group: 'App',
  shortcut: SHORTCUTS['help.shortcuts'],
  enabled: () => true,
  run: (app) => {
    app.shell.shortcutsOpen = !app.shell.shortcutsOpen
  },
}
