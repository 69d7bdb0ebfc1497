// Checks a draft as the user types: every problem keyed by the form field it is about, in the
// engine's own words (the same messages `frontier run` prints), the walk-forward plan over the
// dataset's split (to draw the origins over the series), the number of distinct configurations,
// a time estimate from this machine's past trials, and the sampler the budget suggests.

import { CodedError } from '../engine/coded-error'
import { resolveSplit } from '../engine/data/split'
import type { DatasetRecord, ResolvedSplit, Series } from '../engine/data/types'
import { gridSize, type SearchSpace } from '../engine/hpo/search-space'
import { studyConfigProblems } from '../engine/hpo/study-config'
import { MODEL_NAMES, type ModelName } from '../engine/models/model-spec'
import { modelSpec } from '../engine/models/registry'
import { probeProvider } from '../engine/graph/runtime/provider'
import { DEFAULT_WALK_FORWARD, validationPlan } from '../engine/train/walk-forward-plan'
import type { StudyDraft } from '@shared/study-schemas'
import type { DraftCheck, DraftProblem, WalkForwardPlanView } from '@shared/study-views'
import { suggestSampler } from './sampler-rule'
import { draftConfig } from './study-draft'
import type { TimeEstimator } from './time-estimate'

export interface DraftContext {
  /** The draft's dataset, or null when the registry has none by that id. */
  record: DatasetRecord | null
  series: Series | null
  /** Whether a study of that name (or its files) exists already. */
  nameTaken: boolean
  estimator: TimeEstimator
}

/** Distinct configurations of a space, or null when a parameter is continuous. */
export function configurations(space: SearchSpace): number | null {
  let n = 1
  for (const dist of Object.values(space)) {
    const size = dist.kind === 'categorical' ? dist.choices.length : gridSize(dist)
    if (!Number.isFinite(size)) return null
    n *= size
  }
  return n
}

function modelProblem(model: string): string | null {
  try {
    modelSpec(model)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** The walk-forward plan as instants, or the problem the split has with it. */
function planOf(
  draft: StudyDraft,
  record: DatasetRecord,
  series: Series,
): { plan: WalkForwardPlanView } | { problem: DraftProblem } {
  const t = series.timestamps
  const window = {
    inputLength: draft.inputLength ?? DEFAULT_WALK_FORWARD.inputLength,
    horizon: draft.horizon,
    origins: draft.origins,
  }
  let split: ResolvedSplit
  try {
    split = resolveSplit(t, record.split, window)
    const plan = validationPlan(split, window)
    const step = t.length > 1 ? t[1] - t[0] : 0
    return {
      plan: {
        trainFrom: split.trainStartTime ?? t[0],
        validationFrom: split.trainEndTime,
        validationTo: split.valEndTime,
        testTo: t[t.length - 1] + step,
        origins: plan.origins.map((row) => t[row]),
        horizonMs: draft.horizon * step,
      },
    }
  } catch (error) {
    if (!(error instanceof CodedError)) throw error
    // A split too short for the plan is fixed by fewer origins (or a shorter horizon); a split
    // that is wrong in itself, in the Datasets view.
    const field = error.code === 'SPLIT_TOO_SHORT' ? 'origins' : 'datasetId'
    return { problem: { field, message: error.message } }
  }
}

async function providerProblem(provider: StudyDraft['provider']): Promise<DraftProblem | null> {
  if (provider !== 'webgpu' && provider !== 'cuda') return null
  const why = await probeProvider(provider)
  if (why === undefined) return null
  return {
    field: 'provider',
    message: `The ${provider} execution provider is unavailable here: ${why}. Choose "cpu" or "auto".`,
  }
}

export async function checkDraft(draft: StudyDraft, ctx: DraftContext): Promise<DraftCheck> {
  const problems: DraftProblem[] = []
  if (ctx.nameTaken)
    problems.push({
      field: 'name',
      message: `A study named "${draft.name}" exists already; choose another name.`,
    })
  const known = (MODEL_NAMES as readonly string[]).includes(draft.model)
  const unavailable = modelProblem(draft.model)
  if (unavailable) problems.push({ field: 'model', message: unavailable })
  let plan: WalkForwardPlanView | null = null
  const { record, series } = ctx
  if (!record || !series)
    problems.push({
      field: 'datasetId',
      message: 'There is no such dataset; import it in the Datasets view, or pick another.',
    })
  else {
    if (known)
      for (const p of studyConfigProblems(draftConfig(draft, record, series)))
        problems.push({ field: p.field ?? 'space', message: p.message })
    const planned = planOf(draft, record, series)
    if ('plan' in planned) plan = planned.plan
    else problems.push(planned.problem)
  }
  const provider = await providerProblem(draft.provider)
  if (provider) problems.push(provider)
  const epochs = draft.epochs ?? (unavailable ? null : modelSpec(draft.model).training.epochs)
  const estimate =
    epochs === null
      ? { seconds: null, basis: null }
      : await ctx.estimator.estimate(draft.model as ModelName, epochs)
  return {
    ok: problems.length === 0,
    problems,
    configurations: configurations(draft.space as SearchSpace),
    estimateSeconds: estimate.seconds,
    estimateBasis: estimate.basis,
    suggestedSampler: suggestSampler(draft.budget.trials, draft.space as SearchSpace),
    plan,
  }
}
