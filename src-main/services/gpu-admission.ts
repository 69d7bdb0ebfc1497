// Whether another GPU trial may start: one always may when none runs; a second only once a
// finished trial has shown how much GPU memory a trial of this model takes (learned, not
// guessed), and only if the monitor's free memory holds it with headroom. Trials that started in
// the last few seconds may not have allocated yet, so their estimates are subtracted too. When
// the trials turn out to run on the CPU after all ('auto' fell back), admission stops gating.

import type { ModelName } from '../engine/models/model-spec'
import type { TrialEnd } from '../worker/trial-process'
import type { Admission } from './scheduler'
import type { SystemSample } from '@shared/system-sample'

export interface SystemSource {
  sample(): Promise<SystemSample>
}

/** GPU memory per trial by model (MiB): the largest seen so far. */
export class MemoryEstimates {
  private readonly byModel = new Map<ModelName, number>()

  observe(model: ModelName, mib: number): void {
    if (!(mib > 0)) return
    this.byModel.set(model, Math.max(mib, this.byModel.get(model) ?? 0))
  }

  estimate(model: ModelName): number | null {
    return this.byModel.get(model) ?? null
  }
}

export interface GpuAdmissionOptions {
  estimates?: MemoryEstimates
  /** Kept free beyond the estimates (default 512 MiB). */
  marginMiB?: number
  /** Estimates are multiplied by this (default 1.25). */
  headroom?: number
  /** A trial younger than this may not show in the used memory yet (default 15 s). */
  settleMs?: number
  /** How often running trials' GPU memory is sampled (default 2 s). */
  pollMs?: number
  now?: () => number
}

interface GpuTrial {
  startedAt: number
  /** GPU memory used when it started, with no other GPU trial running; null if others ran. */
  baseline: number | null
  peak: number
}

function gpuMemory(sample: SystemSample): { used: number; total: number } | null {
  const gpu = sample.gpus[0]
  if (!gpu || gpu.memoryUsedMiB === null || gpu.memoryTotalMiB === null) return null
  return { used: gpu.memoryUsedMiB, total: gpu.memoryTotalMiB }
}

export class GpuAdmission implements Admission {
  readonly estimates: MemoryEstimates
  private readonly running = new Map<number, GpuTrial>()
  private last: { used: number; total: number } | null = null
  private onCpu = false
  private timer: NodeJS.Timeout | null = null
  private readonly now: () => number

  constructor(
    private readonly model: ModelName,
    private readonly source: SystemSource,
    private readonly options: GpuAdmissionOptions = {},
  ) {
    this.estimates = options.estimates ?? new MemoryEstimates()
    this.now = options.now ?? Date.now
  }

  async check(running: number): Promise<string | null> {
    if (this.onCpu) return null
    if (running === 0) {
      // Alone on the GPU: admitted; the sample is its baseline for learning its memory use.
      await this.sample()
      return null
    }
    const estimate = this.estimates.estimate(this.model)
    if (estimate === null)
      return `One GPU trial at a time until a ${this.model} trial has finished and shown its GPU memory use.`
    const memory = await this.sample()
    if (!memory) return 'The GPU does not report its memory; one GPU trial at a time.'
    const settle = this.options.settleMs ?? 15_000
    let pending = 0
    for (const t of this.running.values())
      if (this.now() - t.startedAt < settle) pending += estimate
    const free = memory.total - memory.used - pending
    const need = estimate * (this.options.headroom ?? 1.25) + (this.options.marginMiB ?? 512)
    if (free >= need) return null
    return `Waiting for GPU memory: ${Math.round(free)} MiB free, a ${this.model} trial needs about ${Math.round(need)} MiB.`
  }

  started(trialId: number): void {
    const used = this.last?.used ?? null
    this.running.set(trialId, {
      startedAt: this.now(),
      baseline: this.running.size === 0 ? used : null,
      peak: used ?? 0,
    })
    for (const t of this.running.values()) if (this.running.size > 1) t.baseline = null
    if (!this.timer && !this.onCpu) {
      this.timer = setInterval(() => void this.sample(), this.options.pollMs ?? 2000)
      this.timer.unref()
    }
  }

  ended(trialId: number, end: TrialEnd): void {
    const trial = this.running.get(trialId)
    this.running.delete(trialId)
    if (end.state === 'complete' && end.outcome.provider === 'cpu') this.onCpu = true
    // Learn only from a trial that had the GPU to itself: its growth is its own.
    if (trial && trial.baseline !== null && end.state === 'complete' && !this.onCpu)
      this.estimates.observe(this.model, trial.peak - trial.baseline)
    if (this.running.size === 0 && this.timer) {
      clearInterval(this.timer)
      this.timer = null
    }
  }

  /** Samples the GPU, recording every running trial's peak. */
  async sample(): Promise<{ used: number; total: number } | null> {
    const memory = await this.source.sample().then(gpuMemory, () => null)
    if (memory) {
      this.last = memory
      for (const t of this.running.values()) t.peak = Math.max(t.peak, memory.used)
    }
    return memory
  }
}
