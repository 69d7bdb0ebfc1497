// The machine's state as the UI shows it; plain data so it can cross to the renderer.

export interface GpuSample {
  vendor: string
  model: string
  /** Percent, or null where the driver does not report it. */
  utilization: number | null
  memoryUsedMiB: number | null
  memoryTotalMiB: number | null
  temperatureC: number | null
}

export interface SystemSample {
  time: number
  gpus: GpuSample[]
  /** Why the GPU list is empty or incomplete, in words for the user; null when all is known. */
  gpuNote: string | null
  cpuLoad: number
  cpuCores: number
  memoryUsedBytes: number
  memoryTotalBytes: number
}
