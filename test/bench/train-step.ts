// Train-step throughput of the engine: the 168→512→512→72 MLP (ReLU) with pinball loss over
// 24 × 3 quantiles, Adam, batch 32, at 1 and 2 threads, one step per run ("plain") and K = 8 / 32
// steps per run (ONNX Loop). When python3 with torch is installed, the identical PyTorch model
// runs alongside with the same thread count; rounds alternate between the two so both see the
// same machine load, and the best round of each is compared. Prints figures, asserts nothing.
//
//   npx tsx test/bench/train-step.ts [--seconds 2] [--rounds 3] [--provider cpu|webgpu|auto]
//                                    [--batch 32] [--width 512] [--threads 1,2] [--no-torch]

import type { GraphBuilder } from '../../src-main/engine/graph/graph'
import { linear } from '../../src-main/engine/graph/nn/linear'
import { pinballLoss } from '../../src-main/engine/graph/nn/losses'
import { reshape } from '../../src-main/engine/graph/ops/layout'
import { relu } from '../../src-main/engine/graph/ops/unary'
import type { Network } from '../../src-main/engine/graph/programs/network'
import {
  buildTrainLoop,
  buildTrainStep,
  buildTrainUnrolled,
} from '../../src-main/engine/graph/programs/train'
import { Rng } from '../../src-main/engine/rng'
import type { ProviderChoice } from '../../src-main/engine/graph/runtime/provider'
import { Runtime } from '../../src-main/engine/graph/runtime/runtime'
import { Trainer } from '../../src-main/engine/graph/runtime/trainer'
import { TorchProcess } from './torch-process'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const SECONDS = Number(arg('seconds', '2'))
const ROUNDS = Number(arg('rounds', '3'))
const PROVIDER = arg('provider', 'cpu') as ProviderChoice
const BATCH = Number(arg('batch', '32'))
const WIDTH = Number(arg('width', '512'))
const THREADS = arg('threads', '1,2').split(',').map(Number)
// Steps per run and how: one step; K steps in an ONNX Loop; K steps written out (unrolled).
const VARIANTS: [number, 'loop' | 'unrolled'][] = [
  [1, 'loop'],
  [8, 'loop'],
  [32, 'loop'],
  [8, 'unrolled'],
  [32, 'unrolled'],
]
const L = 168
const H = 24
const Q = 3

const net: Network = {
  forward(g: GraphBuilder) {
    let h = g.input('x', ['batch', L])
    h = relu(linear(h, WIDTH, 'fc1'))
    h = relu(linear(h, WIDTH, 'fc2'))
    return { q: reshape(linear(h, H * Q, 'out'), ['batch', H, Q]) }
  },
  loss: (g, out) =>
    pinballLoss(out.q, g.input('y', ['batch', H]), [0.1, 0.5, 0.9], { quantiles: 'sum' }),
}

interface Variant {
  label: string
  steps: number
  createSeconds: number
  trainer: Trainer
  batch: Parameters<Trainer['step']>[0]
}

async function variant(
  runtime: Runtime,
  steps: number,
  kind: 'loop' | 'unrolled',
): Promise<Variant> {
  const graph =
    steps === 1
      ? buildTrainStep(net)
      : kind === 'loop'
        ? buildTrainLoop(net, steps)
        : buildTrainUnrolled(net, steps)
  const t0 = performance.now()
  const trainer = await Trainer.create(runtime, graph, { seed: 42, key: `bench:${kind}:${steps}` })
  const createSeconds = (performance.now() - t0) / 1000
  const label = steps === 1 ? 'plain' : `${kind === 'loop' ? 'Loop' : 'unrolled'} K=${steps}`
  const rng = new Rng(1)
  const x = new Float32Array(steps * BATCH * L).map(() => rng.normal())
  const y = new Float32Array(steps * BATCH * H).map(() => rng.normal())
  const batch =
    steps === 1
      ? { x, y }
      : { x: { data: x, shape: [steps, BATCH, L] }, y: { data: y, shape: [steps, BATCH, H] } }
  for (let i = 0; i < Math.max(3, Math.ceil(64 / steps)); i++) await trainer.step(batch, 1e-4) // warm-up
  return { label, steps, createSeconds, trainer, batch }
}

/** Steps per wall-clock second and per CPU second of this process (the latter is what other
 * processes on shared cores cannot take away; with one thread it is the cleaner figure). */
async function rate(v: Variant): Promise<{ wall: number; cpu: number }> {
  let done = 0
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  while (performance.now() - t0 < SECONDS * 1000) {
    await v.trainer.step(v.batch, 1e-4)
    done += v.steps
  }
  const cpu = process.cpuUsage(c0)
  return {
    wall: done / ((performance.now() - t0) / 1000),
    cpu: done / ((cpu.user + cpu.system) / 1e6),
  }
}

const rows: string[][] = []
let torchVersion: string | undefined
let providerUsed = ''
console.log(
  `MLP ${L}→${WIDTH}→${WIDTH}→${H * Q}, pinball loss, Adam, batch ${BATCH}; best of ${ROUNDS} rounds × ${SECONDS} s`,
)
const best = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) => ({
  wall: Math.max(a.wall, b.wall),
  cpu: Math.max(a.cpu, b.cpu),
})
for (const threads of THREADS) {
  const runtime = await Runtime.create({
    provider: PROVIDER,
    threads,
    onNotice: (m) => console.log(`note: ${m}`),
  })
  providerUsed = runtime.provider
  const variants: Variant[] = []
  for (const [steps, kind] of VARIANTS) variants.push(await variant(runtime, steps, kind))
  // PyTorch MLP: threads, batch, width.
  const torch = args.includes('--no-torch')
    ? undefined
    : await TorchProcess.start('train-step-torch.py', threads, [BATCH, WIDTH])
  torchVersion = torch?.version ?? torchVersion
  const ours = new Map<Variant, { wall: number; cpu: number }>()
  let theirs = { wall: 0, cpu: 0 }
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of variants) {
      ours.set(v, best(ours.get(v) ?? { wall: 0, cpu: 0 }, await rate(v)))
      if (torch) theirs = best(theirs, await torch.rate(SECONDS))
    }
  }
  torch?.stop()
  await runtime.dispose()
  for (const v of variants) {
    const o = ours.get(v) as { wall: number; cpu: number }
    rows.push([
      String(threads),
      v.label,
      runtime.provider,
      v.createSeconds.toFixed(2),
      o.wall.toFixed(1),
      o.cpu.toFixed(1),
      torch ? theirs.wall.toFixed(1) : '-',
      torch ? theirs.cpu.toFixed(1) : '-',
      torch ? `${(o.wall / theirs.wall).toFixed(2)}×` : '-',
      torch ? `${(o.cpu / theirs.cpu).toFixed(2)}×` : '-',
    ])
  }
}
const header = [
  'threads',
  'variant',
  'provider',
  'session s',
  'steps/s',
  'steps/cpu-s',
  'torch steps/s',
  'torch /cpu-s',
  'ratio',
  'ratio cpu',
]
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padStart(widths[i])).join('  '))
console.log(
  torchVersion
    ? `PyTorch ${torchVersion}: same model, float32, one step per iteration. "ratio" compares wall-clock rates, "ratio cpu" rates per CPU second of each process.`
    : '(python3 with torch not found: no PyTorch comparison)',
)
console.log(`provider actually used: ${providerUsed}`)
