// A study: ask for parameters, report per-epoch values (and hear whether to stop), tell how the
// trial ended. The study's whole state is one plain object (StudyData) that a sink — the lowdb
// store, in the app — persists: at once on every trial state change (ask, tell, enqueue, pick),
// batched for intermediate reports. Suggestions depend only on the seed and the trials told, so
// a resumed study continues exactly as an uninterrupted one would.

import { HpoError } from './hpo-error'
import { paretoSummary, type ParetoSummary } from './pareto'
import type { ParamSchema } from './param-schema'
import { createPruner } from './pruners/registry'
import type { Pruner } from './pruners/pruner'
import { Rng } from '../rng'
import { paramsIssues } from './search-space'
import { SpaceCodec } from './space-codec'
import { createSampler } from './samplers/registry'
import type { Sampler } from './samplers/sampler'
import { validateStudyConfig, type StudyConfig } from './study-config'
import type { Direction, PruneDecision, TrialOutcome, TrialParams, TrialRecord } from './types'

export interface StudyData {
  config: StudyConfig
  createdAt: string
  /** Time spent with the study open, over all sessions (what a time budget counts). */
  elapsedMs: number
  trials: TrialRecord[]
  /** Enqueued parameters (possibly partial) not yet handed out, oldest first. */
  queue: TrialParams[]
  userPick: number | null
}

export interface StudySink {
  /** Persist now; resolves once the state is durable. */
  save(data: StudyData): Promise<void>
  /** Persist soon; writes may be batched. */
  saveSoon(data: StudyData): void
}

export interface StudyOptions {
  sink?: StudySink
  now?: () => number
  /** Validate the space against this schema instead of the model's default one. */
  schema?: ParamSchema
}

export interface AskedTrial {
  trialId: number
  params: TrialParams
}

export interface IntermediateReport {
  loss?: number | null
  objectives?: number[] | null
}

const SAMPLER_STREAM = 0x53414d50
const NO_SINK: StudySink = { save: async () => undefined, saveSoon: () => undefined }
export const INTERRUPTED = 'INTERRUPTED'

/**
 * Marks trials left running by a crash as failed (code INTERRUPTED) and puts their parameters
 * back at the front of the queue, so the study retries them. Returns their numbers.
 */
export function recoverInterrupted(data: StudyData, now: Date = new Date()): number[] {
  const recovered: number[] = []
  for (const t of data.trials)
    if (t.state === 'running') {
      t.state = 'failed'
      t.finishedAt = now.toISOString()
      t.error = {
        code: INTERRUPTED,
        message: 'The process stopped while this trial ran; its parameters were queued again.',
      }
      recovered.push(t.number)
    }
  data.queue.unshift(...recovered.map((n) => ({ ...data.trials[n].params })))
  return recovered
}

const countsAgainstBudget = (t: TrialRecord) => t.error?.code !== INTERRUPTED

export class Study {
  readonly data: StudyData
  private readonly codec: SpaceCodec
  private readonly sampler: Sampler
  private readonly pruner: Pruner
  /** The latest advice to stop, per running trial. */
  private readonly pruneReasons = new Map<number, string>()
  private readonly directions: Direction[]
  private readonly sink: StudySink
  private readonly now: () => number
  private readonly sessionStart: number
  private readonly elapsedBefore: number

  private constructor(data: StudyData, options: StudyOptions) {
    validateStudyConfig(data.config, options.schema)
    this.data = data
    this.codec = new SpaceCodec(data.config.space)
    this.sampler = createSampler(data.config.sampler, data.config.budget.trials)
    this.pruner = createPruner(data.config.pruner)
    this.directions = data.config.objectives.map((o) => o.direction)
    this.sink = options.sink ?? NO_SINK
    this.now = options.now ?? Date.now
    this.sessionStart = this.now()
    this.elapsedBefore = data.elapsedMs
  }

  /** A new study; throws HpoError when the config cannot run. */
  static create(config: StudyConfig, options: StudyOptions = {}): Study {
    const now = options.now ?? Date.now
    const data: StudyData = {
      config: structuredClone(config),
      createdAt: new Date(now()).toISOString(),
      elapsedMs: 0,
      trials: [],
      queue: [],
      userPick: null,
    }
    return new Study(data, options)
  }

  /** A study from saved state (run recoverInterrupted on it first when it comes from disk). */
  static resume(data: StudyData, options: StudyOptions = {}): Study {
    return new Study(data, options)
  }

  get config(): StudyConfig {
    return this.data.config
  }

  get trials(): readonly TrialRecord[] {
    return this.data.trials
  }

  elapsedMs(): number {
    return this.elapsedBefore + (this.now() - this.sessionStart)
  }

  /** Whether the budget allows another ask. */
  canAsk(): boolean {
    const { trials, seconds } = this.data.config.budget
    if (trials !== null && this.data.trials.filter(countsAgainstBudget).length >= trials)
      return false
    if (seconds !== null && this.elapsedMs() >= seconds * 1000) return false
    return true
  }

  /** Budget spent and no trial still running. */
  isFinished(): boolean {
    return !this.canAsk() && !this.data.trials.some((t) => t.state === 'running')
  }

