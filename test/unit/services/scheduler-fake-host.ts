// A WorkerHost whose "workers" are scripted in this process, speaking the real protocol: fast and
// deterministic tests of the scheduler's logic (pause, cancel, timeouts, retries, pruning).
// The real worker processes are tested in scheduler-faults.test.ts.

import type { ParentMessage, StartMessage, WorkerMessage } from '../../../src-main/worker/protocol'
import type { WorkerExit, WorkerHandle, WorkerHost } from '../../../src-main/worker/worker-host'

export type Behaviour =
  | {
      kind: 'complete'
      epochs?: number
      epochMs?: number
      loss?: number
      values?: [number, number]
    }
  /** Exits by SIGKILL after ms (as if killed from outside). */
  | { kind: 'crash'; afterMs?: number }
  /** Goes silent after start: no heartbeats, no messages. */
  | { kind: 'hang' }
  /** Sends a message the protocol refuses. */
  | { kind: 'garbage' }

type Listener<T> = (value: T) => void

class FakeHandle implements WorkerHandle {
  readonly pid: number
  private messageListeners: Listener<unknown>[] = []
  private exitListeners: Listener<WorkerExit>[] = []
  private timers: NodeJS.Timeout[] = []
  private decisions = new Map<number, (prune: boolean) => void>()
  private exited = false
  private cancelled = false
  private trialId = -1

  constructor(
    private readonly host: FakeWorkerHost,
    pid: number,
  ) {
    this.pid = pid
    this.later(0, () => this.emit({ type: 'ready', pid }))
  }

  send(message: ParentMessage): void {
    if (this.exited) return
    if (message.type === 'start') void this.run(message)
    else if (message.type === 'decision') this.decisions.get(message.epoch)?.(message.prune)
    else if (message.type === 'cancel') {
      this.cancelled = true
      for (const resolve of this.decisions.values()) resolve(false)
    }
  }

  onMessage(listener: Listener<unknown>): void {
    this.messageListeners.push(listener)
  }

  onExit(listener: Listener<WorkerExit>): void {
    this.exitListeners.push(listener)
  }

  onError(): void {}

  kill(): void {
    this.exit({ code: null, signal: 'SIGKILL' })
  }

  stderrTail(): string {
    return this.trialId >= 0 ? `fake worker of trial ${this.trialId}` : ''
  }

  private later(ms: number, fn: () => void): void {
    this.timers.push(setTimeout(fn, ms))
  }

  private emit(message: WorkerMessage | Record<string, unknown>): void {
    if (!this.exited) for (const l of this.messageListeners) l(message)
  }

  private exit(exit: WorkerExit): void {
    if (this.exited) return
    this.exited = true
    for (const t of this.timers) clearTimeout(t)
    this.host.alive--
    setTimeout(() => this.exitListeners.forEach((l) => l(exit)), 0)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve))
  }

  private async run(start: StartMessage): Promise<void> {
    const { trialId } = start
    this.trialId = trialId
    this.host.started.push({ trialId, params: start.params })
    const b = this.host.behaviour(trialId)
    if (b.kind === 'hang') return
    const beat = setInterval(
      () => this.emit({ type: 'heartbeat', trialId, rssBytes: 1e6 }),
      start.heartbeatMs,
    )
    this.timers.push(beat)
    if (b.kind === 'crash') return this.later(b.afterMs ?? 20, () => this.kill())
    if (b.kind === 'garbage')
      return this.emit({ type: 'result', trialId, outcome: { state: 'complete' } })
    const epochs = b.epochs ?? 2
    for (let epoch = 1; epoch <= epochs; epoch++) {
      await this.sleep(b.epochMs ?? 10)
      if (this.exited) return
      if (this.cancelled) {
        this.emit({
          type: 'error',
          trialId,
          code: 'CANCELLED',
          kind: 'stopped',
          message: 'cancelled',
          epoch,
          step: epoch,
        })
        return this.exit({ code: 0, signal: null })
      }
      const loss = b.loss ?? 1 / epoch
      this.emit({
        type: 'progress',
        trialId,
        phase: 'train',
        epoch,
        epochs,
        step: epoch,
        totalSteps: epochs,
        loss,
      })
      const decision = new Promise<boolean>((resolve) => this.decisions.set(epoch, resolve))
      const objectives: [number, number] = b.values ?? [loss * 10, loss]
      const record = {
        epoch,
        step: epoch,
        trainLoss: loss,
        valLoss: loss,
        objectives,
        seconds: 0.01,
      }
      this.emit({ type: 'intermediate', trialId, record })
      if (await decision) {
        this.emit({ type: 'result', trialId, outcome: { state: 'pruned', epoch } })
        return this.exit({ code: 0, signal: null })
      }
    }
    const values: [number, number] = b.values ?? [(b.loss ?? 0.5) * 10, b.loss ?? 0.5]
    this.emit({
      type: 'result',
      trialId,
      outcome: {
        state: 'complete',
        values,
        metrics: { mae: values[0], picp: 80 - values[1] },
        timings: { total: 0.02 },
        provider: 'cpu',
        epochs,
        steps: epochs,
        parameterCount: 100,
        columns: ['y'],
        forecasts: [],
      },
    })
    this.exit({ code: 0, signal: null })
  }
}

export class FakeWorkerHost implements WorkerHost {
  readonly name = 'fake'
  /** Workers alive now, and the most alive at once. */
  alive = 0
  maxAlive = 0
  readonly started: { trialId: number; params: Record<string, unknown> }[] = []
  private nextPid = 1000

  constructor(readonly behaviour: (trialId: number) => Behaviour = () => ({ kind: 'complete' })) {}

  spawn(): WorkerHandle {
    this.alive++
    this.maxAlive = Math.max(this.maxAlive, this.alive)
    return new FakeHandle(this, this.nextPid++)
  }
}
