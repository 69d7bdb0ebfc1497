// Which view is open and what it shows: one route for the whole shell, so that a view can send
// the user on (create a study from a dataset, open the study just started) without knowing how
// the other view is built.

export type Route =
  | { view: 'datasets'; datasetId?: string }
  | { view: 'studies'; studyId?: string }
  /** The study setup: a new study, optionally on a dataset or as a copy of a study. */
  | { view: 'setup'; datasetId?: string; cloneOf?: string }

export type ViewId = Route['view']

export class NavigationStore {
  route = $state.raw<Route>({ view: 'datasets' })

  go(route: Route): void {
    this.route = route
  }
}
