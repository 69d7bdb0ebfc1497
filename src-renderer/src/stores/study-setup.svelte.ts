// The study setup's state: what this machine offers (models, samplers, providers), the datasets,
// the form as the user types it, and main's check of the draft it makes. The check runs a moment
// after the last keystroke and only its newest answer lands, so a slow answer to an old draft
// never replaces the answer to the draft on screen. Start creates the study (or clones the one
// the form was copied from, when nothing but the name changed), starts it and opens it.
import type { DatasetRecord, DatasetSummary } from '@shared/dataset-types'
import type { StudyDraft } from '@shared/study-schemas'
import type {
  DraftCheck,
  DraftProblem,
  ModelOption,
  StudyListEntry,
  StudyOptionsView,
} from '@shared/study-views'
import type { ApiClient } from '../lib/api-client'
import { ApiError } from '../lib/api-error'
import { placeProblems, type PlacedProblems } from '../lib/draft-problems'
import { LatestRequest } from '../lib/latest-request'
import { numberText } from '../lib/number-text'
import { formatChoices } from '../lib/choice-list'
import { rowFromDistribution, rowsFromSpace, type SpaceRow } from '../lib/space-form'
import {
  defaultForm,
  defaultStudyName,
  draftFromForm,
  FORM_FIELDS,
  formFromSettings,
  modelFields,
  type FormResult,
  type StudyForm,
} from '../lib/study-form'
import type { NavigationStore } from './navigation.svelte'

/** The setup shows every failure beside the field or button it concerns: no toast as well. */
const QUIET = { quiet: true }

/** How long typing must pause before the draft is checked. */
export const CHECK_DELAY_MS = 300

export interface SetupRequest {
  datasetId?: string
  cloneOf?: string
}

interface CheckRequest {
  draft: StudyDraft
  key: string
}

/** A draft's identity apart from its name: a clone whose key is unchanged was not edited. */
function keyOf(draft: StudyDraft, withName = true): string {
  return JSON.stringify(withName ? draft : { ...draft, name: '' })
}

/** The name of a copy: the original's, "-copy" added, in characters a study name takes. */
export function copyName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9 _.-]+/g, '-').slice(0, 75)
  return `${clean}-copy`
}

export class StudySetupStore {
  options = $state.raw<StudyOptionsView | null>(null)
  datasets = $state.raw<DatasetSummary[]>([])
  /** Options and datasets are in (the form exists once both are and a model is offered). */
  loaded = $state(false)
  loadError = $state.raw<ApiError | null>(null)
  form = $state<StudyForm | null>(null)
  record = $state.raw<DatasetRecord | null>(null)
  recordError = $state.raw<ApiError | null>(null)
  /** main's latest answer and the draft it answered. */
  check = $state.raw<DraftCheck | null>(null)
  checkedKey = $state<string | null>(null)
  checking = $state(false)
  checkError = $state.raw<ApiError | null>(null)
  /** The sampler main last suggested for the budget: what a form following the budget sends. */
  suggested = $state<string | null>(null)
  submitting = $state(false)
  submitError = $state.raw<ApiError | null>(null)
  /** A study created whose start failed: it exists, and Start now only starts it. */
  created = $state.raw<{ entry: StudyListEntry; key: string } | null>(null)
  /** The study the form was copied from, and its draft's key without the name. */
  cloneOf = $state.raw<{ id: string; name: string; key: string } | null>(null)

