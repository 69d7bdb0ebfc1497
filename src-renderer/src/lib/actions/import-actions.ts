// Getting data in from any view: both go to the Datasets view first, where the import's progress
// and outcome are shown.
import { APP_ACTIONS } from '@shared/app-actions'
import type { AppAction } from './action-app'

export const importCsv: AppAction = {
  id: 'import.csv',
  ...APP_ACTIONS['import.csv'],
  group: 'Data',
  enabled: (app) => !app.imports.busy && app.shell.canPickFile,
  run: (app) => {
    app.navigation.go({ view: 'datasets' })
    // Synchronously, while the key press or click still counts as the user's: browsers open a
    // file picker only then.
    app.shell.pickFile()
  },
}

export const importDemo: AppAction = {
  id: 'import.demo',
  ...APP_ACTIONS['import.demo'],
  group: 'Data',
  enabled: (app) => !app.imports.busy,
  run: async (app) => {
    app.navigation.go({ view: 'datasets' })
    await app.imports.importDemo('heat')
  },
}
