// What the app's commands act on: the shell's stores.
import type { DatasetsStore } from '../../stores/datasets.svelte'
import type { ImportStore } from '../../stores/import.svelte'
import type { NavigationStore } from '../../stores/navigation.svelte'
import type { ShellStore } from '../../stores/shell.svelte'
import type { StudiesStore } from '../../stores/studies.svelte'
import type { StudyRunStore } from '../../stores/study-run.svelte'
import type { ThemeStore } from '../../stores/theme.svelte'
import type { Action } from './action'
import type { ActionId } from '@shared/app-actions'

export interface ActionApp {
  navigation: NavigationStore
  datasets: DatasetsStore
  studies: StudiesStore
  /** The open study's run: its live status and the commands on it. */
  run: StudyRunStore
  imports: ImportStore
  theme: ThemeStore
  shell: ShellStore
}

export type AppAction = Action<ActionApp, ActionId>
