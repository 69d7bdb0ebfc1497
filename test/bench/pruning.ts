// Pruning benchmark: how many epochs the median and dominance pruners save in a two-objective
// study, and what it costs in final Pareto hypervolume. Prints figures only; asserts nothing.
//
//   npx tsx test/bench/pruning.ts [--seeds 5] [--trials 60] [--epochs 15]
//
// The synthetic benchmark (no training; a model of learning curves):
// - space: the NHITS_Q default space (7 parameters: ints, a categorical, log floats);
// - final objectives: a DTLZ2-shaped trade-off in the parameters' unit coordinates — dropout
//   plays the trade-off angle, the other parameters a distance g to their optimum (lr near
//   10^-3.3, weight decay near 10^-5, 3 stacks, 2 blocks, 3 layers, width 512) —, mapped to
//   MAE = 0.05 + 0.05·f1 and |PICP − 80| = 20·f2;
// - learning curves: at epoch t (1…E) each objective is final·(1 + 1.5·e^(−t/τ)) times
//   multiplicative noise (σ 3 %), with τ from 1 epoch (highest lr) to 6 epochs (lowest lr), so
//   slow learners look bad early — the case where pruning can throw away a good trial. The trial
//   is told its epoch-E values. The scalar validation loss is MAE/0.05 + gap/20.
// - study: TPE, 60 trials run one after another, 15 epochs (the thesis's HPO budget), pruners
//   with 3 warm-up epochs and at least 5 complete trials; dominance k = 2.
// Epochs saved = 1 − epochs run / (trials × E). HV ratio = HV(final front, pruned run) /
// HV(final front, unpruned run, same seed), reference point (MAE 0.11, gap 22):
// 10 % beyond the nadir of the true front (MAE 0.1, gap 20).

import { defaultSearchSpace } from '../../src-main/engine/hpo/default-spaces'
import { hypervolume } from '../../src-main/engine/hpo/pareto'
import type { PrunerConfig } from '../../src-main/engine/hpo/pruners/registry'
import { Rng } from '../../src-main/engine/hpo/rng'
import { SpaceCodec } from '../../src-main/engine/hpo/space-codec'
import { Study } from '../../src-main/engine/hpo/study'
import { FORECAST_OBJECTIVES } from '../../src-main/engine/hpo/study-config'
import type { TrialParams } from '../../src-main/engine/hpo/types'

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const seeds = argument('seeds', 5)
const trials = argument('trials', 60)
const epochs = argument('epochs', 15)
const k = argument('k', 2)
const warmup = argument('warmup', 3)
const margin = argument('margin', 0.02)
const verbose = process.argv.includes('--verbose')
const space = defaultSearchSpace('NHITS_Q')
const codec = new SpaceCodec(space)
const REFERENCE = [0.11, 22]

/** Final [MAE, |PICP − 80|] and the learning-curve time constant of a configuration. */
function truth(params: TrialParams): { final: [number, number]; tau: number } {
  const u = (name: string) =>
    codec.toUnit(
      codec.numeric.find((d) => d.name === name)!,
      params[name] as number,
    )
  const lrOpt = (Math.log(10 ** -3.3) - Math.log(1e-5)) / (Math.log(1e-2) - Math.log(1e-5))
  const wdOpt = (Math.log(1e-5) - Math.log(1e-7)) / (Math.log(1e-3) - Math.log(1e-7))
  const g =
    2 * (u('lr') - lrOpt) ** 2 +
    0.5 * (u('weight_decay') - wdOpt) ** 2 +
    0.3 * (u('num_stacks') - 0.375) ** 2 +
    0.3 * (u('num_blocks') - 0.5) ** 2 +
    0.3 * (u('num_layers') - 0.5) ** 2 +
    (params.layer_widths === 512 ? 0 : 0.05)
  const angle = (u('dropout') * Math.PI) / 2
  const f1 = (1 + g) * Math.cos(angle)
  const f2 = (1 + g) * Math.sin(angle)
  return { final: [0.05 + 0.05 * f1, 20 * f2], tau: 1 + 5 * (1 - u('lr')) }
}

