// What the machine is doing while trials run: GPU model, utilisation, memory and temperature
// where the platform tells them (systeminformation asks nvidia-smi on NVIDIA), and CPU load and
// memory. A machine without a GPU says so plainly instead of showing empty gauges.
import si from 'systeminformation'
import type { GpuSample, SystemSample } from '@shared/system-sample'

export type { GpuSample, SystemSample } from '@shared/system-sample'

/** The parts of systeminformation used here, so tests can stand in for the machine. */
export interface SystemProbe {
  graphics(): Promise<{ controllers: Partial<si.Systeminformation.GraphicsControllerData>[] }>
  currentLoad(): Promise<{ currentLoad: number; cpus: unknown[] }>
  mem(): Promise<{ total: number; active: number }>
}

export const NO_GPU_NOTE = 'No GPU was found on this machine; trials run on the CPU.'

export async function sampleSystem(probe: SystemProbe = si): Promise<SystemSample> {
  const [graphics, load, mem] = await Promise.all([
    probe.graphics().catch(() => null),
    probe.currentLoad(),
    probe.mem(),
  ])
  const gpus = (graphics?.controllers ?? []).map(toGpuSample)
  let gpuNote: string | null = null
  if (graphics === null) gpuNote = 'The GPU could not be queried on this machine.'
  else if (gpus.length === 0) gpuNote = NO_GPU_NOTE
  else if (gpus.some((g) => g.vendor.toLowerCase().includes('nvidia') && g.utilization === null)) {
    gpuNote =
      'NVIDIA GPU found, but nvidia-smi did not report utilisation (is the driver installed?).'
  }
  return {
    time: Date.now(),
    gpus,
    gpuNote,
    cpuLoad: round(load.currentLoad),
    cpuCores: load.cpus.length,
    memoryUsedBytes: mem.active,
    memoryTotalBytes: mem.total,
  }
}

function toGpuSample(c: Partial<si.Systeminformation.GraphicsControllerData>): GpuSample {
  const total = c.memoryTotal ?? (c.vram && c.vram > 0 ? c.vram : undefined)
  return {
    vendor: c.vendor ?? 'unknown',
    model: c.model ?? c.name ?? 'unknown GPU',
    utilization: finiteOrNull(c.utilizationGpu),
    memoryUsedMiB: finiteOrNull(c.memoryUsed),
    memoryTotalMiB: finiteOrNull(total),
    temperatureC: finiteOrNull(c.temperatureGpu),
  }
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

function round(v: number): number {
  return Math.round(v * 10) / 10
}

/** Samples at an interval and hands each sample on; one sample at a time, never overlapping. */
export class GpuMonitor {
  private timer: NodeJS.Timeout | null = null
  private latest: SystemSample | null = null

  constructor(
    private readonly onSample: (sample: SystemSample) => void,
    private readonly probe: SystemProbe = si,
  ) {}

  get last(): SystemSample | null {
    return this.latest
  }

  async sample(): Promise<SystemSample> {
    this.latest = await sampleSystem(this.probe)
    return this.latest
  }

  start(intervalMs: number): void {
    this.stop()
    const tick = async () => {
      try {
        this.onSample(await this.sample())
      } catch (error) {
        console.error('System sampling failed:', error)
      }
      if (this.timer !== null) this.timer = setTimeout(() => void tick(), intervalMs)
    }
    this.timer = setTimeout(() => void tick(), 0)
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }
}
