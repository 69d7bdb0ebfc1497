// One run of an opened study in this process, the same for the app, `frontier serve` and
// `frontier run`: decide where trials run (execution plan, GPU admission), schedule them in
// worker processes from the injected host, keep each running trial's learning curve (written
// as an artifact when it ends), and when the run ends — budget spent or stopped — close the
// store and write the benchmarker exports of whatever is complete.

import { availableParallelism } from 'node:os'
import { DataError } from '../engine/data/data-error'
import { HpoError } from '../engine/hpo/hpo-error'
import { modelSpec } from '../engine/models/registry'
import { StoreError } from '../engine/store/store-error'
import type { WorkerHost } from '../worker/worker-host'
import type { EpochPoint } from '@shared/study-views'
import { planExecution, type ExecutionPlan } from './execution-plan'
import { GpuAdmission } from './gpu-admission'
import { sampleSystem } from './gpu-monitor'
import { RunSpecError, type RunSpec } from './run-spec'
import { ServiceError } from './service-error'
import type { Scheduler, SchedulerEvent } from './scheduler'
import { exportStudy, type StudyExport } from './study-export'
import { studyScheduler, StudyRunError, type OpenedStudy } from './study-runner'
import { epochPoint, writeCurve } from './trial-rows'

const REFUSALS = [DataError, HpoError, StoreError, StudyRunError, RunSpecError, ServiceError]

/** A refusal a user can act on (code and message), or null for an unexpected error. */
export function refusalOf(error: unknown): { code: string; message: string } | null {
  for (const type of REFUSALS)
    if (error instanceof type)
      return { code: (error as { code: string }).code, message: error.message }
  return null
}

export interface StudyRunOptions {
  host: WorkerHost
  /** Trials at a time; null: from the cores and the device. */
  workers: number | null
  /** Per-trial limit in seconds; null: none. */
  timeoutS: number | null
  /** Where the exports go (the studies folder). */
  outDir: string
  /** Told the plan before the first trial starts (the CLI prints its note). */
  onPlan?: (plan: ExecutionPlan) => void
  /** Every scheduler event, after the run has taken note of it. */
  onEvent?: (event: SchedulerEvent) => void
}

export interface StudyRunOutcome {
  /** The run was stopped before the budget was spent. */
  stopped: boolean
  exported: StudyExport | null
  /** Why nothing was exported, or null. */
  exportProblem: string | null
}

async function planFor(spec: RunSpec, workers: number | null): Promise<ExecutionPlan> {
  const provider = spec.settings.provider
  // Only a GPU-capable request needs to look at the machine (systeminformation may call nvidia-smi).
  const system = provider === 'cpu' ? null : await sampleSystem().catch(() => null)
  return planExecution({ provider, workers, cores: availableParallelism(), system })
}

async function exportResults(opened: OpenedStudy, outDir: string) {
  const complete = opened.study.trials.some((t) => t.state === 'complete')
  if (!complete) return { exported: null, exportProblem: 'no trial is complete yet' }
  try {
    const exported = await exportStudy(opened.path, opened.study.data, opened.spec.jobId, outDir)
    return { exported, exportProblem: null }
  } catch (error) {
    const r = refusalOf(error)
    if (!r) throw error
    return { exported: null, exportProblem: `${r.code}: ${r.message}` }
  }
}

export class StudyRun {
  readonly done: Promise<StudyRunOutcome>
  /** Epochs a trial trains at most (the study's setting, else the model's default). */
  readonly epochs: number | null

  private constructor(
    readonly opened: OpenedStudy,
    readonly plan: ExecutionPlan,
    private readonly scheduler: Scheduler,
    /** Running trials' curves so far, by trial number (the scheduler's listener fills it). */
    private readonly curves: Map<number, EpochPoint[]>,
    options: StudyRunOptions,
  ) {
    const model = opened.spec.model
    this.epochs = opened.spec.settings.epochs ?? modelSpec(model).training.epochs
    this.done = this.finish(options.outDir)
  }

  /** Plans the run and starts it; `done` resolves when it has ended and the exports are written. */
  static async start(opened: OpenedStudy, options: StudyRunOptions): Promise<StudyRun> {
    const plan = await planFor(opened.spec, options.workers)
    options.onPlan?.(plan)
    const curves = new Map<number, EpochPoint[]>()
    const scheduler = studyScheduler(
      // The workers are told the provider the plan chose ('auto' is 'cpu' without a GPU).
      {
        ...opened,
        spec: { ...opened.spec, settings: { ...opened.spec.settings, provider: plan.provider } },
      },
      {
        host: options.host,
        workers: plan.workers,
        timeoutMs: options.timeoutS === null ? null : options.timeoutS * 1000,
        admission:
          plan.device === 'gpu'
            ? new GpuAdmission(opened.spec.model, { sample: () => sampleSystem() })
            : undefined,
        // Before the trial's end is announced, so that its detail then has the whole curve.
        onTrialEnd: async (record) => {
          const curve = curves.get(record.number) ?? []
          try {
            if (curve.length > 0) await writeCurve(opened.path, record.number, curve)
          } finally {
            // Only once the artifact holds it: studies:trial reads one or the other.
            curves.delete(record.number)
          }
        },
        onEvent: (event) => {
          if (event.type === 'trial-started') curves.set(event.trialId, [])
          if (event.type === 'trial-epoch')
            curves.get(event.trialId)?.push(epochPoint(event.record))
          options.onEvent?.(event)
        },
      },
    )
    return new StudyRun(opened, plan, scheduler, curves, options)
  }

  get state() {
    return this.scheduler.currentState
  }

  get runningTrials(): number[] {
    return this.scheduler.runningTrials
  }

  /** The curve of a running trial so far (null when it is not running here). */
  curve(trial: number): EpochPoint[] | null {
    const curve = this.curves.get(trial)
    return curve ? curve.map((p) => ({ ...p })) : null
  }

  pause(): void {
    this.scheduler.pause()
  }

  resume(): void {
    this.scheduler.resume()
  }

  cancelTrial(trial: number): boolean {
    return this.scheduler.cancelTrial(trial)
  }

  /** Stops the run (force: kill the running trials at once); resolves when it has ended. */
  async stop(options: { force?: boolean } = {}): Promise<StudyRunOutcome> {
    void this.scheduler.stop(options)
    return this.done
  }

  private async finish(outDir: string): Promise<StudyRunOutcome> {
    let stopped: boolean
    try {
      stopped = (await this.scheduler.run()).stopped
    } finally {
      await this.opened.store.close()
    }
    return { stopped, ...(await exportResults(this.opened, outDir)) }
  }
}
