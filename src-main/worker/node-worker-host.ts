// The trial worker as a Node child process (child_process.fork): the host of the CLI,
// `frontier serve` and the tests. Run from source, the worker is TypeScript and starts through
// the tsx bootstrap the parse worker uses; bundled, it is out/main/trial-worker.js beside this
// code. Messages go by structured clone ('advanced' serialization), like Electron's.

import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ParentMessage } from './protocol'
import { StderrTail, type WorkerExit, type WorkerHandle, type WorkerHost } from './worker-host'

export interface NodeWorkerHostOptions {
  /** The worker's environment (default: this process's). */
  env?: NodeJS.ProcessEnv
  /** Node flags for the worker, e.g. --max-old-space-size=… (this process's are not inherited). */
  execArgv?: string[]
}

const fromSource = import.meta.url.endsWith('.ts')

function entry(): { module: string; args: string[] } {
  if (!fromSource)
    return { module: fileURLToPath(new URL('./trial-worker.js', import.meta.url)), args: [] }
  return {
    module: fileURLToPath(new URL('./tsx-bootstrap.mjs', import.meta.url)),
    args: [new URL('./trial-worker.ts', import.meta.url).href],
  }
}

class NodeWorkerHandle implements WorkerHandle {
  private readonly tail = new StderrTail()
  private exited = false

  constructor(private readonly child: ChildProcess) {
    child.stderr?.on('data', (chunk: Buffer) => this.tail.push(chunk))
    child.on('close', () => (this.exited = true))
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  send(message: ParentMessage): void {
    if (!this.child.connected) return
    // An error here means the worker is going away; its exit tells the rest.
    this.child.send(message, (error) => void error)
  }

  onMessage(listener: (raw: unknown) => void): void {
    this.child.on('message', listener)
  }

  onExit(listener: (exit: WorkerExit) => void): void {
    // 'close' comes after 'exit', once stderr is drained: the tail is then complete.
    this.child.once('close', (code, signal) => listener({ code, signal }))
  }

  onError(listener: (error: Error) => void): void {
    this.child.on('error', listener)
  }

  kill(): void {
    if (!this.exited && this.child.exitCode === null && this.child.signalCode === null)
      this.child.kill('SIGKILL')
  }

  stderrTail(): string {
    return this.tail.text()
  }
}

export class NodeWorkerHost implements WorkerHost {
  readonly name = 'child_process'

  constructor(private readonly options: NodeWorkerHostOptions = {}) {}

  spawn(): WorkerHandle {
    const { module, args } = entry()
    const child = fork(module, args, {
      env: this.options.env ?? process.env,
      execArgv: this.options.execArgv ?? [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    return new NodeWorkerHandle(child)
  }
}
