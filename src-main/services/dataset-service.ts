// Datasets for the API: import (staged upload or bundled demo), registry operations, and the
// views the renderer draws from (preview rows, per-pixel buckets). Parsing happens in a worker
// thread; parsed series are kept in a small cache and re-read from the stored file when evicted.
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type {
  HolidayCountry,
  ImportProgress,
  ImportResult,
  PreviewPage,
  SeriesBuckets,
} from '@shared/contract'
import { holidayCountries } from '../engine/data/calendar'
import { DataError } from '../engine/data/data-error'
import { bucketMinMax } from '../engine/data/downsample'
import { checkColumnRename } from '../engine/data/column-names'
import { checkRoles, defaultRoles } from '../engine/data/roles'
import { DEFAULT_REQUIREMENTS, DEFAULT_SPLIT, resolveSplit } from '../engine/data/split'
import type {
  DatasetRecord,
  DatasetSummary,
  ParseOptions,
  ResolvedSplit,
  Roles,
  Series,
  SplitSpec,
} from '../engine/data/types'
import { DatasetRegistry } from './dataset-registry'
import { parseInWorker } from './parse-in-worker'
import { ServiceError } from './service-error'
import { UploadStaging } from './upload-staging'
import { SeriesCache } from './series-cache'

export type DemoName = 'heat' | 'water'

export interface DatasetServiceOptions {
  dataDir: string
  demoDir: string
  onProgress?: (progress: ImportProgress) => void
  onChanged?: (ids: string[]) => void
}

export class DatasetService {
  readonly uploads: UploadStaging
  private readonly registry: DatasetRegistry
  private readonly cache = new SeriesCache(3)

  constructor(private readonly options: DatasetServiceOptions) {
    this.registry = new DatasetRegistry(join(options.dataDir, 'datasets'))
    this.uploads = new UploadStaging(join(options.dataDir, 'uploads'))
  }

  async init(): Promise<void> {
    await this.registry.init()
    await rm(join(this.options.dataDir, 'uploads'), { recursive: true, force: true })
  }

  async importUpload(
    uploadId: string,
    name?: string,
    options: ParseOptions = {},
  ): Promise<ImportResult> {
    const staged = await this.uploads.finish(uploadId)
    try {
      return await this.importFile(staged.path, staged.fileName, name, options, uploadId)
    } finally {
      await rm(staged.path, { force: true })
    }
  }

  async importDemo(demo: DemoName): Promise<ImportResult> {
    const source = join(this.options.demoDir, `${demo}.csv`)
    const staged = join(this.options.dataDir, 'uploads', `demo-${demo}-${process.pid}.csv`)
    await mkdir(join(this.options.dataDir, 'uploads'), { recursive: true })
    try {
      await copyFile(source, staged)
    } catch {
      throw new ServiceError(
        'DEMO_MISSING',
        `The demo dataset ${source} is missing from this installation.`,
      )
    }
    try {
      const label = demo === 'heat' ? 'Demo: district heat' : 'Demo: water demand'
      return await this.importFile(staged, basename(source), label, {}, `demo-${demo}`)
    } finally {
      await rm(staged, { force: true })
    }
  }

  /** Imports a file at a path (the CLI and tests call this directly). */
  async importFile(
    path: string,
    fileName: string,
    name: string | undefined,
    options: ParseOptions,
    progressId: string,
  ): Promise<ImportResult> {
    const bytes = await readFile(path)
    const id = sha256(bytes)
    if (await this.registry.has(id)) {
      return { dataset: await this.registry.get(id), existing: true }
    }
    const report = (phase: ImportProgress['phase'], fraction: number) =>
      this.options.onProgress?.({ uploadId: progressId, phase, fraction })
    // The file's name names columns headed only by a number; kept so a re-read names them alike.
    const parseOptions: ParseOptions = { ...options, sourceName: fileName }
    const { series, profile } = await parseInWorker(path, parseOptions, report)
    report('store', 0)
    const roles = defaultRoles(profile)
    const { resolved, problem } = resolveOrExplain(series.timestamps, DEFAULT_SPLIT)
    const record: DatasetRecord = {
      id,
      name: name ?? fileName.replace(/\.[^.]+$/, ''),
      fileName,
      bytes: bytes.byteLength,
      importedAt: new Date().toISOString(),
      parseOptions,
      profile,
      roles,
      split: DEFAULT_SPLIT,
      resolvedSplit: resolved,
      splitProblem: problem,
    }
    await this.registry.add(record, path)
    this.cache.set(id, series)
    report('store', 1)
    this.options.onChanged?.([id])
    return { dataset: record, existing: false }
  }

  list(): Promise<DatasetSummary[]> {
    return this.registry.list()
  }

  get(id: string): Promise<DatasetRecord> {
    return this.registry.get(id)
  }

  /** Two datasets of one name could not be told apart in the lists and the study setup. */
  async rename(id: string, name: string): Promise<DatasetRecord> {
    const taken = (await this.registry.list()).find(
      (d) => d.id !== id && d.name.toLowerCase() === name.toLowerCase(),
    )
    if (taken) {
      throw new ServiceError(
        'NAME_TAKEN',
        `Another dataset is already called “${taken.name}”; choose a name that tells them apart.`,
      )
    }
    const record = { ...(await this.registry.get(id)), name }
    await this.registry.update(record)
    this.options.onChanged?.([id])
    return record
  }

