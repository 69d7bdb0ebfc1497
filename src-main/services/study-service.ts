// The one study service of the app, `frontier serve` and the CLI: studies in the studies folder
// listed and shown, created from a draft (the dataset as the Datasets view set it up), cloned,
// deleted, and run in this process — trials in crash-isolated worker processes from the injected
// host (Electron's utilityProcess in the app, child processes under Node) — with pause, resume,
// cancel and cancel-one-trial, and every change pushed as a study event. A study file is opened
// through the store only while this service runs it; otherwise it is only read. No Electron here.

import type { StudyDraft } from '@shared/study-schemas'
import type {
  DraftCheck,
  StudyConfirmProgress,
  StudyDetailView,
  StudyId,
  StudyListEntry,
  StudyOptionsView,
  StudyStatus,
  TrialDetailView,
  TrialsPage,
} from '@shared/study-views'
import type { StudyConfig } from '../engine/hpo/study-config'
import type { StudyFile } from '../engine/store/study-file'
import { readStudyFile } from '../engine/store/study-file-access'
import { openPersistentStudy } from '../engine/store/persistent-study'
import { StoreError } from '../engine/store/store-error'
import { ConfirmError } from '../engine/train/confirm-error'
import { NodeWorkerHost } from '../worker/node-worker-host'
import type { WorkerHost } from '../worker/worker-host'
import type { DatasetService } from './dataset-service'
import { checkDraft } from './draft-check'
import { readRunSpec, type RunSpec } from './run-spec'
import { ServiceError } from './service-error'
import { confirmStudy, trialsWithModels, type TrialSelection } from './study-confirm'
import { deleteStudyFiles } from './study-deletion'
import { draftConfig, draftPath, draftSpec, jobIdOf } from './study-draft'
import { studyDetail, studyEntry } from './study-entry'
import { forwardEvent, type Emit } from './study-events'
import { jobIdTaken, studyFileCandidates, studyPathFor, StudyPaths } from './study-files'
import { studyOptions } from './study-options'
import { acquireStudyLock, otherRunner, releaseStudyLock } from './study-lock'
import { StudyRun, type StudyRunOptions } from './study-run'
import { openOrCreateStudy, type OpenedStudy } from './study-runner'
import { fileStatus, liveStatus, startableSpec } from './study-status'
import { TimeEstimator } from './time-estimate'
import { endedCurve, storedCurve, trialDetail, trialRow } from './trial-rows'

export interface StudyServiceOptions {
  studiesDir: string
  /** The app's datasets (studies:create and studies:check read them); absent for the CLI. */
  datasets?: DatasetService
  /** Where trials run (default: Node child processes). */
  workerHost?: () => WorkerHost
  emit?: Emit
}

export type LaunchOptions = Pick<StudyRunOptions, 'workers' | 'timeoutS' | 'onPlan' | 'onEvent'>

/** A study as it stands now: the live run's state when this service runs it, else the file's. */
interface Snapshot {
  path: string
  file: StudyFile
  spec: RunSpec | null
  status: StudyStatus
  elapsedMs: number
  run: StudyRun | null
}

export class StudyService {
  private readonly paths: StudyPaths
  private readonly live = new Map<StudyId, StudyRun>()
  /** Ids being started, confirmed, created or deleted: one such change at a time per study. */
  private readonly busy = new Set<StudyId>()
  private readonly estimator: TimeEstimator
  private readonly emit: Emit

  constructor(private readonly o: StudyServiceOptions) {
    this.paths = new StudyPaths(o.studiesDir)
    this.estimator = new TimeEstimator(this.paths.dir)
    this.emit = o.emit ?? (() => undefined)
  }

  get studiesDir(): string {
    return this.paths.dir
  }

