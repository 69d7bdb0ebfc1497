// Keeps the sidebar's datasets and studies current for as long as the app runs, whichever view
// is open: each store follows its own events, and a study's state changes its list entry at
// once (no request), so a status dot turns when the study does.
import type { ApiClient } from './api-client'
import type { DatasetsStore } from '../stores/datasets.svelte'
import type { StudiesStore } from '../stores/studies.svelte'

export function followLists(
  client: ApiClient,
  datasets: DatasetsStore,
  studies: StudiesStore,
): () => void {
  const stops = [
    datasets.subscribe(),
    studies.subscribe(),
    client.on('studies:changed', () => void studies.reloadList()),
    client.on('studies:state', ({ id, status, running }) => {
      studies.list = studies.list.map((s) =>
        s.id === id ? { ...s, status, running: running.length } : s,
      )
    }),
  ]
  void datasets.reloadList()
  void studies.reloadList()
  return () => {
    for (const stop of stops) stop()
  }
}
