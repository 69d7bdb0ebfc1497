// What `frontier run` shows while trials run. On a terminal: a live block redrawn in place at
// most ten times a second — the trial bar with counts, one line per running trial (epoch, step,
// loss) and the best values so far — with a permanent line scrolled above it for every trial
// that ends. Elsewhere (a cluster log, a pipe): only the permanent lines.

import { INTERRUPTED, type Study } from '../engine/hpo/study'
import type { TrialRecord } from '../engine/hpo/types'
import type { SchedulerEvent } from '../services/scheduler'
import type { ProgressMessage } from '../worker/protocol'
import { formatSeconds, type ProgressStream } from './progress-bar'

const REDRAW_MS = 100
const BAR_WIDTH = 24

export function formatNumber(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const abs = Math.abs(v)
  return abs !== 0 && (abs >= 1e5 || abs < 1e-3) ? v.toExponential(2) : v.toFixed(digits)
}

function firstLine(text: string): string {
  return text.split('\n')[0]
}

/** The permanent record of a trial that ended: one line, and for a pruned one its reason. */
export function trialLine(record: TrialRecord, seconds: number): string {
  const interrupted = record.error?.code === INTERRUPTED
  const state = interrupted ? 'interrupted' : record.state
  const head = `trial ${String(record.number).padStart(3)} ${state.padEnd(8)}`
  if (interrupted) return `${head} (runs again on --resume)`
  const took = `${formatSeconds(seconds)}${record.provider ? `, ${record.provider}` : ''}`
  if (record.state === 'complete' && record.values) {
    const [mae, gap] = record.values
    return `${head} MAE ${formatNumber(mae)}  |PICP−target| ${formatNumber(gap, 2)}  (${took})`
  }
  if (record.state === 'pruned') {
    const line = `${head} at epoch ${record.prunedAtStep ?? '?'}  (${took})`
    return record.prunedReason ? `${line}\n      why: ${record.prunedReason}` : line
  }
  const error = record.error
  return `${head} ${error ? `${error.code}: ${firstLine(error.message)}` : ''}`
}

interface Live {
  phase: string
}

export class RunDisplay {
  private readonly live = new Map<number, Live>()
  private drawn = 0
  private lastDraw = 0
  private readonly start = performance.now()
  private readonly notices = new Set<string>()

  constructor(
    private readonly study: Study,
    /** Where the live block goes (a terminal), or null for plain lines only. */
    private readonly terminal: ProgressStream | null,
    /** Where permanent lines go. */
    private readonly lines: { write(text: string): unknown },
  ) {}

  event(e: SchedulerEvent): void {
    switch (e.type) {
      case 'trial-started':
        this.live.set(e.trialId, { phase: 'starting' })
        break
      case 'trial-progress':
        this.live.set(e.trialId, { phase: describe(e.progress) })
        if (e.progress.notice) this.note(e.progress.notice)
        break
      case 'trial-finished':
        this.live.delete(e.trialId)
        this.line(trialLine(e.record, e.end.seconds))
        break
      case 'notice':
        this.note(e.message)
        break
      case 'state':
        if (e.state === 'stopping') this.line('stopping: cancelling the running trials…')
        break
    }
    this.draw(e.type !== 'trial-progress')
  }

  /** Each distinct notice once (a provider fallback would otherwise repeat per trial). */
  note(message: string): void {
    if (this.notices.has(message)) return
    this.notices.add(message)
    this.line(`note: ${message}`)
  }

  /** A permanent line (above the live block on a terminal). */
  line(text: string): void {
    this.clear()
    this.lines.write(`${text}\n`)
    this.draw(true)
  }

  /** Removes the live block for good. */
  done(): void {
    this.clear()
    this.live.clear()
  }

  private clear(): void {
    if (!this.terminal || this.drawn === 0) return
    // Up to the block's first line, then erase to the end of the screen.
    this.terminal.write(`\x1b[${this.drawn}F\x1b[J`)
    this.drawn = 0
  }

  private draw(force: boolean): void {
    if (!this.terminal) return
    const now = performance.now()
    if (!force && now - this.lastDraw < REDRAW_MS) return
    this.lastDraw = now
    const text = this.block()
    this.clear()
    this.terminal.write(`${text.join('\n')}\n`)
    this.drawn = text.length
  }

  private block(): string[] {
    // A pseudo-terminal may report 0 columns.
    const width = (this.terminal?.columns || 100) - 1
    const trials = this.study.trials.filter((t) => t.error?.code !== 'INTERRUPTED')
    const total = this.study.config.budget.trials ?? trials.length
    const count = (state: string) => trials.filter((t) => t.state === state).length
    const ended = trials.length - count('running')
    const filled = Math.round((Math.min(ended, total) / Math.max(total, 1)) * BAR_WIDTH)
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`
    const elapsed = formatSeconds((performance.now() - this.start) / 1000)
    const head =
      `trials ${bar} ${ended}/${total}  complete ${count('complete')}  pruned ` +
      `${count('pruned')}  failed ${count('failed')}  ${elapsed}`
    const running = [...this.live.entries()].map(([id, l]) => `  #${id}  ${l.phase}`)
    return [head, ...running, this.best(trials)].map((l) => l.slice(0, width))
  }

  private best(trials: readonly TrialRecord[]): string {
    const done = trials.filter((t) => t.state === 'complete' && t.values)
    if (done.length === 0) return 'best so far: —'
    const by = (k: number) =>
      done.reduce((a, b) => ((b.values as number[])[k] < (a.values as number[])[k] ? b : a))
    const mae = by(0)
    const gap = by(1)
    return (
      `best MAE ${formatNumber((mae.values as number[])[0])} (#${mae.number})  ·  ` +
      `best |PICP−target| ${formatNumber((gap.values as number[])[1], 2)} (#${gap.number})`
    )
  }
}

function describe(p: ProgressMessage): string {
  if (p.phase === 'train')
    return `epoch ${p.epoch}/${p.epochs}  step ${p.step}/${p.totalSteps}  loss ${formatNumber(p.loss, 4)}`
  if (p.phase === 'load') return 'loading the data'
  if (p.phase === 'walk-forward') return 'walk-forward validation'
  return p.phase === 'build' ? 'building graphs' : 'preparing windows'
}
