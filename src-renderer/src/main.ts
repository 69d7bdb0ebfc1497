// Renderer entry: pick the transport, build the stores once, mount the shell.
import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'
import { ApiClient } from './lib/api-client'
import type { AppContext } from './lib/context'
import { connect } from './lib/transport/connect'
import { ConnectionStore } from './stores/connection.svelte'
import { DatasetsStore } from './stores/datasets.svelte'
import { ImportStore } from './stores/import.svelte'
import { NavigationStore } from './stores/navigation.svelte'
import { StudiesStore } from './stores/studies.svelte'
import { StudyRunStore } from './stores/study-run.svelte'
import { SystemMonitorStore } from './stores/system-monitor.svelte'

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
  const datasets = new DatasetsStore(client)
  const studies = new StudiesStore(client)
  context = {
    client,
    connection,
    datasets,
    imports: new ImportStore(client, datasets),
    navigation: new NavigationStore(),
    studies,
    run: new StudyRunStore(client, studies),
    system: new SystemMonitorStore(client),
  }
} else {
  connection.fatal = link.message
}

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')
mount(App, { target, props: { connection, context } })
