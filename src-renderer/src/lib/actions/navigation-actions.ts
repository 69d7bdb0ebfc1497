// Going to a view. New study starts from the dataset open in the Datasets view, if any.
import { SHORTCUTS } from '@shared/app-actions'
import type { AppAction } from './action-app'

export const goToDatasets: AppAction = {
  id: 'go.datasets',
  label: 'Go to Datasets',
  group: 'Go to',
  shortcut: SHORTCUTS['go.datasets'],
  enabled: () => true,
  run: (app) => app.navigation.go({ view: 'datasets' }),
}

export const goToStudies: AppAction = {
  id: 'go.studies',
  label: 'Go to Studies',
  group: 'Go to',
  shortcut: SHORTCUTS['go.studies'],
  enabled: () => true,
  run: (app) => app.navigation.go({ view: 'studies' }),
}

export const newStudy: AppAction = {
  id: 'go.setup',
  label: 'New study',
  group: 'Go to',
  shortcut: SHORTCUTS['go.setup'],
  enabled: () => true,
  run: (app) => {
    const onDataset = app.navigation.route.view === 'datasets'
    const datasetId = onDataset ? (app.datasets.selectedId ?? undefined) : undefined
    app.navigation.go(datasetId ? { view: 'setup', datasetId } : { view: 'setup' })
  },
}
