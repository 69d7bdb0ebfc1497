// The views the left navigation offers. A view appears here when it exists, never before.
import type { Component } from 'svelte'
import type { ViewId } from '../stores/navigation.svelte'
import DatasetsView from './DatasetsView.svelte'
import StudiesView from './StudiesView.svelte'
import StudySetupView from './StudySetupView.svelte'

export interface ViewEntry {
  id: ViewId
  label: string
  component: Component
}

export const VIEWS: ViewEntry[] = [
  { id: 'datasets', label: 'Datasets', component: DatasetsView },
  { id: 'setup', label: 'New study', component: StudySetupView },
  { id: 'studies', label: 'Studies', component: StudiesView },
]
