// Keeps the sidebar's datasets and studies current for as long as the app runs, whichever view
// is open: each store follows its own events (a study's state event turns its status dot at
// once), subscribed here once rather than by each view while it is shown.
import type { DatasetsStore } from '../stores/datasets.svelte'
import type { StudiesStore } from '../stores/studies.svelte'

export function followLists(datasets: DatasetsStore, studies: StudiesStore): () => void {
  const stops = [datasets.subscribe(), studies.subscribe()]
  void datasets.reloadList()
  void studies.reloadList()
  return () => {
    for (const stop of stops) stop()
  }
}
