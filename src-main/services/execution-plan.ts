// How many trials run at once, and where, decided once before a study runs: on the CPU, one
// worker per core with one onnxruntime thread each (two single-threaded workers beat one
// two-threaded one, and spinning threads would steal the other worker's core); on a GPU, as many
// workers as asked for but admitted one at a time until GPU memory says more fit (GpuAdmission).
// A machine without a GPU gets one plain sentence saying the trials run on the CPU.

import type { ProviderChoice } from '../engine/graph/runtime/provider'
import type { SystemSample } from '@shared/system-sample'

export interface ExecutionPlan {
  device: 'cpu' | 'gpu'
  /** Upper bound on trials at a time (GPU trials are further gated by memory). */
  workers: number
  /** What the workers are told: 'auto' becomes 'cpu' when the machine has no GPU. */
  provider: ProviderChoice
  /** One line for the user. */
  note: string
}

export interface PlanInput {
  provider: ProviderChoice
  /** Asked for (--workers); null: from the cores and the device. */
  workers: number | null
  cores: number
  /** A sample of the machine; null when it was not taken (provider cpu). */
  system: SystemSample | null
}

/** GPU trials at a time at most, unless asked: they share one device and its memory. */
const GPU_WORKERS = 4

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function planExecution(input: PlanInput): ExecutionPlan {
  const { provider, cores, system } = input
  const gpus = system?.gpus ?? []
  const noGpu = system !== null && gpus.length === 0
  if (provider === 'cpu' || (provider === 'auto' && noGpu)) {
    const workers = input.workers ?? Math.max(1, cores)
    const what = `${plural(workers, 'worker')} × 1 onnxruntime thread`
    const crowded =
      workers > cores ? ` More workers than cores (${cores}) slows every trial down.` : ''
    const note =
      provider === 'auto'
        ? `No GPU was found on this machine; trials run on the CPU: ${what}.${crowded}`
        : `Trials run on the CPU: ${what}.${crowded}`
    return { device: 'cpu', workers, provider: 'cpu', note }
  }
  const workers = input.workers ?? Math.max(1, Math.min(cores, GPU_WORKERS))
  const gpu = gpus[0]
  const memory =
    gpu && gpu.memoryTotalMiB !== null && gpu.memoryUsedMiB !== null
      ? ` (${Math.round(gpu.memoryTotalMiB - gpu.memoryUsedMiB)} of ${Math.round(gpu.memoryTotalMiB)} MiB free)`
      : ''
  const device = gpu ? `${gpu.model}${memory}` : 'no GPU reported by the system monitor'
  const note =
    `GPU (${provider}): ${device}. One trial at a time until a finished trial shows how much ` +
    `GPU memory a trial takes, then as many as fit, up to ${workers}. ` +
    'If the GPU provider cannot run, trials say so and fall back or fail.'
  return { device: 'gpu', workers, provider, note }
}
