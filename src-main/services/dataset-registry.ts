// The datasets on disk: one folder per dataset, named by the sha256 of the imported bytes, with
// the file as imported (`source.csv`) and its record (`dataset.json`). A folder without a
// readable record is an import that never finished and is ignored (and cleaned on start).
import { readdir, readFile, rm, mkdir, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DatasetRecord, DatasetSummary } from '../engine/data/types'
import { writeFileAtomic } from '../engine/store/atomic-write'
import { ServiceError } from './service-error'

const RECORD = 'dataset.json'
const SOURCE = 'source.csv'
const ID = /^[0-9a-f]{64}$/

export class DatasetRegistry {
  constructor(private readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    for (const entry of await readdir(this.dir)) {
      const folder = join(this.dir, entry)
      if (!ID.test(entry) || !(await exists(join(folder, RECORD)))) {
        await rm(folder, { recursive: true, force: true })
      }
    }
  }

  sourcePath(id: string): string {
    return join(this.dir, id, SOURCE)
  }

  async has(id: string): Promise<boolean> {
    return exists(join(this.dir, id, RECORD))
  }

  async get(id: string): Promise<DatasetRecord> {
    try {
      return JSON.parse(await readFile(join(this.dir, id, RECORD), 'utf8')) as DatasetRecord
    } catch {
      throw new ServiceError('NOT_FOUND', `There is no dataset ${id.slice(0, 12)}….`)
    }
  }

  async list(): Promise<DatasetSummary[]> {
    const summaries: DatasetSummary[] = []
    for (const entry of await readdir(this.dir)) {
      if (!ID.test(entry) || !(await this.has(entry))) continue
      const r = await this.get(entry)
      summaries.push({
        id: r.id,
        name: r.name,
        fileName: r.fileName,
        rows: r.profile.rows,
        frequencyLabel: r.profile.frequencyLabel,
        start: r.profile.start,
        end: r.profile.end,
        importedAt: r.importedAt,
      })
    }
    return summaries.sort((a, b) => a.importedAt.localeCompare(b.importedAt))
  }

  /** Moves the imported file in and writes the record last, so a record always has its file. */
  async add(record: DatasetRecord, stagedFile: string): Promise<void> {
    const folder = join(this.dir, record.id)
    await mkdir(folder, { recursive: true })
    await rename(stagedFile, join(folder, SOURCE))
    await writeFileAtomic(join(folder, RECORD), JSON.stringify(record, null, 1))
  }

  async update(record: DatasetRecord): Promise<void> {
    if (!(await this.has(record.id))) {
      throw new ServiceError('NOT_FOUND', `There is no dataset ${record.id.slice(0, 12)}….`)
    }
    await writeFileAtomic(join(this.dir, record.id, RECORD), JSON.stringify(record, null, 1))
  }

  async remove(id: string): Promise<boolean> {
    if (!(await this.has(id))) return false
    // The record goes first: a crash halfway leaves an orphan folder that init() cleans.
    await rm(join(this.dir, id, RECORD), { force: true })
    await rm(join(this.dir, id), { recursive: true, force: true })
    return true
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
