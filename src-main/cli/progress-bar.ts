// A one-line progress bar for long CLI commands, redrawn in place on a terminal (stderr, so
// stdout stays clean for --json). Redraws at most ten times a second; nothing at all when the
// stream is not a TTY (CI logs, pipes).

export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): boolean
}

export class ProgressBar {
  private last = 0
  private shown = false
  private readonly start = performance.now()

  constructor(private readonly stream: ProgressStream = process.stderr) {}

  get enabled(): boolean {
    return this.stream.isTTY === true
  }

  /** Draws `fraction` (0–1) with a label before and a note after the bar. */
  update(fraction: number, label: string, note = '', force = false): void {
    if (!this.enabled) return
    const now = performance.now()
    if (!force && now - this.last < 100) return
    this.last = now
    const f = Math.min(Math.max(fraction, 0), 1)
    const elapsed = (now - this.start) / 1000
    const eta = f > 0.01 ? ` ETA ${formatSeconds((elapsed * (1 - f)) / f)}` : ''
    const width = 24
    const filled = Math.round(f * width)
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
    const line = `${label} ${bar} ${(f * 100).toFixed(0).padStart(3)}% ${note}${eta}`
    const columns = this.stream.columns ?? 100
    this.stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`)
    this.shown = true
  }

  /** Clears the line so the next output starts on a clean one. */
  done(): void {
    if (!this.enabled || !this.shown) return
    this.stream.write(`\r${' '.repeat((this.stream.columns ?? 100) - 1)}\r`)
    this.shown = false
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?'
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`
  const m = Math.floor(s / 60)
  return `${m} min ${Math.round(s - 60 * m)} s`
}
