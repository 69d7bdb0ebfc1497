// The trial worker as an Electron utility process: the app's host. The worker is the bundled
// out/main/trial-worker.js (an entry in electron.vite.config.ts) and talks through
// process.parentPort; messages go by structured clone, as with the Node host. Electron reports
// an exit code but no signal, so a kill by this host is remembered and reported as SIGKILL.

import { utilityProcess, type UtilityProcess } from 'electron'
import { fileURLToPath } from 'node:url'
import type { ParentMessage } from '../worker/protocol'
import {
  StderrTail,
  type WorkerExit,
  type WorkerHandle,
  type WorkerHost,
} from '../worker/worker-host'

/** How long to wait for the last stderr bytes after the exit event. */
const STDERR_DRAIN_MS = 100

class UtilityWorkerHandle implements WorkerHandle {
  // Electron clears child.pid after the exit event; the supervisor may still ask.
  private spawnedPid: number | undefined
  private readonly tail = new StderrTail()
  private exited = false
  private killed = false

  constructor(private readonly child: UtilityProcess) {
    this.spawnedPid = child.pid
    child.once('spawn', () => (this.spawnedPid = child.pid))
    child.stderr?.on('data', (chunk: Buffer) => this.tail.push(chunk))
    // A fatal V8 error (out of memory, say) is told here, not always on stderr.
    child.on('error', (type, location) => this.tail.push(`${type}: ${location}\n`))
    child.once('exit', () => (this.exited = true))
  }

  get pid(): number | undefined {
    return this.spawnedPid
  }

  send(message: ParentMessage): void {
    if (!this.exited) this.child.postMessage(message)
  }

  onMessage(listener: (raw: unknown) => void): void {
    this.child.on('message', (message: unknown) => listener(message))
  }

  onExit(listener: (exit: WorkerExit) => void): void {
    this.child.once('exit', (code) => {
      let reported = false
      const report = () => {
        if (reported) return
        reported = true
        listener(this.killed ? { code: null, signal: 'SIGKILL' } : { code, signal: null })
      }
      const stderr = this.child.stderr
      if (!stderr) return report()
      const timer = setTimeout(report, STDERR_DRAIN_MS)
      stderr.once('end', () => {
        clearTimeout(timer)
        report()
      })
    })
  }

  onError(listener: (error: Error) => void): void {
    this.child.on('error', (type, location) => listener(new Error(`${type} at ${location}`)))
  }

  kill(): void {
    if (this.exited) return
    this.killed = true
    this.child.kill()
  }

  stderrTail(): string {
    return this.tail.text()
  }
}

export class UtilityWorkerHost implements WorkerHost {
  readonly name = 'utilityProcess'

  spawn(): WorkerHandle {
    const entry = fileURLToPath(new URL('./trial-worker.js', import.meta.url))
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Frontier trial',
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    return new UtilityWorkerHandle(child)
  }
}
