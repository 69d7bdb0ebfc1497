// The scheduler: runs a study's trials in worker processes, up to N at a time. It asks the study
// for parameters, starts a worker per trial (TrialProcess), answers each epoch with the study's
// pruning decision, and tells the study how every trial ended — the only writer of the store.
// A trial that fails never stops the study; one whose worker crashed, hung or ran out of memory
// gets its parameters queued again (at most maxRetries times). Pause stops new starts, cancel
// ends one trial, stop ends them all and leaves none `running`: a trial cut short by stop is
// recorded as INTERRUPTED (not counted against the budget) and its parameters are queued, so a
// resumed study runs it again.

import { INTERRUPTED, type AskedTrial, type Study } from '../engine/hpo/study'
import type { TrialOutcome, TrialParams, TrialRecord } from '../engine/hpo/types'
import type { EpochRecord } from '../engine/train/training-stopped'
import type { ProgressMessage, TrialJob } from '../worker/protocol'
import { TrialProcess, type TrialEnd, type TrialProcessOptions } from '../worker/trial-process'
import type { WorkerHost } from '../worker/worker-host'

export type SchedulerState = 'idle' | 'running' | 'paused' | 'stopping' | 'finished'

export type SchedulerEvent =
  | { type: 'state'; state: SchedulerState }
  | { type: 'trial-started'; trialId: number; params: TrialParams; pid: number | undefined }
  | { type: 'trial-progress'; trialId: number; progress: ProgressMessage }
  | { type: 'trial-epoch'; trialId: number; record: EpochRecord; prune: boolean }
  | { type: 'trial-finished'; trialId: number; record: TrialRecord; end: TrialEnd }
  | { type: 'notice'; message: string }

/** Whether another trial may start now (GPU memory, say); null admits, a string says why not. */
export interface Admission {
  check(running: number): Promise<string | null>
  started?(trialId: number): void
  ended?(trialId: number, end: TrialEnd): void
}

export interface SchedulerOptions extends Pick<
  TrialProcessOptions,
  'heartbeatMs' | 'heartbeatTimeoutMs' | 'startupTimeoutMs' | 'cancelGraceMs'
> {
  study: Study
  host: WorkerHost
  /** The start payload of a trial (data, settings) around the parameters the study chose. */
  job: (trial: AskedTrial) => TrialJob
  /** Trials at a time. */
  workers: number
  /** Per-trial wall-clock limit in ms (null: none). */
  timeoutMs?: number | null
  /** Extra runs of parameters whose worker crashed, hung or ran out of memory (default 1). */
  maxRetries?: number
  admission?: Admission
  /** How soon to ask the admission again after a refusal (default 2 s). */
  admissionRetryMs?: number
  /** After the study recorded the trial (artifacts, say); errors become notices. */
  onTrialEnd?: (record: TrialRecord, end: TrialEnd) => void | Promise<void>
  onEvent?: (event: SchedulerEvent) => void
}

export interface SchedulerSummary {
  /** stop() ended the run before the budget was spent. */
  stopped: boolean
}

interface Running {
  process: TrialProcess
  params: TrialParams
}

const NOT_STARTED: TrialEnd = {
  state: 'failed',
  failure: {
    code: INTERRUPTED,
    reason: 'The study was stopped before this trial started; its parameters were queued again.',
    retryable: false,
  },
  seconds: 0,
  peakRssBytes: 0,
}

const paramsKey = (params: TrialParams) =>
  JSON.stringify(
    Object.keys(params)
      .sort()
      .map((k) => [k, params[k]]),
  )

export class Scheduler {
  private readonly active = new Map<number, Running>()
  private readonly attempts = new Map<string, number>()
  private state: SchedulerState = 'idle'
  private pumping = false
  private pumpAgain = false
  private askFailed = false
  private admissionTimer: NodeJS.Timeout | null = null
  private admissionNote: string | null = null
  private finished: Promise<SchedulerSummary> | null = null
  private resolveFinished: ((summary: SchedulerSummary) => void) | null = null

