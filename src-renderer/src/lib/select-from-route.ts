// A list view opens the entry the route names (a click in the sidebar, a view sending the user
// on). Called from an effect that reads the route: only a new route re-runs it, so a selection
// the user makes in the view's own list is not undone.
import { untrack } from 'svelte'
import type { SelectableList } from '../stores/selectable-list.svelte'

export function selectFromRoute(
  source: SelectableList<{ id: string }, { id: string }>,
  id: string | undefined,
): void {
  if (!id) return
  untrack(() => {
    if (source.selectedId !== id) void source.select(id)
  })
}
