// What the scheduler needs from a process host, whichever starts the worker: Electron's
// utilityProcess (src-main/app/utility-worker-host.ts) or Node's child_process.fork
// (node-worker-host.ts). Messages come in raw (unknown); the supervisor validates them.

import type { ParentMessage } from './protocol'

export interface WorkerExit {
  /** Exit code, or null when a signal ended the process. */
  code: number | null
  signal: NodeJS.Signals | null
}

export interface WorkerHandle {
  readonly pid: number | undefined
  send(message: ParentMessage): void
  onMessage(listener: (raw: unknown) => void): void
  /** Called once, after the process is gone and its stderr is read to the end. */
  onExit(listener: (exit: WorkerExit) => void): void
  /** The process could not be started (or an IPC error); an exit follows when it had started. */
  onError(listener: (error: Error) => void): void
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void
  /** The last lines the worker wrote to stderr. */
  stderrTail(): string
}

export interface WorkerHost {
  readonly name: string
  spawn(): WorkerHandle
}

const TAIL_LINES = 20
const TAIL_LINE_CHARS = 400
/** V8's native stack frames after a fatal error (" 3: 0xee85e7 v8::…"): noise for a user. */
const NATIVE_FRAME = /^\s*\d+: 0x[0-9a-f]+/

/** Keeps the last lines of a stream, so a failed trial can show what the worker said last. */
export class StderrTail {
  private lines: string[] = []
  private partial = ''

  push(chunk: string | Uint8Array): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
    const parts = text.split(/\r?\n/)
    this.partial = parts.pop() ?? ''
    for (const line of parts)
      if (line.trim() !== '' && !NATIVE_FRAME.test(line) && !line.includes('Native stack trace'))
        this.lines.push(line)
    if (this.lines.length > TAIL_LINES) this.lines = this.lines.slice(-TAIL_LINES)
    if (this.partial.length > 4 * TAIL_LINE_CHARS)
      this.partial = this.partial.slice(-TAIL_LINE_CHARS)
  }

  text(): string {
    const lines = this.partial.trim() ? [...this.lines, this.partial] : this.lines
    return lines
      .slice(-TAIL_LINES)
      .map((l) => (l.length > TAIL_LINE_CHARS ? `${l.slice(0, TAIL_LINE_CHARS)}…` : l))
      .join('\n')
  }
}
