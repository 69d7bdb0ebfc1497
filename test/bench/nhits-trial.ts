// NHITS_Q throughput and a full trial (issue 4):
//
// 1. Train steps per second of the reference configuration — 3 stacks × 1 block × 2 layers,
//    width 512, batch 32, L = 168, H = 24, target only (D = 1) — as the trial trainer runs it
//    (K = 8 steps per Loop run) and one step per run, next to the same NHiTS in PyTorch when
//    python3 has torch (test/bench/nhits-trial-torch.py, Darts' computation written out). Rounds
//    alternate between the two so both see the same load; the best round of each is compared.
//    The same again with the heat demo's six channels (D = 6), what the trial below trains.
// 2. The wall time of a 15-epoch trial on the heat demo with the default parameters (the same
//    network at D = 6), validation and walk-forward included.
//
// The machine is shared: the load average is printed with every figure. Prints, asserts nothing.
//
//   npx tsx test/bench/nhits-trial.ts [--seconds 3] [--rounds 3] [--threads 1] [--epochs 15]
//                                     [--no-torch] [--no-trial] [--provider cpu|auto|webgpu]

import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readDataset } from '../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../src-main/engine/data/roles'
import { buildTrainLoop, buildTrainStep } from '../../src-main/engine/graph/programs/train'
import { Rng } from '../../src-main/engine/rng'
import type { ProviderChoice } from '../../src-main/engine/graph/runtime/provider'
import { Runtime } from '../../src-main/engine/graph/runtime/runtime'
import { Trainer } from '../../src-main/engine/graph/runtime/trainer'
import { nhits } from '../../src-main/engine/models/nhits'
import { resolveParams } from '../../src-main/engine/models/resolve-params'
import { runTrial } from '../../src-main/engine/train/run-trial'
import { TorchProcess } from './torch-process'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const SECONDS = Number(arg('seconds', '3'))
const ROUNDS = Number(arg('rounds', '3'))
const THREADS = Number(arg('threads', '1'))
const EPOCHS = Number(arg('epochs', '15'))
const PROVIDER = arg('provider', 'cpu') as ProviderChoice
const B = 32
const L = 168
const H = 24
const K = 8
const PARAMS = resolveParams(nhits, {}) // Darts' defaults: 3 stacks, 1 block, 2 layers, 512
const load = () =>
  `load ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`

interface Rate {
  wall: number
  cpu: number
}
const best = (a: Rate, b: Rate): Rate => ({
  wall: Math.max(a.wall, b.wall),
  cpu: Math.max(a.cpu, b.cpu),
})

/** Our trainer for D channels, K steps per run (K = 1: plain), on random data. */
async function ours(runtime: Runtime, channels: number, steps: number) {
  const dims = { inputLength: L, horizon: H, covariates: channels - 1, quantiles: [0.1, 0.5, 0.9] }
  const net = nhits.build(PARAMS, dims)
  const graph = steps === 1 ? buildTrainStep(net) : buildTrainLoop(net, steps)
  const trainer = await Trainer.create(runtime, graph, { seed: 42, key: `${channels}:${steps}` })
  const rng = new Rng(1)
  const x = new Float32Array(steps * B * L * channels).map(() => rng.uniform())
  const y = new Float32Array(steps * B * H).map(() => rng.uniform())
  const lead = steps === 1 ? [] : [steps]
  const batch = {
    x: { data: x, shape: [...lead, B, L, channels] },
    y: { data: y, shape: [...lead, B, H] },
  }
  for (let i = 0; i < Math.ceil(16 / steps); i++) await trainer.step(batch, 1e-3)
  return async (): Promise<Rate> => {
    let done = 0
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    while (performance.now() - t0 < SECONDS * 1000) {
      await trainer.step(batch, 1e-3)
      done += steps
    }
    const c = process.cpuUsage(c0)
    return {
      wall: done / ((performance.now() - t0) / 1000),
      cpu: done / ((c.user + c.system) / 1e6),
    }
  }
}

