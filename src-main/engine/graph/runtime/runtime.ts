// onnxruntime-node sessions for one trial: one provider, one thread budget, sessions cached by
// key (creation costs ~0.4 s for a 2,300-node train graph) and released together on dispose.

import * as ort from 'onnxruntime-node'
import { GraphError } from '../errors'
import { type Provider, type ProviderChoice, resolveProvider } from './provider'

export interface RuntimeOptions {
  provider?: ProviderChoice
  /** Intra-op threads (default 1: two single-threaded workers beat one two-threaded one). */
  threads?: number
  /**
   * Busy-wait between parallel sections. Off by default: with cores shared between workers,
   * spinning threads steal the time the others need.
   */
  spinning?: boolean
  optimization?: 'disabled' | 'basic' | 'extended' | 'all'
  /** Called once with the fallback message when 'auto' (or a request) ends on another provider. */
  onNotice?: (message: string) => void
}

export type FeedValue = ort.Tensor
export type Fetched = Readonly<Record<string, ort.Tensor>>

export class Runtime {
  private readonly sessions = new Map<string, Promise<ort.InferenceSession>>()
  private disposed = false

  private constructor(
    readonly provider: Provider,
    readonly threads: number,
    readonly notice: string | undefined,
    private readonly options: RuntimeOptions,
  ) {}

  static async create(options: RuntimeOptions = {}): Promise<Runtime> {
    const { provider, notice } = await resolveProvider(options.provider ?? 'cpu')
    if (notice) options.onNotice?.(notice)
    return new Runtime(provider, options.threads ?? 1, notice, options)
  }

  sessionOptions(): ort.InferenceSession.SessionOptions {
    const spin = this.options.spinning ? '1' : '0'
    return {
      executionProviders: this.provider === 'cpu' ? ['cpu'] : [this.provider, 'cpu'],
      intraOpNumThreads: this.threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: this.options.optimization ?? 'all',
      logSeverityLevel: 3,
      extra: {
        session: {
          intra_op: { allow_spinning: spin },
          inter_op: { allow_spinning: spin },
          // Flush denormals to zero. Adam's moments of parameters whose gradient stays 0 (dead
          // ReLU units) decay geometrically into the denormal range after a few hundred steps,
          // and denormal arithmetic made NHITS epochs 1.8× slower by the third epoch.
          set_denormal_as_zero: '1',
        },
      },
    }
  }

  /** The session for `key`, created from `model` on first use. */
  session(key: string, model: Uint8Array | (() => Uint8Array)): Promise<ort.InferenceSession> {
    if (this.disposed) throw new GraphError('SESSION_FAILED', 'runtime already disposed')
    let s = this.sessions.get(key)
    if (!s) {
      const bytes = typeof model === 'function' ? model() : model
      s = ort.InferenceSession.create(bytes, this.sessionOptions()).catch((e: unknown) => {
        this.sessions.delete(key)
        throw new GraphError(
          'SESSION_FAILED',
          `could not create session "${key}" on ${this.provider}: ${message(e)}`,
        )
      })
      this.sessions.set(key, s)
    }
    return s
  }

  has(key: string): boolean {
    return this.sessions.has(key)
  }

  async release(key: string): Promise<void> {
    const s = this.sessions.get(key)
    this.sessions.delete(key)
    if (s) await (await s).release()
  }

  async dispose(): Promise<void> {
    this.disposed = true
    const all = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.release()))
  }
}

/** Runs a session; `fetches` may name outputs or give preallocated tensors to write into. */
export async function run(
  session: ort.InferenceSession,
  feeds: Readonly<Record<string, ort.Tensor>>,
  fetches?: ort.InferenceSession.FetchesType,
): Promise<Fetched> {
  try {
    return fetches ? await session.run(feeds, fetches) : await session.run(feeds)
  } catch (e) {
    throw new GraphError('RUN_FAILED', message(e))
  }
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]
}
