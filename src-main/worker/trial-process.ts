// The parent's side of one trial in one worker: start it, validate every message, pass epochs to
// the study for a pruning decision, watch heartbeats and the per-trial time limit, cancel or kill
// it, and turn however it ended into a TrialEnd. Whatever the worker does — throw, exit, hang,
// be killed, send garbage — `done` resolves (never rejects) and the process is gone soon after.

import type { EpochRecord } from '../engine/train/training-stopped'
import { exitFailure, withStderr, type TrialFailure } from './failure'
import {
  parseWorkerMessage,
  type CancelReason,
  type CompleteOutcome,
  type ErrorMessage,
  type ProgressMessage,
  type TrialJob,
  type WorkerMessage,
} from './protocol'
import type { WorkerExit, WorkerHandle, WorkerHost } from './worker-host'

export interface TrialProcessOptions {
  /** How often the worker beats (default 1 s). */
  heartbeatMs?: number
  /** Silence after which the worker counts as hung and is killed (default 30 s). */
  heartbeatTimeoutMs?: number
  /** From spawn to `ready` (default 60 s: loading TypeScript on a busy machine is slow). */
  startupTimeoutMs?: number
  /** Per-trial wall-clock limit from `start`; null for none. */
  timeoutMs?: number | null
  /** After a cancel, how long the worker may take to stop before it is killed (default 5 s). */
  cancelGraceMs?: number
  onProgress?: (message: ProgressMessage) => void
  /** The study's pruning decision for an epoch: true stops the trial as pruned. */
  onIntermediate?: (record: EpochRecord) => boolean | Promise<boolean>
}

interface Common {
  /** Wall seconds from spawn to the end. */
  seconds: number
  /** Largest resident memory the worker's heartbeats reported. */
  peakRssBytes: number
}

export type TrialEnd =
  | (Common & { state: 'complete'; outcome: CompleteOutcome })
  | (Common & { state: 'pruned'; epoch: number })
  | (Common & { state: 'failed'; failure: TrialFailure })

const EXIT_GRACE_MS = 2000

const CANCELLED: Record<CancelReason, { code: string; text: string }> = {
  user: { code: 'CANCELLED', text: 'The trial was cancelled' },
  timeout: { code: 'TIMEOUT', text: 'The trial ran past its time limit' },
  shutdown: { code: 'INTERRUPTED', text: 'The study was stopped while this trial ran' },
}

export class TrialProcess {
  readonly done: Promise<TrialEnd>
  private resolve!: (end: TrialEnd) => void
  private readonly handle: WorkerHandle | null = null
  private readonly spawnedAt = performance.now()
  private startedAt: number | null = null
  private lastSeen = performance.now()
  private peakRss = 0
  private phase = 'before it started'
  private errorMessage: ErrorMessage | null = null
  private cancelReason: CancelReason | null = null
  private hung = false
  private exited = false
  private settled = false
  private readonly timers: NodeJS.Timeout[] = []
  private readonly o: Required<Omit<TrialProcessOptions, 'onProgress' | 'onIntermediate'>>

  constructor(
    host: WorkerHost,
    private readonly job: TrialJob,
    private readonly options: TrialProcessOptions = {},
  ) {
    this.done = new Promise((resolve) => (this.resolve = resolve))
    this.o = {
      heartbeatMs: options.heartbeatMs ?? 1000,
      heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 30_000,
      startupTimeoutMs: options.startupTimeoutMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? null,
      cancelGraceMs: options.cancelGraceMs ?? 5000,
    }
    try {
      this.handle = host.spawn()
    } catch (error) {
      this.fail('WORKER_START_FAILED', `The worker could not be started: ${String(error)}`, false)
      return
    }
    const handle = this.handle
    handle.onMessage((raw) => this.receive(raw))
    handle.onExit((exit) => this.exit(exit))
    handle.onError((error) => {
      if (this.startedAt === null)
        this.fail('WORKER_START_FAILED', `The worker could not be started: ${error.message}`, true)
    })
    const watch = Math.max(50, Math.min(1000, this.o.heartbeatTimeoutMs / 4))
    this.timers.push(setInterval(() => this.watch(), watch))
  }

  get pid(): number | undefined {
    return this.handle?.pid
  }

  get trialId(): number {
    return this.job.trialId
  }

  /** Asks the worker to stop; kills it if it has not stopped after the grace period. */
  cancel(reason: CancelReason): void {
    if (this.settled || this.cancelReason) return
    this.cancelReason = reason
    this.handle?.send({ type: 'cancel', reason })
    this.timers.push(setTimeout(() => this.handle?.kill(), this.o.cancelGraceMs))
  }

