// The study the monitor has open, while its trials run: every trial row (replaced whole or
// patched per event with a new array, $state.raw), the running trials' live learning curves, the
// trial the user clicked with its detail, notices, and the commands on a study (start, pause,
// resume, cancel, cancel one trial, delete). Events for another study are ignored; a page or
// detail fetched from main never overwrites what a newer event brought.
import type {
  StudyEpochEvent,
  StudyId,
  StudyListEntry,
  StudyStatus,
  TrialDetailView,
  TrialRow,
} from '@shared/study-views'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'
import { applyEpoch, mergeCurve, type LiveCurve } from './live-curves'
import type { StudiesStore } from './studies.svelte'
import { mergeFetched, upsertRow } from './trial-rows'

/** Rows per `studies:trials` request (the channel's maximum). */
const PAGE = 5000
// The monitor shows each failure beside what failed (the table, the trial, the controls); none
// goes to the toasts.
const QUIET = { quiet: true }
const MAX_NOTICES = 5

export type StudyCommand = 'start' | 'pause' | 'resume' | 'cancel' | 'cancelTrial' | 'remove'

export class StudyRunStore {
  studyId = $state<StudyId | null>(null)
  rows = $state.raw<TrialRow[]>([])
  loaded = $state(false)
  loadError = $state.raw<ApiError | null>(null)
  /** The live status from `studies:state`, or null before the first event for this study. */
  status = $state<StudyStatus | null>(null)
  running = $state.raw<number[]>([])
  /** Live curves of the running trials and of the selected one. */
  curves = $state.raw<Record<number, LiveCurve>>({})
  notices = $state.raw<{ at: number; message: string }[]>([])
  /** The command in flight (one at a time), and the last one's failure. */
  busy = $state<StudyCommand | null>(null)
  actionError = $state.raw<ApiError | null>(null)
  selectedTrial = $state<number | null>(null)
  trialDetail = $state.raw<TrialDetailView | null>(null)
  trialError = $state.raw<ApiError | null>(null)

  readonly #client: ApiClient
  readonly #studies: StudiesStore
  #loadSeq = 0
  #detailSeq = 0
  #stateSeq = 0
  /** Rows events brought while a load is on its way, oldest first (null: no load in flight). */
  #newer: TrialRow[] | null = null

  constructor(client: ApiClient, studies: StudiesStore) {
    this.#client = client
    this.#studies = studies
  }

