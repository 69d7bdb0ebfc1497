// Typed contexts: the shell creates the client and stores once and every view reads them here.
import { createContext } from 'svelte'
import type { ApiClient } from './api-client'
import type { ConnectionStore } from '../stores/connection.svelte'
import type { DatasetsStore } from '../stores/datasets.svelte'
import type { ImportStore } from '../stores/import.svelte'
import type { NavigationStore } from '../stores/navigation.svelte'
import type { StudiesStore } from '../stores/studies.svelte'
import type { StudyRunStore } from '../stores/study-run.svelte'
import type { SystemMonitorStore } from '../stores/system-monitor.svelte'

export interface AppContext {
  client: ApiClient
  connection: ConnectionStore
  datasets: DatasetsStore
  imports: ImportStore
  navigation: NavigationStore
  studies: StudiesStore
  /** The study the Studies view has open, while its trials run. */
  run: StudyRunStore
  system: SystemMonitorStore
}

export const [getAppContext, setAppContext] = createContext<AppContext>()