  /** Ends the worker now (a second Ctrl-C, a forced shutdown). */
  kill(reason: CancelReason): void {
    if (this.settled) return
    this.cancelReason ??= reason
    this.handle?.kill()
  }

  private watch(): void {
    const now = performance.now()
    if (this.startedAt === null) {
      if (now - this.spawnedAt > this.o.startupTimeoutMs) {
        this.fail(
          'WORKER_START_FAILED',
          `The worker did not start within ${this.o.startupTimeoutMs / 1000} s.`,
          true,
        )
      }
      return
    }
    if (!this.hung && now - this.lastSeen > this.o.heartbeatTimeoutMs) {
      this.hung = true
      this.handle?.kill()
    }
    if (this.o.timeoutMs !== null && now - this.startedAt > this.o.timeoutMs) this.cancel('timeout')
  }

  private receive(raw: unknown): void {
    if (this.settled) return
    const parsed = parseWorkerMessage(raw)
    if (!parsed.ok) {
      this.fail('PROTOCOL_ERROR', `The worker sent a ${parsed.problem}.`, false)
      return
    }
    this.lastSeen = performance.now()
    const message = parsed.message
    if (message.type !== 'ready' && message.trialId !== null && message.trialId !== this.trialId) {
      this.fail('PROTOCOL_ERROR', `The worker reported trial ${message.trialId}.`, false)
      return
    }
    this.handleMessage(message)
  }

  private handleMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        if (this.startedAt !== null) return
        this.startedAt = performance.now()
        this.handle?.send({ type: 'start', ...this.job, heartbeatMs: this.o.heartbeatMs })
        return
      case 'heartbeat':
        this.peakRss = Math.max(this.peakRss, message.rssBytes)
        return
      case 'progress':
        this.phase =
          message.phase === 'train'
            ? `during epoch ${message.epoch} of ${message.epochs}`
            : message.phase === 'walk-forward'
              ? 'during the walk-forward validation'
              : `while it ${message.phase === 'load' ? 'loaded the data' : 'prepared the trial'}`
        this.options.onProgress?.(message)
        return
      case 'intermediate':
        void this.decide(message.record)
        return
      case 'result': {
        const common = this.common()
        const o = message.outcome
        this.settle(
          o.state === 'complete'
            ? { ...common, state: 'complete', outcome: o }
            : { ...common, state: 'pruned', epoch: o.epoch },
        )
        return
      }
      case 'error':
        // Settled on exit, once stderr (the stack, if any) has been read.
        this.errorMessage = message
        this.timers.push(setTimeout(() => this.handle?.kill(), EXIT_GRACE_MS))
    }
  }

  private async decide(record: EpochRecord): Promise<void> {
    let prune: boolean
    try {
      prune = this.cancelReason === null && (await (this.options.onIntermediate?.(record) ?? false))
    } catch {
      // A failing study must not stop the trial; it goes on unpruned.
      prune = false
    }
    if (!this.settled) this.handle?.send({ type: 'decision', epoch: record.epoch, prune })
  }

  private exit(exit: WorkerExit): void {
    this.exited = true
    if (this.settled) return
    const stderr = this.handle?.stderrTail() ?? ''
    const e = this.errorMessage
    if (this.cancelReason && (e === null || e.code === 'CANCELLED')) {
      const { code, text } = CANCELLED[this.cancelReason]
      const how = e === null && exit.signal === 'SIGKILL' ? ' and was killed' : ''
      this.fail(code, withStderr(`${text} ${this.phase}${how}.`, e ? '' : stderr), false)
    } else if (e) {
      this.fail(e.code, withStderr(e.message, stderr), false)
    } else if (this.hung) {
      const silent = this.o.heartbeatTimeoutMs / 1000
      const reason = `The worker sent no heartbeat for ${silent} s ${this.phase} and was killed as hung.`
      this.fail('WORKER_HUNG', withStderr(reason, stderr), true)
    } else {
      const f = exitFailure(exit, stderr, this.phase)
      this.fail(f.code, f.reason, f.retryable)
    }
  }

  private fail(code: string, reason: string, retryable: boolean): void {
    this.settle({ ...this.common(), state: 'failed', failure: { code, reason, retryable } })
  }

  private common(): Common {
    return { seconds: (performance.now() - this.spawnedAt) / 1000, peakRssBytes: this.peakRss }
  }

  private settle(end: TrialEnd): void {
    if (this.settled) return
    this.settled = true
    for (const t of this.timers) clearTimeout(t)
    // Whatever is left of the process goes: at once if it misbehaved, after a grace period if
    // it only needs to flush and exit.
    if (!this.exited) {
      if (end.state === 'failed') this.handle?.kill()
      else setTimeout(() => this.handle?.kill(), EXIT_GRACE_MS).unref()
    }
    this.resolve(end)
  }
}
