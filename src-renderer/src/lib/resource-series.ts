// The resources panel's rows from the samples of the last minutes: CPU and RAM, then per GPU
// its utilisation and memory, each as a sparkline series with its scale's top and the latest
// reading in words. GPUs are matched across samples by their position and model.
import type { SystemSample } from '@shared/system-sample'
import type { SparkPoint } from '../charts/sparkline/layout'
import { formatBytes, formatPercent } from './format'

export interface ResourceSeries {
  id: string
  label: string
  points: SparkPoint[]
  /** The top of the y scale. */
  max: number
  /** The latest reading: "37 %", "5.2 of 16.0 GiB". */
  now: string
}

const mib = (n: number) => formatBytes(n * 1024 ** 2)

export function resourceSeries(samples: readonly SystemSample[]): ResourceSeries[] {
  const latest = samples[samples.length - 1]
  if (!latest) return []
  const series: ResourceSeries[] = [
    {
      id: 'cpu',
      label: `CPU (${latest.cpuCores} cores)`,
      points: samples.map((s) => ({ t: s.time, v: s.cpuLoad })),
      max: 100,
      now: formatPercent(latest.cpuLoad),
    },
    {
      id: 'ram',
      label: 'RAM',
      points: samples.map((s) => ({ t: s.time, v: s.memoryUsedBytes })),
      max: latest.memoryTotalBytes,
      now: `${formatBytes(latest.memoryUsedBytes)} of ${formatBytes(latest.memoryTotalBytes)}`,
    },
  ]
  latest.gpus.forEach((gpu, i) => {
    const same = (s: SystemSample) => (s.gpus[i]?.model === gpu.model ? s.gpus[i] : null)
    const name = `GPU ${i} ${gpu.model}`
    series.push({
      id: `gpu${i}-util`,
      label: `${name} utilisation`,
      points: samples.map((s) => ({ t: s.time, v: same(s)?.utilization ?? null })),
      max: 100,
      now: gpu.utilization === null ? 'not reported' : formatPercent(gpu.utilization),
    })
    if (gpu.memoryTotalMiB !== null)
      series.push({
        id: `gpu${i}-mem`,
        label: `${name} memory`,
        points: samples.map((s) => ({ t: s.time, v: same(s)?.memoryUsedMiB ?? null })),
        max: gpu.memoryTotalMiB,
        now:
          gpu.memoryUsedMiB === null
            ? `not reported, ${mib(gpu.memoryTotalMiB)} in all`
            : `${mib(gpu.memoryUsedMiB)} of ${mib(gpu.memoryTotalMiB)}`,
      })
  })
  return series
}

/** The panel's sentence about GPUs: main's note, or what the list itself says. */
export function gpuSentence(sample: SystemSample): string | null {
  if (sample.gpuNote) return sample.gpuNote
  if (sample.gpus.length === 0) return 'No GPU was found on this machine; trials run on the CPU.'
  return null
}
