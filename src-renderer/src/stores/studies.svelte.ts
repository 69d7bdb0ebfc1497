// The studies in the data folder as the Studies view sees them: the list, the selected study
// with its front, and confirming the front on the test split with its progress. Records
// replace each other whole ($state.raw).
import type {
  StudyConfirmProgress,
  StudyDetailView,
  StudyListEntry,
} from '../../../src-main/services/study-views'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'

export class StudiesStore {
  list = $state.raw<StudyListEntry[]>([])
  listLoaded = $state(false)
  listError = $state.raw<ApiError | null>(null)
  selectedId = $state<string | null>(null)
  selected = $state.raw<StudyDetailView | null>(null)
  selectError = $state.raw<ApiError | null>(null)
  /** The study being confirmed, and how far it is. */
  confirmingId = $state<string | null>(null)
  progress = $state.raw<StudyConfirmProgress | null>(null)
  confirmError = $state.raw<ApiError | null>(null)
  readonly #client: ApiClient
  #selectSeq = 0

  constructor(client: ApiClient) {
    this.#client = client
  }

  subscribe(): () => void {
    return this.#client.on('studies:progress', (progress) => {
      if (progress.id === this.confirmingId) this.progress = progress
    })
  }

  async refresh(): Promise<void> {
    try {
      this.list = await this.#client.request('studies:list', {})
      this.listError = null
    } catch (error) {
      this.listError = ApiError.from(error)
    } finally {
      this.listLoaded = true
    }
    if (this.selectedId && !this.list.some((s) => s.id === this.selectedId)) this.#clear()
    if (!this.selectedId && this.list.length > 0) await this.select(this.list[0].id)
  }

  async select(id: string): Promise<void> {
    this.selectedId = id
    if (this.selected?.id !== id) this.selected = null
    this.confirmError = null
    await this.reloadSelected()
  }

  async reloadSelected(): Promise<void> {
    const id = this.selectedId
    if (!id) return
    const seq = ++this.#selectSeq
    try {
      const study = await this.#client.request('studies:get', { id })
      if (seq !== this.#selectSeq) return
      this.selected = study
      this.selectError = null
    } catch (error) {
      if (seq !== this.#selectSeq) return
      this.selectError = ApiError.from(error)
    }
  }

  /** Scores the selected study's front on the test split; the result replaces the record. */
  async confirmSelected(): Promise<void> {
    const id = this.selectedId
    if (!id || this.confirmingId) return
    this.confirmingId = id
    this.progress = null
    this.confirmError = null
    try {
      const study = await this.#client.request('studies:confirm', { id })
      this.#selectSeq++
      if (this.selectedId === id) this.selected = study
      this.list = this.list.map((s) => (s.id === id ? { ...s, confirmedAt: study.confirmedAt } : s))
    } catch (error) {
      this.confirmError = ApiError.from(error)
    } finally {
      this.confirmingId = null
      this.progress = null
    }
  }

  #clear() {
    this.#selectSeq++
    this.selectedId = null
    this.selected = null
    this.selectError = null
  }
}
