// A list from main and one entry of it opened in full, as the Datasets and Studies views keep
// them: loading the list, selecting (the first entry when none is), reloading the open record,
// and dropping a selection whose entry left the list. Records replace each other whole
// ($state.raw); subclasses add the commands of their kind.
import { ApiError } from '../lib/api-error'

export abstract class SelectableList<Entry extends { id: string }, Detail extends { id: string }> {
  list = $state.raw<Entry[]>([])
  listLoaded = $state(false)
  listError = $state.raw<ApiError | null>(null)
  selectedId = $state<string | null>(null)
  selected = $state.raw<Detail | null>(null)
  selectError = $state.raw<ApiError | null>(null)
  #selectSeq = 0

  protected abstract fetchList(): Promise<Entry[]>
  protected abstract fetchDetail(id: string): Promise<Detail>
  /** Follows main's events for this kind (the shell subscribes once); returns the unsubscribe. */
  abstract subscribe(): () => void

  /** Reloads the list and, when nothing is selected, opens its first entry (a view is shown). */
  async refresh(): Promise<void> {
    await this.reloadList()
    if (!this.selectedId && this.list.length > 0) await this.select(this.list[0].id)
  }

  /** Reloads the list only (the sidebar's recent entries), dropping a vanished selection. */
  async reloadList(): Promise<void> {
    try {
      this.list = await this.fetchList()
      this.listError = null
    } catch (error) {
      this.listError = ApiError.from(error)
    } finally {
      this.listLoaded = true
    }
    if (this.selectedId && !this.list.some((e) => e.id === this.selectedId)) this.clearSelection()
  }

  async select(id: string): Promise<void> {
    this.selectedId = id
    if (this.selected?.id !== id) this.selected = null
    await this.reloadSelected()
  }

  async reloadSelected(): Promise<void> {
    const id = this.selectedId
    if (!id) return
    // Selections can overtake each other; only the newest answer may land.
    const seq = ++this.#selectSeq
    try {
      const record = await this.fetchDetail(id)
      if (seq !== this.#selectSeq) return
      this.selected = record
      this.selectError = null
    } catch (error) {
      if (seq !== this.#selectSeq) return
      this.selectError = ApiError.from(error)
    }
  }

  /** A record main just returned wins over any selection answer still on its way. */
  protected supersedePendingSelect(): void {
    this.#selectSeq++
  }

  protected clearSelection(): void {
    this.supersedePendingSelect()
    this.selectedId = null
    this.selected = null
    this.selectError = null
  }
}
