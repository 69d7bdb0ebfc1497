// Every command of the app, in the order the shortcuts overlay lists them. A command that opens a
// view exists only once the view does.
import type { ViewId } from '../../stores/navigation.svelte'
import type { AppAction } from './action-app'
import { importCsv, importDemo } from './import-actions'
import { goToDatasets, goToStudies, newStudy } from './navigation-actions'
import { showShortcuts, toggleTheme } from './shell-actions'
import { pauseStudy, startStudy, stopStudy } from './study-actions'

export function appActions(views: readonly { id: ViewId }[]): AppAction[] {
  const has = (id: ViewId) => views.some((v) => v.id === id)
  return [
    goToDatasets,
    goToStudies,
    ...(has('setup') ? [newStudy] : []),
    importCsv,
    importDemo,
    startStudy,
    pauseStudy,
    stopStudy,
    toggleTheme,
    showShortcuts,
  ]
}
