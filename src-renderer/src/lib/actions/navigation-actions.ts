// Going to a view. New study starts from the dataset open in the Datasets view, if any.
import { APP_ACTIONS } from '@shared/app-actions'
import type { AppAction } from './action-app'

export const goToDatasets: AppAction = {
  id: 'go.datasets',
  ...APP_ACTIONS['go.datasets'],
  group: 'Go to',
  enabled: () => true,
  run: (app) => app.navigation.go({ view: 'datasets' }),
}

export const goToStudies: AppAction = {
  id: 'go.studies',
  ...APP_ACTIONS['go.studies'],
  group: 'Go to',
  enabled: () => true,
  run: (app) => app.navigation.go({ view: 'studies' }),
}

export const newStudy: AppAction = {
  id: 'go.setup',
  ...APP_ACTIONS['go.setup'],
  group: 'Go to',
  enabled: () => true,
  run: (app) => {
    const onDataset = app.navigation.route.view === 'datasets'
    const datasetId = onDataset ? (app.datasets.selectedId ?? undefined) : undefined
    app.navigation.go(datasetId ? { view: 'setup', datasetId } : { view: 'setup' })
  },
}
