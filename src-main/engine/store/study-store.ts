// The lowdb study store: one JSON file per study, with its bulky artifacts in a folder beside
// it (<name>.artifacts/). It is the Study's sink: a trial state change is written at once and
// the returned promise resolves when the file on disk holds it; intermediate reports are batched
// (one write per flushIntervalMs at most). Opening a file migrates it to the current schema,
// validates it, and marks trials a crash left running as failed (their parameters queued again),
// so the study resumes where it stopped.

import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Low } from 'lowdb'
import { recoverInterrupted, type StudyData, type StudySink } from '../hpo/study'
import { AtomicJsonFile } from './atomic-json-file'
import { StoreError } from './store-error'
import { CURRENT_SCHEMA_VERSION, type StudyFile } from './study-file'
import { parseStudyDocument } from './study-file-access'

export interface StudyStoreOptions {
  /** Longest delay before batched intermediate reports reach the disk (default 500 ms). */
  flushIntervalMs?: number
}

/** <dir>/<name>.json → <dir>/<name>.artifacts */
export function artifactsDirFor(studyPath: string): string {
  const name = basename(studyPath).replace(/\.json$/i, '')
  return join(dirname(studyPath), `${name}.artifacts`)
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** Temporary files a killed writer left behind (never the study file itself). */
async function removeStaleTemps(studyPath: string): Promise<void> {
  const name = basename(studyPath)
  const dir = dirname(studyPath)
  for (const entry of await readdir(dir))
    if (entry.startsWith(`${name}.`) && entry.endsWith('.tmp'))
      await rm(join(dir, entry), { force: true })
}

export class StudyStore implements StudySink {
  readonly artifactsDir: string
  private timer: NodeJS.Timeout | null = null
  private pending: Promise<void> = Promise.resolve()

  private constructor(
    readonly path: string,
    private readonly db: Low<StudyFile>,
    private readonly flushIntervalMs: number,
  ) {
    this.artifactsDir = artifactsDirFor(path)
  }

  /** Writes a new study file; refuses to overwrite an existing one. */
  static async create(
    path: string,
    data: StudyData,
    options: StudyStoreOptions = {},
  ): Promise<StudyStore> {
    if (await exists(path))
      throw new StoreError(
        'STUDY_EXISTS',
        `${path} already exists; open it to resume, or choose another name.`,
      )
    await mkdir(dirname(path), { recursive: true })
    const file = data as StudyFile
    file.schemaVersion = CURRENT_SCHEMA_VERSION
    if (!Array.isArray(file.confirmations)) file.confirmations = []
    const db = new Low<StudyFile>(new AtomicJsonFile<StudyFile>(path), file)
    const store = new StudyStore(path, db, options.flushIntervalMs ?? 500)
    await db.write()
    return store
  }

  /**
   * Opens a study file: migrate, validate, recover trials left running. Returns the store and
   * the numbers of the recovered trials (already written back as failed, INTERRUPTED).
   */
  static async open(
    path: string,
    options: StudyStoreOptions = {},
  ): Promise<{ store: StudyStore; recovered: number[] }> {
    const adapter = new AtomicJsonFile<unknown>(path)
    const raw = await adapter.read()
    if (raw === null) throw new StoreError('STUDY_NOT_FOUND', `There is no study file at ${path}.`)
    const file = parseStudyDocument(path, raw)
    const db = new Low<StudyFile>(new AtomicJsonFile<StudyFile>(path), file)
    const store = new StudyStore(path, db, options.flushIntervalMs ?? 500)
    await removeStaleTemps(path)
    const recovered = recoverInterrupted(file)
    if (
      recovered.length > 0 ||
      (raw as { schemaVersion?: number }).schemaVersion !== CURRENT_SCHEMA_VERSION
    )
      await db.write()
    return { store, recovered }
  }

  /** The study state; pass it to Study.resume. */
  get data(): StudyFile {
    return this.db.data
  }

  save(data: StudyData): Promise<void> {
    this.db.data = data as StudyFile
    this.cancelTimer()
    const write = this.db.write()
    this.pending = write.catch(() => undefined)
    return write
  }

  saveSoon(data: StudyData): void {
    this.db.data = data as StudyFile
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.pending = this.db.write().catch(() => undefined)
    }, this.flushIntervalMs)
    this.timer.unref()
  }

  /** Writes whatever is batched now. */
  async flush(): Promise<void> {
    if (this.timer) {
      this.cancelTimer()
      await this.db.write()
    }
    await this.pending
  }

  async close(): Promise<void> {
    await this.flush()
  }

  private cancelTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
  }
}
