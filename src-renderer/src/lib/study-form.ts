// The study setup's form as typed, and the way between it and the StudyDraft that studies:check
// and studies:create take. Every number stays text until it is read here; a field that does not
// read gets its own message (keyed like DraftProblem.field) and no request is made. What does
// read is checked against the draft's schema, so a shape problem is named before main sees it.
import type { DraftProblem, ModelOption, StudySettingsView } from '@shared/study-views'
import { studyDraftSchema, type StudyDraft } from '@shared/study-schemas'
import type { z } from 'zod'
import { durationText, parseDuration } from './duration-text'
import { numberText, parseNumberText, type NumberTextOptions } from './number-text'
import { distributionFromRow, rowsFromSpace, type SpaceRow } from './space-form'

export type ProviderName = StudyDraft['provider']
export const PROVIDER_NAMES: readonly ProviderName[] = ['auto', 'cpu', 'webgpu', 'cuda']

export interface StudyForm {
  name: string
  datasetId: string
  model: string
  /** PICP target in percent. */
  picpTarget: string
  origins: string
  horizon: string
  /** Empty: the model's default. */
  inputLength: string
  /** Budget: trials and/or time (either may be empty). */
  trials: string
  duration: string
  /** Empty: the model's default. */
  epochs: string
  batchSize: string
  /** null: the sampler the budget suggests. */
  sampler: string | null
  pruner: string
  /** Pruner option → value as typed; empty: the pruner's default. */
  prunerOptions: Record<string, string>
  /** Empty: from the cores and the device. */
  workers: string
  provider: ProviderName
  seed: string
  /** Per-trial time limit; empty: none. */
  timeout: string
  space: SpaceRow[]
}