  readonly model: ModelOption | null = $derived(
    this.options?.models.find((m) => m.name === this.form?.model) ?? null,
  )
  readonly result: FormResult | null = $derived(
    this.form && this.options ? draftFromForm(this.form, this.#samplerToSend()) : null,
  )
  readonly draftKey: string | null = $derived(this.result?.ok ? keyOf(this.result.draft) : null)
  /** True when `check` answers the draft on screen. */
  readonly checkIsCurrent: boolean = $derived(
    this.draftKey !== null && this.checkedKey === this.draftKey,
  )
  readonly problems: DraftProblem[] = $derived.by(() => {
    if (this.result && !this.result.ok) return this.result.problems
    return this.checkIsCurrent && this.check ? this.check.problems : []
  })
  readonly placed: PlacedProblems = $derived(
    placeProblems(this.problems, [...FORM_FIELDS, ...(this.form?.space.map((r) => r.name) ?? [])]),
  )
  /** Why Start cannot run now, or null when it can. */
  readonly blocked: string | null = $derived.by(() => this.#blockedReason())

  readonly #client: ApiClient
  readonly #navigation: NavigationStore
  readonly #checker: LatestRequest<CheckRequest, DraftCheck>
  #openSeq = 0
  #recordSeq = 0

  constructor(client: ApiClient, navigation: NavigationStore, delayMs = CHECK_DELAY_MS) {
    this.#client = client
    this.#navigation = navigation
    this.#checker = new LatestRequest({
      run: ({ draft }) => client.request('studies:check', { draft }, QUIET),
      onResult: (check, request) => {
        this.check = check
        this.checkedKey = request.key
        this.checkError = null
        this.checking = false
        // Kept even while the user's pick is sent: the form shows what the budget would choose.
        this.suggested = check.suggestedSampler
      },
      onError: (error) => {
        this.checkError = ApiError.from(error)
        this.checkedKey = null
        this.checking = false
      },
      delayMs,
    })
  }

