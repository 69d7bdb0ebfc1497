// Where the scheduler's trials run (execution plan) and when another GPU trial may start
// (GpuAdmission), against a scripted machine.

import { describe, expect, it } from 'vitest'
import { planExecution } from '../../../src-main/services/execution-plan'
import { GpuAdmission, MemoryEstimates } from '../../../src-main/services/gpu-admission'
import type { SystemSample } from '@shared/system-sample'
import type { TrialEnd } from '../../../src-main/worker/trial-process'

function machine(gpu: { used: number; total: number } | null): SystemSample {
  return {
    time: 0,
    gpus: gpu
      ? [
          {
            vendor: 'NVIDIA',
            model: 'H100',
            utilization: 10,
            memoryUsedMiB: gpu.used,
            memoryTotalMiB: gpu.total,
            temperatureC: 40,
          },
        ]
      : [],
    gpuNote: gpu ? null : 'No GPU was found on this machine; trials run on the CPU.',
    cpuLoad: 1,
    cpuCores: 2,
    memoryUsedBytes: 1,
    memoryTotalBytes: 2,
  }
}

const complete = (provider: 'cpu' | 'webgpu'): TrialEnd => ({
  state: 'complete',
  seconds: 1,
  peakRssBytes: 1,
  outcome: {
    state: 'complete',
    values: [1, 1],
    metrics: {},
    timings: {},
    provider,
    epochs: 1,
    steps: 1,
    parameterCount: 1,
    columns: ['y'],
    forecasts: [],
  },
})

describe('planExecution', () => {
  it('on a machine without a GPU, says so once and runs one worker per core on the CPU', () => {
    const plan = planExecution({ provider: 'auto', workers: null, cores: 2, system: machine(null) })
    expect(plan).toEqual({
      device: 'cpu',
      workers: 2,
      provider: 'cpu',
      note: 'No GPU was found on this machine; trials run on the CPU: 2 workers × 1 onnxruntime thread.',
    })
  })

  it('honours --workers and warns when they outnumber the cores', () => {
    const plan = planExecution({ provider: 'cpu', workers: 4, cores: 2, system: null })
    expect(plan.workers).toBe(4)
    expect(plan.note).toMatch(/More workers than cores \(2\)/)
  })

  it('with a GPU, keeps the provider and bounds the workers', () => {
    const system = machine({ used: 1000, total: 80_000 })
    const plan = planExecution({ provider: 'auto', workers: null, cores: 16, system })
    expect(plan).toMatchObject({ device: 'gpu', workers: 4, provider: 'auto' })
    expect(plan.note).toMatch(/H100 \(79000 of 80000 MiB free\)/)
  })
})

describe('GpuAdmission', () => {
  function admission(samples: { used: number; total: number }[]) {
    let i = 0
    let now = 0
    const source = {
      sample: async () => machine(samples[Math.min(i++, samples.length - 1)]),
    }
    const gate = new GpuAdmission('NHITS_Q', source, { settleMs: 10_000, now: () => now })
    return { gate, advance: (ms: number) => (now += ms) }
  }

  it('admits one GPU trial at a time until one has shown its memory use', async () => {
    const { gate } = admission([{ used: 1000, total: 80_000 }])
    expect(await gate.check(0)).toBeNull()
    gate.started(0)
    expect(await gate.check(1)).toMatch(
      /One GPU trial at a time until a NHITS_Q trial has finished/,
    )
  })

  it('learns a trial’s memory from the peak while it ran alone, then admits as many as fit', async () => {
    // Baseline 1000 MiB; the trial peaks at 5000: 4000 MiB per trial.
    const { gate, advance } = admission([
      { used: 1000, total: 20_000 },
      { used: 5000, total: 20_000 },
      { used: 1000, total: 20_000 },
      { used: 5000, total: 20_000 },
      { used: 13_000, total: 20_000 },
      { used: 13_000, total: 20_000 },
    ])
    expect(await gate.check(0)).toBeNull()
    gate.started(0)
    await gate.sample()
    gate.ended(0, complete('webgpu'))
    expect(gate.estimates.estimate('NHITS_Q')).toBe(4000)
    expect(await gate.check(0)).toBeNull()
    gate.started(1)
    advance(20_000)
    // 20000 − 5000 = 15000 free ≥ 4000 × 1.25 + 512.
    expect(await gate.check(1)).toBeNull()
    gate.started(2)
    // 7000 MiB free, but trial 2 just started and may not show yet: its 4000 count as used.
    expect(await gate.check(2)).toBe(
      'Waiting for GPU memory: 3000 MiB free, a NHITS_Q trial needs about 5512 MiB.',
    )
    advance(20_000)
    // 20000 − 13000 = 7000 ≥ 5512.
    expect(await gate.check(2)).toBeNull()
  })

  it('stops gating when the trials turn out to run on the CPU', async () => {
    const { gate } = admission([{ used: 1000, total: 80_000 }])
    gate.started(0)
    gate.ended(0, complete('cpu'))
    gate.started(1)
    expect(await gate.check(1)).toBeNull()
  })

  it('keeps the largest estimate per model', () => {
    const e = new MemoryEstimates()
    e.observe('NHITS_Q', 300)
    e.observe('NHITS_Q', 200)
    e.observe('TFT_Q', -5)
    expect(e.estimate('NHITS_Q')).toBe(300)
    expect(e.estimate('TFT_Q')).toBeNull()
  })
})
