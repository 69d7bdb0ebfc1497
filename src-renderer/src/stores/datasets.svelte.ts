// The dataset registry as the Datasets view sees it: the list, the selected record, and the
// commands that change them. Records replace each other whole ($state.raw): a profile can hold
// thousands of runs and nothing edits it in place.
import type { DatasetRecord, DatasetSummary, Roles, SplitSpec } from '@shared/dataset-types'
import type { HolidayCountry } from '@shared/contract'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'
import { SelectableList } from './selectable-list.svelte'

// Failures the Datasets view shows beside what failed (the list, the record, each editor) are
// quiet; renaming and removing from the list go to the toasts.
const QUIET = { quiet: true }

export class DatasetsStore extends SelectableList<DatasetSummary, DatasetRecord> {
  holidayCountries = $state.raw<HolidayCountry[] | null>(null)
  readonly #client: ApiClient

  constructor(client: ApiClient) {
    super()
    this.#client = client
  }

  protected fetchList(): Promise<DatasetSummary[]> {
    return this.#client.request('datasets:list', {}, QUIET)
  }

  protected fetchDetail(id: string): Promise<DatasetRecord> {
    return this.#client.request('datasets:get', { id }, QUIET)
  }

  /** Keeps the list (and the open record) in step with changes made elsewhere. */
  subscribe(): () => void {
    return this.#client.on('datasets:changed', ({ ids }) => {
      void this.refresh()
      if (this.selectedId && ids.includes(this.selectedId)) void this.reloadSelected()
    })
  }

  /** Shows a record main just returned (after import, rename, roles, split). */
  show(record: DatasetRecord): void {
    this.supersedePendingSelect()
    this.selectedId = record.id
    this.selected = record
    this.selectError = null
    this.list = this.list.map((d) => (d.id === record.id ? { ...d, name: record.name } : d))
  }

  async rename(id: string, name: string): Promise<void> {
    const record = await this.#client.request('datasets:rename', { id, name })
    this.list = this.list.map((d) => (d.id === id ? { ...d, name: record.name } : d))
    if (this.selectedId === id) this.show(record)
  }

  /** Renames a numeric column of the open dataset; roles follow it in main. */
  async renameColumn(from: string, to: string): Promise<void> {
    const id = this.#requireSelected()
    this.show(await this.#client.request('datasets:renameColumn', { id, from, to }, QUIET))
  }

  async remove(id: string): Promise<void> {
    await this.#client.request('datasets:remove', { id })
    this.list = this.list.filter((d) => d.id !== id)
    if (this.selectedId === id) {
      this.clearSelection()
      if (this.list.length > 0) await this.select(this.list[0].id)
    }
  }

  async setRoles(roles: Roles): Promise<void> {
    const id = this.#requireSelected()
    this.show(await this.#client.request('datasets:setRoles', { id, roles }, QUIET))
  }

  async setSplit(split: SplitSpec): Promise<void> {
    const id = this.#requireSelected()
    this.show(await this.#client.request('datasets:setSplit', { id, split }, QUIET))
  }

  async loadHolidayCountries(): Promise<void> {
    if (this.holidayCountries) return
    this.holidayCountries = await this.#client.request('datasets:holidayCountries', {}, QUIET)
  }

  #requireSelected(): string {
    if (!this.selectedId) throw new ApiError('NO_DATASET', 'No dataset is selected.')
    return this.selectedId
  }
}
