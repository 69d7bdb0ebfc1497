// A PyTorch reference model in a live child process, for the benches that compare against it.
// The script prints `ready torch=<version> …` once set up, then answers each line on stdin (the
// seconds to run) with `steps_per_second=… steps_per_cpu_second=…`. BLAS and OpenMP get the same
// thread count as the run, and passive waiting, or their threads fight and the figures mean
// nothing.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface StepRate {
  wall: number
  cpu: number
}

export class TorchProcess {
  private constructor(
    private readonly proc: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    /** The script's ready line, e.g. `ready torch=1.13.0a0 threads=1 params=1060692`. */
    readonly banner: string,
  ) {}

  get version(): string {
    return /torch=(\S+)/.exec(this.banner)?.[1] ?? 'unknown'
  }

  /** Starts test/bench/<script> with its arguments; undefined when no python3 has torch. */
  static async start(
    script: string,
    threads: number,
    args: (string | number)[],
  ): Promise<TorchProcess | undefined> {
    const path = join(dirname(fileURLToPath(import.meta.url)), script)
    const t = String(threads)
    const env = {
      ...process.env,
      OPENBLAS_NUM_THREADS: t,
      OMP_NUM_THREADS: t,
      MKL_NUM_THREADS: t,
      OMP_WAIT_POLICY: 'PASSIVE',
    }
    // A pyenv or venv python3 may shadow the system one that has Debian's python3-torch.
    for (const python of [process.env.FRONTIER_PYTHON, '/usr/bin/python3', 'python3']) {
      if (!python) continue
      const proc = spawn(python, [path, t, ...args.map(String)], { env })
      proc.on('error', () => undefined)
      const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]()
      const first = await lines.next()
      if (!first.done && first.value.startsWith('ready ')) {
        return new TorchProcess(proc, lines, first.value)
      }
      proc.kill()
    }
    return undefined
  }

  async rate(seconds: number): Promise<StepRate> {
    this.proc.stdin.write(`${seconds}\n`)
    const line = await this.lines.next()
    const text = line.done ? '' : line.value
    return {
      wall: Number(/steps_per_second=([\d.]+)/.exec(text)?.[1]),
      cpu: Number(/steps_per_cpu_second=([\d.]+)/.exec(text)?.[1]),
    }
  }

  stop(): void {
    this.proc.stdin.end()
  }
}