function curve(final: [number, number], tau: number, epoch: number, rng: Rng): [number, number] {
  const transient = 1 + 1.5 * Math.exp(-epoch / tau)
  return [
    final[0] * transient * (1 + 0.03 * rng.normal()),
    final[1] * transient * (1 + 0.03 * rng.normal()),
  ]
}

/**
 * One study. With `replay`, every trial's parameters are enqueued from that list, so pruned and
 * unpruned runs try exactly the same configurations and differ only in the pruning decisions.
 */
async function run(pruner: PrunerConfig, seed: number, replay: TrialParams[] | null = null) {
  const study = Study.create({
    name: 'pruning-bench',
    model: 'NHITS_Q',
    dataset: {
      hash: '-',
      name: 'synthetic',
      columns: [],
      target: '-',
      split: { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 },
    },
    space,
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'tpe' },
    pruner,
    seed,
    budget: { trials, seconds: null },
  })
  let epochsRun = 0
  let pruned = 0
  const tried: TrialParams[] = []
  while (study.canAsk()) {
    if (replay) await study.enqueue(replay[tried.length])
    const { trialId, params } = await study.ask()
    tried.push(params)
    const { final, tau } = truth(params)
    const rng = new Rng(seed, trialId, 0x70)
    let values: [number, number] = final
    let stopped = false
    for (let epoch = 1; epoch <= epochs; epoch++) {
      epochsRun++
      values = curve(final, tau, epoch, rng)
      const decision = study.report(trialId, epoch - 1, {
        loss: values[0] / 0.05 + values[1] / 20,
        objectives: values,
      })
      if (decision.prune && epoch < epochs) {
        stopped = true
        break
      }
    }
    if (stopped) {
      pruned++
      await study.tell(trialId, { state: 'pruned' })
    } else await study.tell(trialId, { state: 'complete', values })
  }
  const front = study.pareto().front.map((t) => t.values as number[])
  return {
    hv: hypervolume(front, REFERENCE),
    saved: 1 - epochsRun / (trials * epochs),
    pruned,
    tried,
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

async function main(): Promise<void> {
  console.log(`${trials} trials × ${epochs} epochs, TPE, ${seeds} seeds`)
  const pruners: [string, PrunerConfig][] = [
    ['median', { name: 'median', options: { warmupSteps: warmup, minCompleted: 5 } }],
    [
      'dominance',
      {
        name: 'dominance',
        options: { k, margin, warmupSteps: warmup, minCompleted: Math.max(5, k) },
      },
    ],
  ]
  const baselines = []
  for (let seed = 0; seed < seeds; seed++) baselines.push(await run({ name: 'none' }, seed))
  for (const replay of [true, false]) {
    console.log(
      replay
        ? '\nA. Same configurations as the unpruned run (replayed): only the pruning decisions differ'
        : '\nB. Adaptive: TPE reacts to the pruned trials, so the runs try different configurations',
    )
    for (const [label, config] of pruners) {
      const saved: number[] = []
      const ratios: number[] = []
      const lines: string[] = []
      for (let seed = 0; seed < seeds; seed++) {
        const base = baselines[seed]
        const r = await run(config, seed, replay ? base.tried : null)
        saved.push(r.saved)
        ratios.push(r.hv / base.hv)
        if (verbose)
          lines.push(
            `  seed ${seed}: pruned ${r.pruned}/${trials}, epochs saved ${(100 * r.saved).toFixed(1)} %, HV ${r.hv.toFixed(4)} vs ${base.hv.toFixed(4)} unpruned (ratio ${(r.hv / base.hv).toFixed(4)})`,
          )
      }
      if (lines.length > 0) console.log(`${label} pruner\n${lines.join('\n')}`)
      console.log(
        `  ${label.padEnd(9)} median over seeds: epochs saved ${(100 * median(saved)).toFixed(1)} %, HV ratio ${median(ratios).toFixed(4)} (goal: ≥ 30 % saved, ratio ≥ 0.98)`,
      )
    }
  }
}

await main()