  async ask(): Promise<AskedTrial> {
    if (!this.canAsk())
      throw new HpoError(
        'BUDGET_EXHAUSTED',
        'The study has used its budget; raise it to run more trials.',
      )
    const number = this.data.trials.length
    const suggestion = this.sampler.sample({
      codec: this.codec,
      directions: this.directions,
      trials: this.data.trials,
      trialNumber: number,
      seed: this.data.config.seed,
      rng: new Rng(this.data.config.seed, SAMPLER_STREAM, number),
    })
    const queued = this.data.queue.shift()
    const params: TrialParams = {}
    for (const name of this.codec.names) params[name] = queued?.[name] ?? suggestion.params[name]
    const trial: TrialRecord = {
      number,
      state: 'running',
      params,
      values: null,
      metrics: null,
      intermediate: [],
      prunedAtStep: null,
      prunedReason: null,
      startedAt: new Date(this.now()).toISOString(),
      finishedAt: null,
      timings: null,
      provider: null,
      error: null,
      samplerData: suggestion.samplerData ?? {},
      enqueued: queued !== undefined,
    }
    this.data.trials.push(trial)
    await this.save()
    return { trialId: number, params: { ...params } }
  }

  /** Records an epoch's values and says whether the trial should stop (then tell it pruned). */
  report(trialId: number, step: number, report: IntermediateReport): PruneDecision {
    const trial = this.running(trialId)
    const loss = report.loss ?? null
    const objectives = report.objectives ?? null
    const problem = this.reportProblem(trial, step, loss, objectives)
    if (problem) throw new HpoError('INVALID_REPORT', `Trial ${trialId}: ${problem}.`)
    trial.intermediate.push({ step, loss, objectives: objectives && [...objectives] })
    this.sink.saveSoon(this.data)
    const decision = this.pruner.prune({
      trial,
      step,
      trials: this.data.trials,
      directions: this.directions,
      codec: this.codec,
    })
    // Kept until the trial is told: a caller may still let a trial finish that was advised to stop.
    if (decision.prune && decision.reason) this.pruneReasons.set(trialId, decision.reason)
    else this.pruneReasons.delete(trialId)
    return decision
  }

  /** Ends a trial. Complete values that are not finite turn the trial failed (NON_FINITE_VALUES). */
  async tell(trialId: number, outcome: TrialOutcome): Promise<TrialRecord> {
    const trial = this.running(trialId)
    if (outcome.state === 'complete') {
      const m = this.directions.length
      if (!Array.isArray(outcome.values) || outcome.values.length !== m)
        throw new HpoError('INVALID_VALUES', `Trial ${trialId}: tell ${m} objective values.`)
      if (outcome.values.every(Number.isFinite)) {
        trial.state = 'complete'
        trial.values = [...outcome.values]
      } else {
        trial.state = 'failed'
        trial.error = {
          code: 'NON_FINITE_VALUES',
          message: `The trial produced objective values ${JSON.stringify(outcome.values.map(String))}; a diverged model cannot join the front.`,
        }
      }
      trial.metrics = outcome.metrics ? { ...outcome.metrics } : null
    } else if (outcome.state === 'pruned') {
      trial.state = 'pruned'
      trial.prunedAtStep = trial.intermediate.at(-1)?.step ?? null
      trial.prunedReason = this.pruneReasons.get(trialId) ?? null
    } else {
      trial.state = 'failed'
      trial.error = { code: outcome.code ?? 'TRIAL_FAILED', message: outcome.reason }
    }
    this.pruneReasons.delete(trialId)
    trial.timings = outcome.timings ? { ...outcome.timings } : null
    trial.provider = outcome.provider ?? null
    trial.finishedAt = new Date(this.now()).toISOString()
    await this.save()
    return structuredClone(trial)
  }

  /** Queues parameters for a coming ask; missing ones are left to the sampler. */
  async enqueue(params: TrialParams): Promise<void> {
    const issues = paramsIssues(this.data.config.space, params, true)
    if (issues.length > 0) throw new HpoError('INVALID_PARAMS', issues.join('\n'))
    this.data.queue.push({ ...params })
    await this.save()
  }

  /** The user's own pick from the front (any complete trial), or null to clear it. */
  async pick(trialNumber: number | null): Promise<void> {
    if (trialNumber !== null && this.data.trials[trialNumber]?.state !== 'complete')
      throw new HpoError('UNKNOWN_TRIAL', `Trial ${trialNumber} is not a complete trial.`)
    this.data.userPick = trialNumber
    await this.save()
  }

  pareto(): ParetoSummary {
    return paretoSummary(this.data.trials, this.data.userPick, this.directions)
  }

  /** What is wrong with a report, or null. */
  private reportProblem(
    trial: TrialRecord,
    step: number,
    loss: number | null,
    objectives: number[] | null,
  ): string | null {
    const last = trial.intermediate.at(-1)
    const m = this.directions.length
    const reads = this.pruner.capabilities.reads
    if (!Number.isInteger(step) || step < 0) return `step must be an integer ≥ 0 (got ${step})`
    if (last && step <= last.step)
      return `step ${step} does not come after the last reported step ${last.step}`
    if (loss !== null && !Number.isFinite(loss))
      return `loss ${loss} is not finite; tell a diverged trial as failed`
    if (objectives !== null && (objectives.length !== m || !objectives.every(Number.isFinite)))
      return `objectives must be ${m} finite numbers (got ${JSON.stringify(objectives)})`
    if (loss === null && objectives === null) return 'report a loss, objectives or both'
    if (reads === 'loss' && loss === null)
      return `the ${this.pruner.name} pruner needs the validation loss in every report`
    if (reads === 'objectives' && objectives === null)
      return `the ${this.pruner.name} pruner needs the partial objective vector in every report`
    return null
  }

  private running(trialId: number): TrialRecord {
    const trial = this.data.trials[trialId]
    if (!trial) throw new HpoError('UNKNOWN_TRIAL', `There is no trial ${trialId}.`)
    if (trial.state !== 'running')
      throw new HpoError('TRIAL_NOT_RUNNING', `Trial ${trialId} is already ${trial.state}.`)
    return trial
  }

  private save(): Promise<void> {
    this.data.elapsedMs = this.elapsedMs()
    return this.sink.save(this.data)
  }
}
