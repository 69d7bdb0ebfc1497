// The studies in the data folder as the Studies view sees them: the list, the selected study
// with its front, and confirming the front on the test split with its progress. Records
// replace each other whole ($state.raw).
import type { StudyConfirmProgress, StudyDetailView, StudyListEntry } from '@shared/study-views'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'
import { SelectableList } from './selectable-list.svelte'

export class StudiesStore extends SelectableList<StudyListEntry, StudyDetailView> {
  /** The study being confirmed, and how far it is. */
  confirmingId = $state<string | null>(null)
  progress = $state.raw<StudyConfirmProgress | null>(null)
  confirmError = $state.raw<ApiError | null>(null)
  readonly #client: ApiClient

  constructor(client: ApiClient) {
    super()
    this.#client = client
  }

  protected fetchList(): Promise<StudyListEntry[]> {
    return this.#client.request('studies:list', {}, { quiet: true })
  }

  protected fetchDetail(id: string): Promise<StudyDetailView> {
    return this.#client.request('studies:get', { id }, { quiet: true })
  }

  subscribe(): () => void {
    const offs = [
      this.#client.on('studies:progress', (progress) => {
        if (progress.id === this.confirmingId) this.progress = progress
      }),
      // Counts, status and front change as trials end: read the list and the open study again.
      this.#client.on('studies:changed', ({ ids }) => {
        void this.refresh()
        if (this.selectedId && ids.includes(this.selectedId)) void this.reloadSelected()
      }),
      this.#client.on('studies:state', ({ id, status, running }) => {
        this.list = this.list.map((s) =>
          s.id === id ? { ...s, status, running: running.length } : s,
        )
      }),
    ]
    return () => offs.forEach((off) => off())
  }

  /** A list entry main returned (after start, pause, …) replaces the one in the list and the open study's. */
  applyEntry(entry: StudyListEntry): void {
    this.list = this.list.map((s) => (s.id === entry.id ? entry : s))
    if (this.selected?.id === entry.id) this.selected = { ...this.selected, ...entry }
  }

  override async select(id: string): Promise<void> {
    this.confirmError = null
    await super.select(id)
  }

  /** Scores the selected study's front on the test split; the result replaces the record. */
  async confirmSelected(): Promise<void> {
    const id = this.selectedId
    if (!id || this.confirmingId) return
    this.confirmingId = id
    this.progress = null
    this.confirmError = null
    try {
      const study = await this.#client.request('studies:confirm', { id }, { quiet: true })
      this.supersedePendingSelect()
      if (this.selectedId === id) this.selected = study
      this.list = this.list.map((s) => (s.id === id ? { ...s, confirmedAt: study.confirmedAt } : s))
    } catch (error) {
      this.confirmError = ApiError.from(error)
    } finally {
      this.confirmingId = null
      this.progress = null
    }
  }
}
