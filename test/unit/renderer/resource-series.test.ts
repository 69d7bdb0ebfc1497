// The resources panel's rows: CPU and RAM always, utilisation and memory per GPU, readings in
// words, a GPU missing from a sample drawn as a gap, and the plain sentence when there is none.
import { describe, expect, it } from 'vitest'
import type { GpuSample, SystemSample } from '@shared/system-sample'
import { gpuSentence, resourceSeries } from '../../../src-renderer/src/lib/resource-series'

const GiB = 1024 ** 3
const gpu = (utilization: number | null, used: number | null): GpuSample => ({
  vendor: 'NVIDIA',
  model: 'H200',
  utilization,
  memoryUsedMiB: used,
  memoryTotalMiB: 143_771,
  temperatureC: 40,
})
const sample = (time: number, gpus: GpuSample[], gpuNote: string | null = null): SystemSample => ({
  time,
  gpus,
  gpuNote,
  cpuLoad: 37.4,
  cpuCores: 16,
  memoryUsedBytes: 5 * GiB,
  memoryTotalBytes: 16 * GiB,
})

describe('resourceSeries', () => {
  it('has CPU and RAM without a GPU, and a sentence saying trials run on the CPU', () => {
    const s = sample(1, [])
    const series = resourceSeries([s])
    expect(series.map((x) => x.id)).toEqual(['cpu', 'ram'])
    expect(series[0]).toMatchObject({ label: 'CPU (16 cores)', max: 100, now: '37 %' })
    expect(series[1]).toMatchObject({ max: 16 * GiB, now: '5.00 GiB of 16.00 GiB' })
    expect(gpuSentence(s)).toMatch(/No GPU .* trials run on the CPU/)
  })

  it('adds utilisation and memory per GPU, a GPU absent from an older sample as a gap', () => {
    const series = resourceSeries([sample(1, []), sample(2, [gpu(80, 1024)])])
    expect(series.map((x) => x.id)).toEqual(['cpu', 'ram', 'gpu0-util', 'gpu0-mem'])
    expect(series[2].points).toEqual([
      { t: 1, v: null },
      { t: 2, v: 80 },
    ])
    expect(series[2].now).toBe('80 %')
    expect(series[3]).toMatchObject({ max: 143_771, now: '1.00 GiB of 140.40 GiB' })
  })

  it('says when the driver does not report a reading, and passes main’s note on', () => {
    const s = sample(
      1,
      [gpu(null, null)],
      'NVIDIA GPU found, but nvidia-smi did not report utilisation.',
    )
    const series = resourceSeries([s])
    expect(series[2].now).toBe('not reported')
    expect(series[3].now).toMatch(/^not reported/)
    expect(gpuSentence(s)).toMatch(/nvidia-smi/)
    expect(gpuSentence(sample(1, [gpu(1, 1)]))).toBeNull()
    expect(resourceSeries([])).toEqual([])
  })
})