  /**
   * Gives numeric column `from` the name `to`. The choice is kept in the parse options, keyed by
   * the name the column got on import, and the file is read again, so the profile, the series
   * and every later re-read carry the new name; roles follow it.
   */
  async renameColumn(id: string, from: string, to: string): Promise<DatasetRecord> {
    const record = await this.registry.get(id)
    const name = to.trim()
    checkColumnRename(record.profile, from, name)
    if (name === from) return record
    const chosen = { ...record.parseOptions.columnNames }
    const imported = Object.keys(chosen).find((key) => chosen[key] === from) ?? from
    if (name === imported) delete chosen[imported]
    else chosen[imported] = name
    const parseOptions: ParseOptions = { ...record.parseOptions, columnNames: chosen }
    if (Object.keys(chosen).length === 0) delete parseOptions.columnNames
    const sourcePath = this.registry.sourcePath(id)
    const { series, profile } = await parseInWorker(sourcePath, parseOptions)
    const renamed = (column: string) => (column === from ? name : column)
    const roles: Roles = {
      ...record.roles,
      target: renamed(record.roles.target),
      pastCovariates: record.roles.pastCovariates.map(renamed),
      futureCovariates: record.roles.futureCovariates.map(renamed),
    }
    const updated: DatasetRecord = { ...record, parseOptions, profile, roles }
    await this.registry.update(updated)
    this.cache.set(id, series)
    this.options.onChanged?.([id])
    return updated
  }

  async remove(id: string): Promise<boolean> {
    this.cache.delete(id)
    const removed = await this.registry.remove(id)
    if (removed) this.options.onChanged?.([id])
    return removed
  }

  async setRoles(id: string, roles: Roles): Promise<DatasetRecord> {
    const record = await this.registry.get(id)
    checkRoles(record.profile, roles)
    const updated = { ...record, roles }
    await this.registry.update(updated)
    this.options.onChanged?.([id])
    return updated
  }

  async setSplit(id: string, split: SplitSpec): Promise<DatasetRecord> {
    const record = await this.registry.get(id)
    const series = await this.series(record)
    // A split the user sets must be usable; only the default may be stored with a problem.
    const resolved = resolveSplit(series.timestamps, split, DEFAULT_REQUIREMENTS)
    const updated = { ...record, split, resolvedSplit: resolved, splitProblem: null }
    await this.registry.update(updated)
    this.options.onChanged?.([id])
    return updated
  }

  async preview(id: string, offset: number, limit: number): Promise<PreviewPage> {
    const record = await this.registry.get(id)
    const series = await this.series(record)
    const total = series.timestamps.length
    const rows: PreviewPage['rows'] = []
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      const row: PreviewPage['rows'][number] = [new Date(series.timestamps[i]).toISOString()]
      for (const column of series.columns) {
        const v = column.values[i]
        row.push(Number.isNaN(v) ? null : v)
      }
      rows.push(row)
    }
    return { columns: series.columns.map((c) => c.name), rows, offset, total }
  }

  async buckets(
    id: string,
    column: string,
    buckets: number,
    from?: number,
    to?: number,
  ): Promise<SeriesBuckets> {
    const record = await this.registry.get(id)
    const series = await this.series(record)
    const values = series.columns.find((c) => c.name === column)?.values
    if (!values)
      throw new DataError('UNKNOWN_COLUMN', `The dataset has no numeric column "${column}".`)
    const start = from ?? record.profile.start
    const end = to ?? record.profile.end
    const b = bucketMinMax(series.timestamps, values, start, end, buckets)
    return { column, from: start, to: end, ...b }
  }

  holidayCountries(): HolidayCountry[] {
    return holidayCountries()
  }

  /** The stored file of a dataset (what a study's trials read). */
  sourcePath(id: string): string {
    return this.registry.sourcePath(id)
  }

  /** A dataset's parsed series (cached), e.g. for a study's walk-forward plan. */
  seriesOf(record: DatasetRecord): Promise<Series> {
    return this.series(record)
  }

  private async series(record: DatasetRecord): Promise<Series> {
    const cached = this.cache.get(record.id)
    if (cached) return cached
    const { series } = await parseInWorker(this.registry.sourcePath(record.id), record.parseOptions)
    this.cache.set(record.id, series)
    return series
  }
}

function resolveOrExplain(
  grid: Float64Array,
  split: SplitSpec,
): { resolved: ResolvedSplit; problem: string | null } {
  try {
    return { resolved: resolveSplit(grid, split, DEFAULT_REQUIREMENTS), problem: null }
  } catch (error) {
    if (!(error instanceof DataError) || error.code !== 'SPLIT_TOO_SHORT') throw error
    // The file is still worth inspecting; the study setup refuses it until the split is fixed.
    const resolved = resolveSplit(grid, split, { inputLength: 0, horizon: 0, origins: 0 })
    return { resolved, problem: error.message }
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