  /** Follows the study events while the monitor is shown; returns the unsubscribe. */
  subscribe(): () => void {
    const offs = [
      this.#client.on('studies:trialChanged', (e) => {
        if (e.id === this.studyId) this.#onTrial(e.trial)
      }),
      this.#client.on('studies:epoch', (e) => {
        if (e.id === this.studyId) this.#onEpoch(e)
      }),
      this.#client.on('studies:state', (e) => {
        if (e.id !== this.studyId) return
        this.#stateSeq++
        this.status = e.status
        this.running = e.running
        this.#followRunning()
      }),
      this.#client.on('studies:notice', (e) => {
        if (e.id !== this.studyId) return
        this.notices = [{ at: Date.now(), message: e.message }, ...this.notices].slice(
          0,
          MAX_NOTICES,
        )
      }),
    ]
    return () => offs.forEach((off) => off())
  }

  /**
   * Opens a study. When it is open already (the view shown again), its rows are read again
   * while the old ones stay on screen: events were not followed while the view was away.
   */
  open(id: StudyId): void {
    if (this.studyId === id) {
      void this.reload()
      return
    }
    this.studyId = id
    this.rows = []
    this.loaded = false
    this.loadError = null
    this.status = null
    this.running = []
    this.curves = {}
    this.notices = []
    this.actionError = null
    this.selectedTrial = null
    this.trialDetail = null
    this.trialError = null
    void this.reload()
  }

  /** Reads all rows again (after a reconnect, say); events meanwhile still win. */
  async reload(): Promise<void> {
    const id = this.studyId
    if (!id) return
    const seq = ++this.#loadSeq
    this.#newer = []
    try {
      const fetched: TrialRow[] = []
      let total = Infinity
      while (fetched.length < total) {
        const page = await this.#client.request(
          'studies:trials',
          { id, offset: fetched.length, limit: PAGE },
          QUIET,
        )
        if (seq !== this.#loadSeq) return
        total = page.total
        fetched.push(...page.rows)
        if (page.rows.length === 0) break
      }
      this.rows = mergeFetched(fetched, this.#newer)
      this.loadError = null
      this.running = this.rows.filter((r) => r.state === 'running').map((r) => r.number)
      this.#followRunning()
    } catch (error) {
      if (seq === this.#loadSeq) this.loadError = ApiError.from(error)
    } finally {
      if (seq === this.#loadSeq) {
        this.#newer = null
        this.loaded = true
      }
    }
  }

  #onTrial(row: TrialRow): void {
    this.#newer?.push(row)
    this.rows = upsertRow(this.rows, row)
    const others = this.running.filter((n) => n !== row.number)
    this.running = row.state === 'running' ? [...others, row.number].sort((a, b) => a - b) : others
    this.#followRunning()
    if (row.number === this.selectedTrial) void this.#loadTrial(row.number)
  }

  #onEpoch(event: StudyEpochEvent): void {
    // An epoch of a trial whose start event was missed: it is running, whatever the list says.
    const row = this.rows.find((r) => r.number === event.trial)
    if (!this.running.includes(event.trial) && (!row || row.state === 'running'))
      this.running = [...this.running, event.trial].sort((a, b) => a - b)
    this.curves = { ...this.curves, [event.trial]: applyEpoch(this.curves[event.trial], event) }
    // The row's epoch count follows, so the table says how far a running trial is.
    if (row && row.state === 'running' && row.epochs < event.epoch)
      this.rows = upsertRow(this.rows, { ...row, epochs: event.epoch })
    const detail = this.trialDetail
    if (detail && detail.number === event.trial)
      this.trialDetail = {
        ...detail,
        epochs: event.epoch,
        curve: mergeCurve(detail.curve, [event.point]),
      }
  }

  /** Keeps curves for the running and selected trials only, and seeds new ones from main. */
  #followRunning(): void {
    const keep = this.selectedTrial === null ? this.running : [...this.running, this.selectedTrial]
    const next: Record<number, LiveCurve> = {}
    for (const n of keep) if (this.curves[n]) next[n] = this.curves[n]
    const fresh = this.running.filter((n) => !this.curves[n])
    this.curves = next
    for (const n of fresh) void this.#seedCurve(n)
  }

  /** A trial already running when the monitor opened: its epochs so far, merged with events. */
  async #seedCurve(trial: number): Promise<void> {
    const id = this.studyId
    if (!id) return
    try {
      const detail = await this.#client.request('studies:trial', { id, trial }, QUIET)
      if (id !== this.studyId) return
      const live = this.curves[trial]
      if (!live && !this.running.includes(trial)) return
      this.curves = {
        ...this.curves,
        [trial]: {
          trial,
          epochs: live?.epochs ?? null,
          curve: mergeCurve(detail.curve, live?.curve ?? []),
          prune: live?.prune ?? false,
        },
      }
    } catch {
      // The trial may have ended and been pruned from the file's running set meanwhile; the
      // curve then fills from the next epoch event, and the row shows the trial's end.
    }
  }

  selectTrial(trial: number | null): void {
    this.selectedTrial = trial
    this.trialDetail = null
    this.trialError = null
    if (trial !== null) void this.#loadTrial(trial)
  }

  async #loadTrial(trial: number): Promise<void> {
    const id = this.studyId
    if (!id) return
    const seq = ++this.#detailSeq
    try {
      const detail = await this.#client.request('studies:trial', { id, trial }, QUIET)
      if (seq !== this.#detailSeq || id !== this.studyId) return
      // Epochs that events added while the request was out stay.
      const live = this.curves[trial]
      this.trialDetail = live ? { ...detail, curve: mergeCurve(detail.curve, live.curve) } : detail
      this.trialError = null
    } catch (error) {
      if (seq === this.#detailSeq) this.trialError = ApiError.from(error)
    }
  }

  start(id: StudyId): Promise<void> {
    return this.#command('start', () => this.#client.request('studies:start', { id }, QUIET))
  }

  pause(id: StudyId): Promise<void> {
    return this.#command('pause', () => this.#client.request('studies:pause', { id }, QUIET))
  }

  resume(id: StudyId): Promise<void> {
    return this.#command('resume', () => this.#client.request('studies:resume', { id }, QUIET))
  }

  cancel(id: StudyId): Promise<void> {
    return this.#command('cancel', () => this.#client.request('studies:cancel', { id }, QUIET))
  }

  cancelTrial(id: StudyId, trial: number): Promise<void> {
    return this.#command('cancelTrial', async () => {
      const { cancelled } = await this.#client.request('studies:cancelTrial', { id, trial }, QUIET)
      if (!cancelled)
        throw new ApiError(
          'NOT_RUNNING',
          `Trial ${trial} was not running any more; nothing was cancelled.`,
        )
      return null
    })
  }

  /** Deletes a study that is not running; the list drops it and the next study opens. */
  remove(id: StudyId): Promise<void> {
    return this.#command('remove', async () => {
      await this.#client.request('studies:delete', { id }, QUIET)
      if (this.studyId === id) this.studyId = null
      await this.#studies.refresh()
      return null
    })
  }

  async #command(name: StudyCommand, run: () => Promise<StudyListEntry | null>): Promise<void> {
    if (this.busy) return
    this.busy = name
    this.actionError = null
    const stateSeq = this.#stateSeq
    try {
      const entry = await run()
      if (entry) {
        // A state event that came meanwhile is newer than the answer.
        if (entry.id === this.studyId && stateSeq === this.#stateSeq) this.status = entry.status
        this.#studies.applyEntry(entry)
      }
    } catch (error) {
      this.actionError = ApiError.from(error)
    } finally {
      this.busy = null
    }
  }
}