  /** Keeps the dataset list in step with imports and removals made elsewhere. */
  subscribe(): () => void {
    return this.#client.on('datasets:changed', () => {
      void this.#client
        .request('datasets:list', {}, QUIET)
        .then((list) => {
          this.datasets = list
        })
        .catch((error: unknown) => {
          this.loadError = ApiError.from(error)
        })
    })
  }

  /** Sets the form up afresh: on a dataset, as a copy of a study, or as a new study. */
  async open(request: SetupRequest): Promise<void> {
    const seq = ++this.#openSeq
    this.#checker.cancel()
    this.checking = false
    this.check = null
    this.checkedKey = null
    this.checkError = null
    this.submitError = null
    this.created = null
    this.cloneOf = null
    this.loadError = null
    try {
      const [options, datasets, source] = await Promise.all([
        this.options ?? this.#client.request('studies:options', {}, QUIET),
        this.#client.request('datasets:list', {}, QUIET),
        request.cloneOf
          ? this.#client.request('studies:get', { id: request.cloneOf }, QUIET)
          : null,
      ])
      if (seq !== this.#openSeq) return
      this.options = options
      this.datasets = datasets
      this.loaded = true
      const known = (id: string | null | undefined) =>
        id && datasets.some((d) => d.id === id) ? id : null
      const datasetId =
        known(request.datasetId) ??
        known(source?.settings?.datasetId ?? source?.datasetId) ??
        datasets[0]?.id ??
        ''
      if (source) {
        if (!source.settings)
          throw new ApiError(
            'NOT_CLONABLE',
            `${source.name} has no stored settings (no run file), so it cannot be copied; set up a new study instead.`,
          )
        this.form = formFromSettings(
          source.settings,
          datasetId,
          copyName(source.jobId ?? source.name),
        )
        this.suggested = this.form.sampler
        const first = draftFromForm(this.form, this.#samplerToSend())
        this.cloneOf = first.ok
          ? { id: source.id, name: source.name, key: keyOf(first.draft, false) }
          : null
      } else {
        const model = options.models[0]
        if (!model) {
          this.form = null
          return
        }
        this.form = defaultForm(model, datasetId, defaultStudyName(Date.now()))
      }
      this.record = null
      if (datasetId) await this.#loadRecord(datasetId)
    } catch (error) {
      if (seq === this.#openSeq) this.loadError = ApiError.from(error)
    }
  }

  async setDataset(id: string): Promise<void> {
    if (!this.form) return
    this.form.datasetId = id
    await this.#loadRecord(id)
  }

  /** Another model: its default space and training settings replace the old model's. */
  setModel(name: string): void {
    const model = this.options?.models.find((m) => m.name === name)
    if (!this.form || !model) return
    Object.assign(this.form, modelFields(model))
  }

  /** Back to the model's default space, one click away from any edit. */
  resetSpace(): void {
    if (this.form && this.model) this.form.space = rowsFromSpace(this.model.space)
  }

  resetRow(name: string): void {
    const dist = this.model?.space[name]
    if (!this.form || dist === undefined) return
    this.form.space = this.form.space.map((r) =>
      r.name === name ? rowFromDistribution(name, dist) : r,
    )
  }

  /** A model parameter the space does not search yet: its default range, or what it accepts. */
  addParam(name: string): void {
    const model = this.model
    if (!this.form || !model || this.form.space.some((r) => r.name === name)) return
    const param = model.params.find((p) => p.name === name)
    if (!param) return
    const row: SpaceRow =
      name in model.space
        ? rowFromDistribution(name, model.space[name])
        : {
            name,
            kind: param.kind,
            low: numberText(param.min),
            high: numberText(param.max),
            log: false,
            step: '',
            choices: formatChoices(param.allowed ?? []),
          }
    this.form.space = [...this.form.space, row]
  }

  removeParam(name: string): void {
    if (this.form) this.form.space = this.form.space.filter((r) => r.name !== name)
  }

  /** Asks main to check the draft on screen, once typing pauses; nothing when it does not read. */
  scheduleCheck(): void {
    const result = this.result
    if (!result?.ok) {
      this.#checker.cancel()
      this.checking = false
      return
    }
    const key = keyOf(result.draft)
    if (key === this.checkedKey) {
      this.#checker.cancel()
      this.checking = false
      return
    }
    this.checking = true
    this.#checker.schedule({ draft: result.draft, key })
  }

  /** Asks again after a check failed (the connection dropped, main refused the request). */
  recheck(): void {
    this.checkError = null
    this.checkedKey = null
    this.scheduleCheck()
  }

  /** Creates (or clones) the study, starts it and opens it in the Studies view. */
  async submit(): Promise<void> {
    const result = this.result
    if (this.blocked !== null || !result?.ok) return
    this.submitting = true
    this.submitError = null
    try {
      const key = keyOf(result.draft)
      let entry = this.created?.key === key ? this.created.entry : null
      if (!entry) {
        const clone = this.cloneOf
        entry =
          clone && clone.key === keyOf(result.draft, false)
            ? await this.#client.request(
                'studies:clone',
                { id: clone.id, name: result.draft.name },
                QUIET,
              )
            : await this.#client.request('studies:create', { draft: result.draft }, QUIET)
        this.created = { entry, key }
      }
      const started = await this.#client.request('studies:start', { id: entry.id }, QUIET)
      this.created = null
      this.#navigation.go({ view: 'studies', studyId: started.id })
    } catch (error) {
      this.submitError = ApiError.from(error)
    } finally {
      this.submitting = false
    }
  }

  /** Opens a study that was created but did not start (the monitor can start it). */
  openCreated(): void {
    if (this.created) this.#navigation.go({ view: 'studies', studyId: this.created.entry.id })
  }

  #samplerToSend(): string {
    return this.form?.sampler ?? this.suggested ?? this.options?.samplers[0]?.name ?? 'random'
  }

  #blockedReason(): string | null {
    if (!this.form || !this.options) return 'Loading the setup…'
    if (this.submitting) return 'Starting the study…'
    const result = this.result
    if (!result) return 'Loading the setup…'
    if (!result.ok) return fixText(result.problems.length)
    if (this.created?.key === this.draftKey) return null
    if (this.checkError) return 'The draft could not be checked (see the message above).'
    if (this.checking || !this.checkIsCurrent || !this.check) return 'Checking the draft…'
    if (!this.check.ok)
      return this.check.problems.length > 0
        ? fixText(this.check.problems.length)
        : 'Main refused the draft without saying why.'
    return null
  }

  async #loadRecord(id: string): Promise<void> {
    const seq = ++this.#recordSeq
    this.recordError = null
    if (this.record?.id !== id) this.record = null
    try {
      const record = await this.#client.request('datasets:get', { id }, QUIET)
      if (seq === this.#recordSeq) this.record = record
    } catch (error) {
      if (seq === this.#recordSeq) this.recordError = ApiError.from(error)
    }
  }
}

function fixText(count: number): string {
  return count === 1 ? 'Fix the problem marked above.' : `Fix the ${count} problems marked above.`
}