  constructor(private readonly o: SchedulerOptions) {
    if (!Number.isInteger(o.workers) || o.workers < 1)
      throw new RangeError(`workers must be a positive integer (got ${o.workers})`)
  }

  get study(): Study {
    return this.o.study
  }

  get runningTrials(): number[] {
    return [...this.active.keys()]
  }

  get currentState(): SchedulerState {
    return this.state
  }

  /** Runs until the budget is spent and every trial has ended, or until stop(). */
  run(): Promise<SchedulerSummary> {
    if (this.finished) return this.finished
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve))
    if (this.state === 'idle') this.setState('running')
    void this.pump()
    return this.finished
  }

  /** No new trials start; running ones go on. */
  pause(): void {
    if (this.state === 'running') this.setState('paused')
  }

  resume(): void {
    if (this.state !== 'paused') return
    this.setState('running')
    void this.pump()
  }

  /** Cancels one running trial (recorded failed, CANCELLED). False when it is not running. */
  cancelTrial(trialId: number): boolean {
    const entry = this.active.get(trialId)
    if (!entry) return false
    entry.process.cancel('user')
    return true
  }

  /**
   * Ends the run: running trials are cancelled (force: killed at once) and recorded INTERRUPTED
   * with their parameters queued again. Resolves when none is left running.
   */
  stop(options: { force?: boolean } = {}): Promise<SchedulerSummary> {
    if (this.state !== 'finished' && this.state !== 'stopping') this.setState('stopping')
    for (const { process } of this.active.values())
      if (options.force) process.kill('shutdown')
      else process.cancel('shutdown')
    if (!this.finished) return this.run()
    this.checkDone()
    return this.finished
  }

  private setState(state: SchedulerState): void {
    this.state = state
    this.emit({ type: 'state', state })
  }

  private emit(event: SchedulerEvent): void {
    try {
      this.o.onEvent?.(event)
    } catch (error) {
      // A display bug must not stop trials.
      console.error('scheduler listener failed:', error)
    }
  }

  private notice(message: string): void {
    this.emit({ type: 'notice', message })
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true
      return
    }
    this.pumping = true
    try {
      do {
        this.pumpAgain = false
        while (this.canStart()) {
          const refusal = await this.admissionRefusal()
          if (refusal !== null) {
            this.waitForAdmission(refusal)
            break
          }
          if (!this.canStart()) break
          let asked: AskedTrial
          try {
            asked = await this.o.study.ask()
          } catch (error) {
            this.askFailed = true
            this.notice(`The study could not suggest a trial: ${String(error)}`)
            break
          }
          if (this.state === 'stopping') {
            // stop() came while the study was choosing: record the trial as never run.
            await this.finish(asked.trialId, asked.params, NOT_STARTED)
            break
          }
          this.launch(asked)
        }
      } while (this.pumpAgain)
    } finally {
      this.pumping = false
    }
    this.checkDone()
  }

  private canStart(): boolean {
    return (
      this.state === 'running' &&
      !this.askFailed &&
      this.active.size < this.o.workers &&
      this.o.study.canAsk()
    )
  }

  private async admissionRefusal(): Promise<string | null> {
    try {
      return (await this.o.admission?.check(this.active.size)) ?? null
    } catch (error) {
      // A monitor that cannot answer must not stall the study: admit, and say so.
      this.notice(`Admission check failed (${String(error)}); starting the trial anyway.`)
      return null
    }
  }

  private waitForAdmission(reason: string): void {
    if (reason !== this.admissionNote) this.notice(reason)
    this.admissionNote = reason
    if (this.admissionTimer) return
    this.admissionTimer = setTimeout(() => {
      this.admissionTimer = null
      void this.pump()
    }, this.o.admissionRetryMs ?? 2000)
  }

  private launch(asked: AskedTrial): void {
    const { trialId, params } = asked
    const o = this.o
    const process = new TrialProcess(o.host, o.job(asked), {
      heartbeatMs: o.heartbeatMs,
      heartbeatTimeoutMs: o.heartbeatTimeoutMs,
      startupTimeoutMs: o.startupTimeoutMs,
      cancelGraceMs: o.cancelGraceMs,
      timeoutMs: o.timeoutMs ?? null,
      onProgress: (progress) => this.emit({ type: 'trial-progress', trialId, progress }),
      onIntermediate: (record) => this.report(trialId, record),
    })
    this.active.set(trialId, { process, params })
    this.admissionNote = null
    o.admission?.started?.(trialId)
    this.emit({ type: 'trial-started', trialId, params, pid: process.pid })
    void process.done.then((end) => this.finish(trialId, params, end))
  }

  /** The study hears the epoch and answers whether to prune. */
  private report(trialId: number, record: EpochRecord): boolean {
    let prune = false
    if (this.state !== 'stopping') {
      try {
        const loss = record.valLoss
        prune = this.o.study.report(trialId, record.epoch, {
          loss: loss !== null && Number.isFinite(loss) ? loss : null,
          objectives: record.objectives,
        }).prune
      } catch (error) {
        this.notice(`Trial ${trialId}, epoch ${record.epoch}: not reported (${String(error)}).`)
      }
    }
    this.emit({ type: 'trial-epoch', trialId, record, prune })
    return prune
  }

  private outcomeOf(end: TrialEnd): TrialOutcome {
    switch (end.state) {
      case 'complete': {
        const o = end.outcome
        const timings = { ...o.timings, worker: end.seconds }
        return {
          state: 'complete',
          values: [...o.values],
          metrics: o.metrics,
          timings,
          provider: o.provider,
        }
      }
      case 'pruned':
        return { state: 'pruned', timings: { worker: end.seconds } }
      case 'failed':
        return { state: 'failed', code: end.failure.code, reason: end.failure.reason }
    }
  }

  /** Whether the parameters run again, and a note saying so. */
  private requeue(trialId: number, params: TrialParams, end: TrialEnd): boolean {
    if (end.state !== 'failed') return false
    if (end.failure.code === INTERRUPTED) return true
    if (!end.failure.retryable || this.state === 'stopping') return false
    const key = paramsKey(params)
    const done = this.attempts.get(key) ?? 0
    const max = this.o.maxRetries ?? 1
    if (done >= max) {
      if (max > 0) this.notice(`Trial ${trialId} failed again (${end.failure.code}); not retried.`)
      return false
    }
    if (!this.o.study.canAsk()) return false
    this.attempts.set(key, done + 1)
    this.notice(
      `Trial ${trialId} failed (${end.failure.code}); its parameters run again (retry ${done + 1} of ${max}).`,
    )
    return true
  }

  private async finish(trialId: number, params: TrialParams, end: TrialEnd): Promise<void> {
    let record: TrialRecord | null = null
    try {
      const again = this.requeue(trialId, params, end)
      record = await this.o.study.tell(trialId, this.outcomeOf(end))
      if (again) await this.o.study.enqueue(params)
      await this.o.onTrialEnd?.(record, end)
    } catch (error) {
      this.notice(`Trial ${trialId}: could not record its end (${String(error)}).`)
    }
    this.active.delete(trialId)
    this.o.admission?.ended?.(trialId, end)
    if (record) this.emit({ type: 'trial-finished', trialId, record, end })
    void this.pump()
  }

  private checkDone(): void {
    if (this.pumping || this.active.size > 0 || !this.resolveFinished) return
    const stopping = this.state === 'stopping'
    if (!stopping && !this.askFailed && this.o.study.canAsk()) return
    if (this.admissionTimer) clearTimeout(this.admissionTimer)
    this.admissionTimer = null
    const resolve = this.resolveFinished
    this.resolveFinished = null
    this.setState('finished')
    resolve({ stopped: stopping })
  }
}
