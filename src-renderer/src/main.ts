// Renderer entry: pick the transport, build the stores once, mount the shell.
import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'
import { appActions } from './lib/actions/all-actions'
import { ActionDispatcher } from './lib/actions/dispatcher'
import { isMac } from './lib/actions/shortcut'
import { ApiClient } from './lib/api-client'
import type { AppContext } from './lib/context'
import { followLists } from './lib/follow-lists'
import { followMenu } from './lib/follow-menu'
import { connect } from './lib/transport/connect'
import { ConnectionStore } from './stores/connection.svelte'
import { DatasetsStore } from './stores/datasets.svelte'
import { ImportStore } from './stores/import.svelte'
import { NavigationStore } from './stores/navigation.svelte'
import { ShellStore } from './stores/shell.svelte'
import { StudiesStore } from './stores/studies.svelte'
import { ThemeStore } from './stores/theme.svelte'
import { ToastStore } from './stores/toasts.svelte'
import { VIEWS } from './views/registry'
import { StudyRunStore } from './stores/study-run.svelte'
import { SystemMonitorStore } from './stores/system-monitor.svelte'

// Before anything is drawn, so a dark theme never flashes light.
const theme = new ThemeStore({
  storage: safeLocalStorage(),
  darkQuery: window.matchMedia?.('(prefers-color-scheme: dark)') ?? null,
  root: document.documentElement,
})
const connection = new ConnectionStore()
let context: AppContext | null = null

const link = connect(window, {
  onState: (state) => {
    connection.state = state
  },
  // Events sent while the socket was down are lost; reload what they would have changed.
  onReconnect: () => {
    void context?.datasets.refresh()
    void context?.datasets.reloadSelected()
    void context?.studies.refresh()
    void context?.studies.reloadSelected()
    void context?.run.reload()
  },
})

if (link.ok) {
  connection.kind = link.kind
  connection.retryNow = link.retryNow
  const client = new ApiClient(link.api)
  const toasts = new ToastStore()
  client.onFailure((error) => toasts.error(error))
  const datasets = new DatasetsStore(client)
  const imports = new ImportStore(client, datasets)
  const navigation = new NavigationStore()
  const studies = new StudiesStore(client)
  const run = new StudyRunStore(client, studies)
  const shell = new ShellStore()
  const actions = new ActionDispatcher(
    appActions(VIEWS),
    { navigation, datasets, studies, run, imports, theme, shell },
    { mac: isMac(navigator.platform), onError: (error) => toasts.error(error) },
  )
  context = {
    client,
    connection,
    datasets,
    imports,
    navigation,
    studies,
    theme,
    toasts,
    shell,
    actions,
    run,
    system: new SystemMonitorStore(client),
  }
  followLists(datasets, studies)
  followMenu(client, actions, toasts)
} else {
  connection.fatal = link.message
}

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')
mount(App, { target, props: { connection, context } })

/** localStorage, or null where the page may not use it (storage disabled, opaque origin). */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
