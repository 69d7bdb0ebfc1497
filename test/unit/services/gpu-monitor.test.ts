import { describe, expect, it } from 'vitest'
import {
  GpuMonitor,
  NO_GPU_NOTE,
  sampleSystem,
  type SystemProbe,
  type SystemSample,
} from '../../../src-main/services/gpu-monitor'

function probe(controllers: object[] | Error): SystemProbe {
  return {
    graphics: () =>
      controllers instanceof Error
        ? Promise.reject(controllers)
        : Promise.resolve({ controllers: controllers as never[] }),
    currentLoad: () => Promise.resolve({ currentLoad: 42.123, cpus: [{}, {}] }),
    mem: () => Promise.resolve({ total: 16e9, active: 4e9 }),
  }
}

describe('system sampling', () => {
  it('reports an NVIDIA GPU as nvidia-smi describes it', async () => {
    const sample = await sampleSystem(
      probe([
        {
          vendor: 'NVIDIA',
          model: 'NVIDIA H100 80GB HBM3',
          utilizationGpu: 87,
          memoryUsed: 20480,
          memoryTotal: 81559,
          temperatureGpu: 61,
        },
      ]),
    )
    expect(sample.gpus).toEqual([
      {
        vendor: 'NVIDIA',
        model: 'NVIDIA H100 80GB HBM3',
        utilization: 87,
        memoryUsedMiB: 20480,
        memoryTotalMiB: 81559,
        temperatureC: 61,
      },
    ])
    expect(sample.gpuNote).toBeNull()
    expect(sample).toMatchObject({ cpuLoad: 42.1, cpuCores: 2, memoryUsedBytes: 4e9 })
  })

  it('says plainly when there is no GPU, or when it cannot be asked', async () => {
    expect((await sampleSystem(probe([]))).gpuNote).toBe(NO_GPU_NOTE)
    const failed = await sampleSystem(probe(new Error('lspci missing')))
    expect(failed.gpus).toEqual([])
    expect(failed.gpuNote).toMatch(/could not be queried/)
  })

  it('flags an NVIDIA card whose driver reports nothing', async () => {
    const sample = await sampleSystem(
      probe([{ vendor: 'NVIDIA Corporation', model: 'GA102', vram: 24576 }]),
    )
    expect(sample.gpus[0]).toMatchObject({ memoryTotalMiB: 24576, utilization: null })
    expect(sample.gpuNote).toMatch(/nvidia-smi/)
  })

  it('samples this very machine', async () => {
    const sample = await sampleSystem()
    expect(sample.cpuCores).toBeGreaterThan(0)
    expect(sample.memoryTotalBytes).toBeGreaterThan(sample.memoryUsedBytes)
    if (sample.gpus.length === 0) expect(sample.gpuNote).toBe(NO_GPU_NOTE)
  })

  it('polls at its interval until stopped', async () => {
    const samples: SystemSample[] = []
    const monitor = new GpuMonitor((s) => samples.push(s), probe([]))
    monitor.start(20)
    await expect.poll(() => samples.length).toBeGreaterThanOrEqual(3)
    monitor.stop()
    const count = samples.length
    await new Promise((r) => setTimeout(r, 80))
    expect(samples.length).toBeLessThanOrEqual(count + 1)
    expect(monitor.last?.gpuNote).toBe(NO_GPU_NOTE)
  })
})
