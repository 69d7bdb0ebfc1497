// Typed contexts: the shell creates the client and stores once and every view reads them here.
import { createContext } from 'svelte'
import type { ApiClient } from './api-client'
import type { ActionApp } from './actions/action-app'
import type { ActionDispatcher } from './actions/dispatcher'
import type { ConnectionStore } from '../stores/connection.svelte'
import type { DatasetsStore } from '../stores/datasets.svelte'
import type { ImportStore } from '../stores/import.svelte'
import type { NavigationStore } from '../stores/navigation.svelte'
import type { ShellStore } from '../stores/shell.svelte'
import type { StudiesStore } from '../stores/studies.svelte'
import type { StudyRunStore } from '../stores/study-run.svelte'
import type { SystemMonitorStore } from '../stores/system-monitor.svelte'
import type { ThemeStore } from '../stores/theme.svelte'
import type { ToastStore } from '../stores/toasts.svelte'

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
  theme: ThemeStore
  toasts: ToastStore
  shell: ShellStore
  /** Runs the app's commands (lib/actions): buttons, shortcuts and Electron's menu. */
  actions: ActionDispatcher<ActionApp>
}

export const [getAppContext, setAppContext] = createContext<AppContext>()
