// One import at a time: upload progress, then main's phases, then the outcome. The view only
// renders this; the sequence (begin → chunks → import, progress events filtered by upload id)
// lives here.
import type { ImportProgress, ImportResult } from '@shared/contract'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'
import { uploadFile, type UploadSource } from '../lib/upload'
import type { DatasetsStore } from './datasets.svelte'

export type ImportPhase = 'upload' | ImportProgress['phase']

export interface ImportStatus {
  label: string
  phase: ImportPhase | null
  fraction: number
}

export const PHASE_LABELS: Record<ImportPhase, string> = {
  upload: 'Uploading',
  read: 'Reading',
  parse: 'Parsing',
  profile: 'Profiling',
  store: 'Storing',
}

export class ImportStore {
  busy = $state(false)
  status = $state.raw<ImportStatus | null>(null)
  error = $state.raw<ApiError | null>(null)
  notice = $state<string | null>(null)
  readonly #client: ApiClient
  readonly #datasets: DatasetsStore

  constructor(client: ApiClient, datasets: DatasetsStore) {
    this.#client = client
    this.#datasets = datasets
  }

  async importFile(file: UploadSource): Promise<void> {
    await this.#run(file.name, async () => {
      const uploadId = await uploadFile(this.#client, file, (fraction) => {
        this.status = { label: PHASE_LABELS.upload, phase: 'upload', fraction }
      })
      const stop = this.#client.on('datasets:progress', (p) => {
        if (p.uploadId === uploadId) {
          this.status = { label: PHASE_LABELS[p.phase], phase: p.phase, fraction: p.fraction }
        }
      })
      try {
        return await this.#client.request('datasets:import', { uploadId }, { quiet: true })
      } finally {
        stop()
      }
    })
  }

  async importDemo(demo: 'heat' | 'water'): Promise<void> {
    const name = demo === 'heat' ? 'district heat demo' : 'water demand demo'
    await this.#run(name, () =>
      this.#client.request('datasets:importDemo', { demo }, { quiet: true }),
    )
  }

  dismiss(): void {
    this.error = null
    this.notice = null
  }

  async #run(what: string, work: () => Promise<ImportResult>): Promise<void> {
    if (this.busy) return
    this.busy = true
    this.error = null
    this.notice = null
    this.status = { label: `Importing ${what}`, phase: null, fraction: 0 }
    try {
      const { dataset, existing } = await work()
      this.notice = existing
        ? `“${dataset.name}” was already imported; it is selected.`
        : `Imported “${dataset.name}”: ${dataset.profile.rows.toLocaleString('en-US')} rows.`
      this.#datasets.show(dataset)
      await this.#datasets.refresh()
    } catch (error) {
      this.error = ApiError.from(error)
    } finally {
      this.busy = false
      this.status = null
    }
  }
}