const runtime = await Runtime.create({ provider: PROVIDER, threads: THREADS })
console.log(
  `NHITS_Q train steps: 3 stacks × 1 block × 2 layers, width 512, batch ${B}, L ${L}, H ${H}, ` +
    `Adam, dropout 0.1, float32, ${THREADS} thread(s), provider ${runtime.provider}; ` +
    `best of ${ROUNDS} rounds × ${SECONDS} s`,
)
const rows: string[][] = []
for (const channels of [1, 6]) {
  const variants = [
    { label: `Loop K=${K}`, measure: await ours(runtime, channels, K) },
    { label: 'plain', measure: await ours(runtime, channels, 1) },
  ]
  // PyTorch NHiTS: threads, batch, width, channels, stacks, blocks, layers.
  const torch = args.includes('--no-torch')
    ? undefined
    : await TorchProcess.start('nhits-trial-torch.py', THREADS, [B, 512, channels, 3, 1, 2])
  if (torch) console.log(`PyTorch D=${channels}: ${torch.banner}`)
  const mine = variants.map(() => ({ wall: 0, cpu: 0 }))
  let theirs: Rate = { wall: 0, cpu: 0 }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, v] of variants.entries()) {
      mine[i] = best(mine[i], await v.measure())
      if (torch) theirs = best(theirs, await torch.rate(SECONDS))
    }
  }
  torch?.stop()
  const params = nhits.parameterCount(PARAMS, {
    inputLength: L,
    horizon: H,
    covariates: channels - 1,
    quantiles: [0.1, 0.5, 0.9],
  })
  variants.forEach((v, i) =>
    rows.push([
      `D=${channels}${channels === 1 ? ' (reference)' : ' (heat)'}`,
      params.total.toLocaleString('en'),
      v.label,
      mine[i].wall.toFixed(1),
      mine[i].cpu.toFixed(1),
      torch ? theirs.wall.toFixed(1) : '-',
      torch ? theirs.cpu.toFixed(1) : '-',
      torch ? `${(mine[i].wall / theirs.wall).toFixed(2)}×` : '-',
      torch ? `${(mine[i].cpu / theirs.cpu).toFixed(2)}×` : '-',
      load(),
    ]),
  )
}
await runtime.dispose()
const header = [
  'input',
  'params',
  'ours',
  'steps/s',
  'steps/cpu-s',
  'torch steps/s',
  'torch /cpu-s',
  'ratio',
  'ratio cpu',
  'machine',
]
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padStart(widths[i])).join('  '))
console.log(
  'PyTorch runs Darts’ computation (full forecast heads, every backcast); ours reads only the ' +
    'outputs the model keeps, with the same values. Debian’s torch links a generic BLAS, so the ' +
    'ratio may be inflated against an MKL/OpenBLAS-optimised PyTorch; steps per CPU second are ' +
    'the figures other load on the machine cannot take away.',
)

if (!args.includes('--no-trial')) {
  const heat = readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../../resources/datasets/heat.csv'),
  )
  const { series, profile } = readDataset(new Uint8Array(heat), {})
  console.log(
    `\nHeat demo trial, NHITS_Q defaults ${JSON.stringify(PARAMS)}, ${EPOCHS} epochs (${load()})`,
  )
  const c0 = process.cpuUsage()
  const r = await runTrial(
    { series, roles: defaultRoles(profile), timezone: profile.timezone },
    'NHITS_Q',
    {},
    { epochs: EPOCHS, provider: PROVIDER, threads: THREADS },
  )
  const c = process.cpuUsage(c0)
  const t = r.timings
  console.log(
    `wall ${t.total.toFixed(1)} s (prepare ${t.prepare.toFixed(2)}, build ${t.build.toFixed(2)}, ` +
      `train ${t.train.toFixed(1)}, per-epoch validation ${t.validate.toFixed(1)}, walk-forward ` +
      `${t.walkForward.toFixed(2)}), CPU ${((c.user + c.system) / 1e6).toFixed(1)} s, ${r.steps} ` +
      `steps = ${(r.steps / t.train).toFixed(1)} steps/s, provider ${r.provider} (${load()})`,
  )
  console.log(
    `MAE ${r.metrics.mae.toFixed(4)} MW, PICP ${r.metrics.picp.toFixed(2)} %, CRPS ` +
      `${r.metrics.crps.toFixed(4)}, per epoch MAE ` +
      r.intermediate.map((e) => e.objectives?.[0].toFixed(2)).join(' '),
  )
}
