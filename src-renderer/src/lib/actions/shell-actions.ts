// The shell's own commands: the theme and the list of shortcuts.
import { APP_ACTIONS } from '@shared/app-actions'
import type { AppAction } from './action-app'

export const toggleTheme: AppAction = {
  id: 'theme.toggle',
  ...APP_ACTIONS['theme.toggle'],
  group: 'App',
  enabled: () => true,
  run: (app) => app.theme.toggle(),
}

export const showShortcuts: AppAction = {
  id: 'help.shortcuts',
  ...APP_ACTIONS['help.shortcuts'],
  group: 'App',
  enabled: () => true,
  run: (app) => {
    app.shell.shortcutsOpen = !app.shell.shortcutsOpen
  },
}