/** The form's own fields, as DraftProblem.field names them (parameters are named by the rows). */
export const FORM_FIELDS = [
  'name',
  'datasetId',
  'model',
  'picpTarget',
  'origins',
  'horizon',
  'inputLength',
  'budget',
  'epochs',
  'batchSize',
  'sampler',
  'pruner',
  'prunerOptions',
  'workers',
  'provider',
  'seed',
  'timeoutS',
  /** The space as a whole (no parameters at all). */
  'space',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export type FormResult = { ok: true; draft: StudyDraft } | { ok: false; problems: DraftProblem[] }

const LABELS: Record<FormField, string> = {
  name: 'Name',
  datasetId: 'Dataset',
  model: 'Model',
  picpTarget: 'PICP target',
  origins: 'Origins',
  horizon: 'Horizon',
  inputLength: 'Input length',
  budget: 'Budget',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  sampler: 'Sampler',
  pruner: 'Pruner',
  prunerOptions: 'Pruner options',
  workers: 'Workers',
  provider: 'Execution provider',
  seed: 'Seed',
  timeoutS: 'Time limit per trial',
  space: 'Search space',
}

/** A study name that is free in practice: the date and minute it was set up. */
export function defaultStudyName(nowMs: number): string {
  const now = new Date(nowMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `study-${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `-${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`
  )
}

/** A new study's form: the model's default space and settings, 80 % PICP, 50 trials. */
export function defaultForm(model: ModelOption, datasetId: string, name: string): StudyForm {
  return {
    name,
    datasetId,
    picpTarget: '80',
    trials: '50',
    duration: '',
    sampler: null,
    pruner: 'none',
    prunerOptions: {},
    workers: '',
    provider: 'auto',
    seed: '42',
    timeout: '',
    ...modelFields(model),
  }
}

/** The fields that follow the model: its default space and training settings. */
export function modelFields(
  model: ModelOption,
): Pick<
  StudyForm,
  'model' | 'space' | 'origins' | 'horizon' | 'inputLength' | 'epochs' | 'batchSize'
> {
  return {
    model: model.name,
    space: rowsFromSpace(model.space),
    origins: numberText(model.defaults.origins),
    horizon: numberText(model.defaults.horizon),
    inputLength: numberText(model.defaults.inputLength),
    epochs: numberText(model.defaults.epochs),
    batchSize: numberText(model.defaults.batchSize),
  }
}

/** A clone's form: the study's settings as they were, under a new name. */
export function formFromSettings(
  settings: StudySettingsView,
  datasetId: string,
  name: string,
): StudyForm {
  const provider = PROVIDER_NAMES.includes(settings.provider as ProviderName)
    ? (settings.provider as ProviderName)
    : 'auto'
  return {
    name,
    datasetId: settings.datasetId ?? datasetId,
    model: settings.model,
    picpTarget: numberText(settings.picpTarget),
    origins: numberText(settings.origins),
    horizon: numberText(settings.horizon),
    inputLength: numberText(settings.inputLength),
    trials: numberText(settings.budget.trials),
    duration: durationText(settings.budget.seconds),
    epochs: numberText(settings.epochs),
    batchSize: numberText(settings.batchSize),
    sampler: settings.sampler,
    pruner: settings.pruner,
    prunerOptions: Object.fromEntries(
      Object.entries(settings.prunerOptions).map(([k, v]) => [k, numberText(v)]),
    ),
    workers: numberText(settings.workers),
    provider,
    seed: numberText(settings.seed),
    timeout: durationText(settings.timeoutS),
    space: rowsFromSpace(settings.space),
  }
}

/**
 * The draft the form describes, or every problem that keeps it from being one. `sampler` is
 * what a form that follows the budget sends (the last suggestion main made).
 */
export function draftFromForm(form: StudyForm, sampler: string): FormResult {
  const problems: DraftProblem[] = []
  const read = (
    field: FormField,
    text: string,
    options: NumberTextOptions = {},
    label = LABELS[field],
  ) => {
    const r = parseNumberText(text, label, options)
    if (r.ok) return r.value
    problems.push({ field, message: r.message })
    return null
  }
  const picpTarget = read('picpTarget', form.picpTarget)
  const origins = read('origins', form.origins, { integer: true })
  const horizon = read('horizon', form.horizon, { integer: true })
  const inputLength = read('inputLength', form.inputLength, { integer: true, optional: true })
  const trials = read('budget', form.trials, { integer: true, optional: true }, 'Trials')
  const epochs = read('epochs', form.epochs, { integer: true, optional: true })
  const batchSize = read('batchSize', form.batchSize, { integer: true, optional: true })
  const workers = read('workers', form.workers, { integer: true, optional: true })
  const seed = read('seed', form.seed, { integer: true })

  const duration = parseDuration(form.duration, 'Time budget')
  if (!duration.ok) problems.push({ field: 'budget', message: duration.message })
  else if (duration.value === null && form.trials.trim() === '')
    problems.push({ field: 'budget', message: 'Budget: give a number of trials, a time, or both.' })
  if (form.datasetId === '') problems.push({ field: 'datasetId', message: 'Dataset: choose one.' })
  const timeout = parseDuration(form.timeout, LABELS.timeoutS)
  if (!timeout.ok) problems.push({ field: 'timeoutS', message: timeout.message })

  const prunerOptions: Record<string, number> = {}
  for (const [key, text] of Object.entries(form.prunerOptions)) {
    const r = parseNumberText(text, `Pruner option ${key}`, { optional: true })
    if (!r.ok) problems.push({ field: 'prunerOptions', message: r.message })
    else if (r.value !== null) prunerOptions[key] = r.value
  }

  const space: StudyDraft['space'] = {}
  for (const row of form.space) {
    const r = distributionFromRow(row)
    if (r.ok) space[row.name] = r.dist
    else problems.push(...r.problems.map((message) => ({ field: row.name, message })))
  }
  if (problems.length > 0) return { ok: false, problems }

  const candidate = {
    name: form.name,
    datasetId: form.datasetId,
    model: form.model,
    space,
    picpTarget,
    origins,
    horizon,
    ...(inputLength !== null ? { inputLength } : {}),
    budget: { trials, seconds: duration.ok ? duration.value : null },
    ...(epochs !== null ? { epochs } : {}),
    ...(batchSize !== null ? { batchSize } : {}),
    sampler: form.sampler ?? sampler,
    pruner: form.pruner,
    ...(Object.keys(prunerOptions).length > 0 ? { prunerOptions } : {}),
    workers,
    provider: form.provider,
    seed,
    timeoutS: timeout.ok ? timeout.value : null,
  }
  const parsed = studyDraftSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, draft: parsed.data }
  // One message a field: an empty name also fails the name's pattern, which says nothing new.
  const byField = parsed.error.issues.map(schemaProblem)
  return {
    ok: false,
    problems: byField.filter((p, i) => byField.findIndex((q) => q.field === p.field) === i),
  }
}

/** A schema issue as a problem at its field, in the form's words. */
function schemaProblem(issue: z.core.$ZodIssue): DraftProblem {
  const [top, second] = issue.path
  const field =
    top === undefined ? null : top === 'space' && typeof second === 'string' ? second : String(top)
  const label = field !== null && field in LABELS ? LABELS[field as FormField] : (field ?? 'Study')
  return { field, message: `${label}: ${issueText(issue)}` }
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return `${issue.message}.`
  if (issue.code === 'too_big') {
    const unit = issue.origin === 'string' ? ' characters' : ''
    return issue.inclusive === false
      ? `must be below ${String(issue.maximum)}.`
      : `at most ${String(issue.maximum)}${unit}.`
  }
  if (issue.code === 'too_small')
    return issue.inclusive === false
      ? `must be above ${String(issue.minimum)}.`
      : `at least ${String(issue.minimum)}.`
  return `${issue.message.replace(/\.$/, '')}.`
}