  async list(): Promise<StudyListEntry[]> {
    const entries: StudyListEntry[] = []
    for (const path of await studyFileCandidates(this.paths.dir)) {
      const id = this.paths.idOf(path)
      let snapshot: Snapshot
      try {
        snapshot = await this.snapshot(id)
      } catch {
        continue // not a study file (an export, a foreign JSON) or one this Frontier cannot read
      }
      entries.push(this.entryOf(id, snapshot))
    }
    return entries.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
    )
  }

  async get(id: StudyId): Promise<StudyDetailView> {
    const s = await this.snapshot(id)
    return studyDetail(this.entryOf(id, s), s.file, s.spec, await trialsWithModels(s.path, s.file))
  }

  /** Confirms the chosen trials (default the front) and returns the study as it now stands. */
  async confirm(id: StudyId, trials: TrialSelection = 'front'): Promise<StudyDetailView> {
    const path = this.paths.pathOf(id)
    const { status } = await this.snapshot(id)
    if (this.live.has(id) || status === 'running')
      throw new ServiceError(
        'STUDY_RUNNING',
        'Trials are running; confirm once the study has stopped.',
      )
    if (this.busy.has(id))
      throw new ConfirmError('STUDY_BUSY', 'This study is being confirmed already; wait for it.')
    this.busy.add(id)
    try {
      await confirmStudy(path, {
        trials,
        onProgress: (p) => this.emit('studies:progress', { id, ...p } as StudyConfirmProgress),
      })
    } finally {
      this.busy.delete(id)
    }
    this.emit('studies:changed', { ids: [id] })
    return this.get(id)
  }

  async trials(id: StudyId, offset: number, limit: number): Promise<TrialsPage> {
    const s = await this.snapshot(id)
    const rows = s.file.trials
      .slice(offset, offset + limit)
      .map((t) => trialRow(t, t.state === 'running' ? s.run?.curve(t.number)?.length : undefined))
    return { total: s.file.trials.length, offset, rows }
  }

  async trial(id: StudyId, trial: number): Promise<TrialDetailView> {
    const s = await this.snapshot(id)
    const record = s.file.trials[trial]
    if (!record) throw new ServiceError('NOT_FOUND', `The study has no trial ${trial}.`)
    const curve =
      s.run?.curve(trial) ??
      (record.state === 'running' ? storedCurve(record) : await endedCurve(s.path, record))
    return trialDetail(structuredClone(record), curve)
  }

  options(): Promise<StudyOptionsView> {
    return studyOptions()
  }

  async check(draft: StudyDraft): Promise<DraftCheck> {
    const datasets = this.o.datasets
    const record = datasets ? await datasets.get(draft.datasetId).catch(() => null) : null
    const series = record && datasets ? await datasets.seriesOf(record) : null
    return checkDraft(draft, {
      record,
      series,
      nameTaken: await this.nameTaken(draft.name),
      estimator: this.estimator,
    })
  }

  /** Creates the study's files from a draft; nothing runs until start. */
  async create(draft: StudyDraft): Promise<StudyListEntry> {
    const check = await this.check(draft)
    if (!check.ok)
      throw new ServiceError(
        'DRAFT_INVALID',
        check.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('\n'),
      )
    const datasets = this.o.datasets as DatasetService
    const record = await datasets.get(draft.datasetId)
    const series = await datasets.seriesOf(record)
    const path = draftPath(this.paths.dir, draft, record)
    const spec = draftSpec(draft, record, datasets.sourcePath(record.id))
    return this.createAt(path, draftConfig(draft, record, series), spec)
  }

  /** A new study with the same dataset, model, space and settings, and no trials. */
  async clone(id: StudyId, name: string): Promise<StudyListEntry> {
    const s = await this.snapshot(id)
    if (!s.spec)
      throw new ServiceError(
        'RUN_SPEC_MISSING',
        'This study has no run file, so it cannot be cloned.',
      )
    if (await this.nameTaken(name))
      throw new ServiceError(
        'NAME_TAKEN',
        `A study named "${name}" exists already; choose another name.`,
      )
    const jobId = jobIdOf(name)
    const config = { ...structuredClone(s.file.config), name }
    const spec: RunSpec = { ...structuredClone(s.spec), jobId }
    return this.createAt(
      studyPathFor(this.paths.dir, config.model, spec.data.label, jobId),
      config,
      spec,
    )
  }

  /** Deletes a study that is not running: its file, run file, artifacts and exports. */
  async delete(id: StudyId): Promise<{ deleted: boolean }> {
    if (this.live.has(id) || this.busy.has(id))
      throw new ServiceError('STUDY_RUNNING', 'The study is running; cancel it before deleting it.')
    const s = await this.snapshot(id)
    if (s.status === 'running')
      throw new ServiceError(
        'STUDY_RUNNING',
        'The study is running in another process; stop it there first.',
      )
    this.busy.add(id)
    try {
      await deleteStudyFiles(s.path, s.file, s.spec?.jobId ?? null, this.paths.dir)
    } finally {
      this.busy.delete(id)
    }
    this.emit('studies:changed', { ids: [id] })
    return { deleted: true }
  }

  /** Runs a new, stopped or interrupted study in this process's workers. */
  async start(id: StudyId): Promise<StudyListEntry> {
    if (this.live.has(id) || this.busy.has(id))
      throw new ServiceError('STUDY_RUNNING', 'The study is running already.')
    this.busy.add(id)
    try {
      const s = await this.snapshot(id)
      const spec = await startableSpec(s.status, s.spec)
      const opened = await this.locked(s.path, async () => ({
        ...(await openPersistentStudy(s.path)),
        path: s.path,
        spec,
        resumed: true,
      }))
      await this.launch(opened, {
        workers: spec.run?.workers ?? null,
        timeoutS: spec.run?.timeoutS ?? null,
      })
    } finally {
      this.busy.delete(id)
    }
    return this.entryOf(id, await this.snapshot(id))
  }

  /**
   * Creates the study at path, or with resume opens the one there, for a run in this process
   * (`frontier run`); refused while another process runs it. Launch it next.
   */
  openForRun(
    path: string,
    config: StudyConfig,
    spec: RunSpec,
    resume: boolean,
  ): Promise<OpenedStudy> {
    return this.locked(path, () => openOrCreateStudy(path, config, spec, resume))
  }

  /** Takes the study's lock, then opens it (opening recovers trials a dead run left running). */
  private async locked(path: string, open: () => Promise<OpenedStudy>): Promise<OpenedStudy> {
    await acquireStudyLock(path)
    try {
      return await open()
    } catch (error) {
      await releaseStudyLock(path)
      throw error
    }
  }

  /**
   * Runs an opened study in this process (what start does after opening it; `frontier run` calls
   * it with the study it created or resumed). The run's `done` resolves once it has ended and
   * its exports are written.
   */
  async launch(opened: OpenedStudy, options: LaunchOptions): Promise<StudyRun> {
    const id = this.paths.idOf(opened.path)
    if (this.live.has(id)) throw new ServiceError('STUDY_RUNNING', 'The study is running already.')
    let run: StudyRun | null = null
    try {
      run = await StudyRun.start(opened, {
        host: (this.o.workerHost ?? (() => new NodeWorkerHost()))(),
        workers: options.workers,
        timeoutS: options.timeoutS,
        outDir: this.paths.dir,
        onPlan: options.onPlan,
        onEvent: (event) => {
          forwardEvent(this.emit, id, opened.study, run, event)
          options.onEvent?.(event)
        },
      })
    } catch (error) {
      await opened.store.close()
      await releaseStudyLock(opened.path)
      throw error
    }
    this.live.set(id, run)
    const ended = () => {
      this.live.delete(id)
      void releaseStudyLock(opened.path)
      const data = opened.study.data
      this.emit('studies:state', { id, status: fileStatus(data), running: [] })
      this.emit('studies:changed', { ids: [id] })
    }
    run.done.then(ended, (error: unknown) => {
      ended()
      this.emit('studies:notice', {
        id,
        message: `The study's run ended with an error: ${String(error)}`,
      })
    })
    return run
  }

  async pause(id: StudyId): Promise<StudyListEntry> {
    this.running(id).pause()
    return this.entryOf(id, await this.snapshot(id))
  }

  async resume(id: StudyId): Promise<StudyListEntry> {
    this.running(id).resume()
    return this.entryOf(id, await this.snapshot(id))
  }

  /** Stops the study (running trials interrupted and queued again) and waits until it has. */
  async cancel(id: StudyId): Promise<StudyListEntry> {
    await this.running(id).stop()
    return this.entryOf(id, await this.snapshot(id))
  }

  async cancelTrial(id: StudyId, trial: number): Promise<{ cancelled: boolean }> {
    return { cancelled: this.running(id).cancelTrial(trial) }
  }

  /** The studies this process runs now (the shell asks before closing the window). */
  liveIds(): StudyId[] {
    return [...this.live.keys()]
  }

  /** Stops every study this process runs, cleanly unless forced; resolves once all have ended. */
  async stopAll(options: { force?: boolean } = {}): Promise<void> {
    await Promise.all(
      [...this.live.values()].map((run) => run.stop(options).catch(() => undefined)),
    )
  }

  private running(id: StudyId): StudyRun {
    this.paths.pathOf(id)
    const run = this.live.get(id)
    if (!run)
      throw new ServiceError(
        'STUDY_NOT_RUNNING',
        'The study is not running in this process; start it first.',
      )
    return run
  }

  private async createAt(
    path: string,
    config: StudyFile['config'],
    spec: RunSpec,
  ): Promise<StudyListEntry> {
    const id = this.paths.idOf(path)
    if (this.busy.has(id))
      throw new ServiceError('NAME_TAKEN', 'A study of that name is being created.')
    this.busy.add(id)
    try {
      // The run file first, then the study file: never a study without its run file.
      const opened = await openOrCreateStudy(path, config, spec, false)
      await opened.store.close()
    } finally {
      this.busy.delete(id)
    }
    this.emit('studies:changed', { ids: [id] })
    return this.entryOf(id, await this.snapshot(id))
  }

  /** Whether a study file with that name's job id exists (any model, any dataset). */
  private nameTaken(name: string): Promise<boolean> {
    return jobIdTaken(this.paths.dir, jobIdOf(name))
  }

  private entryOf(id: StudyId, s: Snapshot): StudyListEntry {
    return studyEntry(id, s.file, s.spec, s.status, s.elapsedMs)
  }

  private async snapshot(id: StudyId): Promise<Snapshot> {
    const path = this.paths.pathOf(id)
    const run = this.live.get(id)
    if (run) {
      const { study, spec } = run.opened
      const file = run.opened.store.data
      return { path, file, spec, status: liveStatus(run.state), elapsedMs: study.elapsedMs(), run }
    }
    let file: StudyFile
    try {
      file = await readStudyFile(path)
    } catch (error) {
      if (error instanceof StoreError && error.code === 'STUDY_NOT_FOUND')
        throw new ServiceError('NOT_FOUND', `There is no study ${id}.`)
      throw error
    }
    const spec = await readRunSpec(path).catch(() => null)
    // Running in another process (a `frontier run`, another app): its trials are live there.
    const status = (await otherRunner(path)) !== null ? 'running' : fileStatus(file)
    return { path, file, spec, status, elapsedMs: file.elapsedMs, run: null }
  }
}
