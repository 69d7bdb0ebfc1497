// Pruning benchmark: how many epochs the median and dominance pruners save in a two-objective
// study, and what it costs in final Pareto hypervolume. Prints figures only; asserts nothing.
//
//   npx tsx test/bench/pruning.ts [--seeds 5] [--seed-offset 0] [--trials 60] [--epochs 15]
//                                 [--curves powerLaw,scaled] [--sampler tpe] [--verbose]
//                                 [--median '{"warmupSteps":3}'] [--dominance '{"maxChance":0.3}']
//                                 [--replay-only] [--why] [--only <pruner>] [--ceiling]
//                                 [--told last|kept]
//
// The synthetic benchmark: the NHITS_Q default space (7 parameters: ints, a categorical, log
// floats) and learning curves modelled in test/bench/pruning-curves.ts (power-law curves from a
// shared untrained start, lr-dependent speed, over-covering trials whose gap dips through zero,
// late overfitting, AR(1) noise between epochs; plus the first version's scaled curves). A study
// runs `trials` trials one after another, each reporting `epochs` epochs (15, the thesis's HPO
// budget): the pinball loss and the objective vector [MAE, |PICP − 80|].
// Epochs saved = 1 − epochs run / (trials × E). HV ratio = HV(final front, pruned run) /
// HV(final front, unpruned run, same seed), reference point (MAE 0.11, gap 22): 10 % beyond the
// nadir of the true front (MAE 0.1, gap 20). Two scenarios: (A) replayed — the pruned run tries
// exactly the unpruned run's configurations, so only the pruning decisions differ; (B) adaptive —
// the sampler reacts to the pruned trials, so the runs try different configurations.
// Reported seeds: 0–4. The pruners' defaults were tuned on seeds 100–119 (--seed-offset 100).
// "True HV ratio": the same ratio over the noise-free finals of the complete trials — the quality
// of the configurations found, which the benchmarker retrains, rather than of their lucky epochs.
// --ceiling adds two stopping rules driven by an omniscient forecast (each trial's noise-free
// final, with the told value's noise as its spread, optionally blurred) over a range of
// thresholds: what a rule can reach on this benchmark with a forecaster no pruner can have.

import { defaultSearchSpace } from '../../src-main/engine/hpo/default-spaces'
import { dominates, hypervolume, nonDominatedRanks } from '../../src-main/engine/hpo/pareto'
import { chanceNotDominated } from '../../src-main/engine/hpo/pruners/dominance'
import type { Forecast } from '../../src-main/engine/hpo/pruners/final-forecast'
import {
  frontStrips,
  logExpectedHypervolumeImprovement,
} from '../../src-main/engine/hpo/samplers/gp/hypervolume-improvement'
import { referencePoint } from '../../src-main/engine/hpo/samplers/gp/gp'
import type { PrunerConfig } from '../../src-main/engine/hpo/pruners/registry'
import { Rng } from '../../src-main/engine/rng'
import type { SamplerConfig } from '../../src-main/engine/hpo/samplers/registry'
import { SpaceCodec } from '../../src-main/engine/hpo/space-codec'
import { Study } from '../../src-main/engine/hpo/study'
import { FORECAST_OBJECTIVES } from '../../src-main/engine/hpo/study-config'
import type { TrialParams } from '../../src-main/engine/hpo/types'
import {
  CURVE_FAMILIES,
  finalNoiseSd,
  learningCurve,
  toldFinal,
  type CurveFamily,
} from './pruning-curves'
import { argument, median } from './bench-cli'

const seeds = Number(argument('seeds') ?? 5)
const seedOffset = Number(argument('seed-offset') ?? 0)
const trials = Number(argument('trials') ?? 60)
const epochs = Number(argument('epochs') ?? 15)
const families = (argument('curves') ?? CURVE_FAMILIES.join(',')).split(',') as CurveFamily[]
const sampler = { name: argument('sampler') ?? 'tpe' } as SamplerConfig
const medianOptions = JSON.parse(argument('median') ?? '{}')
const dominanceOptions = JSON.parse(argument('dominance') ?? '{}')
const verbose = process.argv.includes('--verbose')
// --why: in replayed runs, list every member of the unpruned front that a pruner stopped.
const why = process.argv.includes('--why')
const replayOnly = process.argv.includes('--replay-only')
const ceiling = process.argv.includes('--ceiling')
// --only <label>: run one of the pruners below (median, dominance, dom-0.6) and skip the controls.
const only = argument('only')
// --told kept: a complete trial tells the objectives of its lowest-loss epoch, as trials do since
// issue 12 (default last: the epoch-15 values the tables in src-main/engine/hpo/README.md use).
const told = (argument('told') ?? 'last') as 'last' | 'kept'
if (told !== 'last' && told !== 'kept') throw new Error('--told is last or kept')
const space = defaultSearchSpace('NHITS_Q')
const codec = new SpaceCodec(space)
const REFERENCE = [0.11, 22]

interface RunResult {
  seed: number
  hv: number
  /** HV of the noise-free finals of the complete trials. */
  trueHv: number
  saved: number
  pruned: number
  tried: TrialParams[]
  finals: [number, number][]
}

/**
 * One study. With `replay`, every trial's parameters are enqueued from that list, so pruned and
 * unpruned runs try exactly the same configurations and differ only in the pruning decisions.
 */
async function run(
  family: CurveFamily,
  pruner: PrunerConfig,
  seed: number,
  replay: TrialParams[] | null = null,
): Promise<RunResult> {
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
    sampler,
    pruner,
    seed,
    budget: { trials, seconds: null },
  })
  let epochsRun = 0
  let pruned = 0
  const prunedLog: {
    trialId: number
    epoch: number
    final: number[]
    clean: number[]
    lr: number
    complete: number
    /** The pruner's reason, with its forecast. */
    reason: string
  }[] = []
  const tried: TrialParams[] = []
  const finals: [number, number][] = []
  const cleanComplete: number[][] = []
  while (study.canAsk()) {
    if (replay) await study.enqueue(replay[tried.length])
    const { trialId, params } = await study.ask()
    tried.push(params)
    const curve = learningCurve(family, codec, params, epochs, new Rng(seed, trialId, 0x70))
    finals.push(toldFinal(curve, told))
    let stopped = false
    let epoch = 1
    for (; epoch <= epochs; epoch++) {
      epochsRun++
      const { loss, objectives } = curve[epoch - 1]
      const decision = study.report(trialId, epoch - 1, { loss, objectives })
      if (decision.prune && epoch < epochs) {
        stopped = true
        break
      }
    }
    if (stopped) {
      pruned++
      const complete = study.trials.filter((t) => t.state === 'complete').length
      await study.tell(trialId, { state: 'pruned' })
      if (why)
        prunedLog.push({
          trialId,
          epoch,
          final: toldFinal(curve, told),
          clean: cleanFinal(family, params),
          lr: params.lr as number,
          complete,
          reason: study.trials[trialId].prunedReason ?? '',
        })
    } else {
      cleanComplete.push(cleanFinal(family, params))
      await study.tell(trialId, { state: 'complete', values: toldFinal(curve, told) })
    }
  }
  const front = study.pareto().front.map((t) => t.values as number[])
  if (replay && why) {
    const baseFront = frontOf(finals)
    for (const e of prunedLog)
      if (baseFront.some((f) => f[0] === e.final[0] && f[1] === e.final[1]))
        console.log(
          `      lost front member: trial ${e.trialId} at epoch ${e.epoch} (complete ${e.complete}), final ${e.final.map((v) => v.toFixed(3))}, clean ${e.clean.map((v) => v.toFixed(3))}, lr ${e.lr.toExponential(1)}\n        ${e.reason}`,
        )
  }
  return {
    seed,
    hv: hypervolume(front, REFERENCE),
    trueHv: hypervolume(frontOf(cleanComplete), REFERENCE),
    saved: 1 - epochsRun / (trials * epochs),
    pruned,
    tried,
    finals,
  }
}

const cleanFinal = (family: CurveFamily, params: TrialParams) =>
  learningCurve(family, codec, params, epochs, null)[epochs - 1].objectives

const frontOf = (points: number[][]) => {
  const ranks = nonDominatedRanks(points)
  return points.filter((_, i) => ranks[i] === 0)
}

interface OracleResult {
  saved: number
  ratio: number
  trueRatio: number
}

/** Saved share and HV ratios (told and noise-free) of the trials a replayed oracle kept. */
function oracleResult(
  base: RunResult,
  saved: number,
  kept: number[][],
  keptClean: number[][],
): OracleResult {
  return {
    saved: saved / (trials * epochs),
    ratio: hypervolume(frontOf(kept), REFERENCE) / base.hv,
    trueRatio: hypervolume(frontOf(keptClean), REFERENCE) / base.trueHv,
  }
}

/**
 * A replayed run in which each trial is stopped at epoch 4 or not at all, by `stop(trial, its
 * noise-free final, that final's noise sd, the told finals kept so far)`, asked only once `least`
 * trials have been kept (complete).
 */
function replayDecidingOnce(
  family: CurveFamily,
  base: RunResult,
  least: number,
  stop: (trial: number, clean: number[], noise: number[], kept: number[][]) => boolean,
): OracleResult {
  const kept: number[][] = []
  const keptClean: number[][] = []
  let saved = 0
  base.tried.forEach((params, i) => {
    const clean = cleanFinal(family, params)
    const noise = finalNoiseSd(family, codec, params, clean)
    if (kept.length >= least && stop(i, clean, noise, kept)) saved += epochs - 4
    else {
      kept.push(base.finals[i])
      keptClean.push(clean)
    }
  })
  return oracleResult(base, saved, kept, keptClean)
}

/**
 * The rule the issue first described: stop a trial at the first epoch (from epoch 4, once 8 trials
 * have completed) at which the objective vectors of at least `k` complete trials at that same
 * epoch dominate its own. Early vectors are a poor guide to final ones (slow starters, gaps that
 * dip through 0 and rise again), which is why the dominance pruner forecasts instead.
 */
function sameEpochDominance(family: CurveFamily, base: RunResult, k: number): OracleResult {
  const keptCurves: number[][][] = []
  const kept: number[][] = []
  const keptClean: number[][] = []
  let saved = 0
  base.tried.forEach((params, i) => {
    const curve = learningCurve(family, codec, params, epochs, new Rng(base.seed, i, 0x70))
    let stoppedAt = 0
    for (let epoch = 4; keptCurves.length >= 8 && epoch < epochs && !stoppedAt; epoch++) {
      const mine = curve[epoch - 1].objectives
      const dominating = keptCurves.filter((c) => dominates(c[epoch - 1], mine)).length
      if (dominating >= k) stoppedAt = epoch
    }
    if (stoppedAt) saved += epochs - stoppedAt
    else {
      keptCurves.push(curve.map((e) => e.objectives))
      kept.push(base.finals[i])
      keptClean.push(cleanFinal(family, params))
    }
  })
  return oracleResult(base, saved, kept, keptClean)
}

/**
 * A pruner that knows each trial's noise-free final values: at epoch 4 it stops every trial whose
 * noise-free final, made better by `margin` noise standard deviations, is dominated by the front
 * of the trials completed so far (told values, noise included), once 5 have completed. What is
 * left to lose comes from the noise in the told values alone.
 */
function cleanOracle(family: CurveFamily, base: RunResult, margin: number): OracleResult {
  return replayDecidingOnce(family, base, 5, (_, clean, noise, kept) => {
    const better = [clean[0] - margin * noise[0], Math.max(0, clean[1] - margin * noise[1])]
    return frontOf(kept).some((f) => dominates(f, better))
  })
}

/**
 * A stopping rule fed by a forecast of the final values (as losses): the dominance pruner's
 * (P(not dominated by the front) < maxChance × steps left / E), or one on the expected
 * hypervolume improvement (EHVI / HV of the front < lambda × steps left / E, reference point the
 * GP sampler's: the front's nadir plus 10 % of the spread told), which weighs a front member by
 * the area it would add.
 */
type Rule = { kind: 'chance'; maxChance: number } | { kind: 'ehvi'; lambda: number }

function ruleStops(rule: Rule, kept: number[][], forecast: Forecast): boolean {
  const share = (epochs - 4) / epochs
  if (rule.kind === 'chance') return chanceNotDominated(kept, forecast) < rule.maxChance * share
  const ref = referencePoint(frontOf(kept), kept)
  const strips = frontStrips(kept, ref)
  const ehvi = Math.exp(logExpectedHypervolumeImprovement(strips, ref, forecast.mean, forecast.sd))
  return ehvi / hypervolume(strips, ref) < rule.lambda * share
}

/**
 * `rule` at the dominance pruner's first decision (epoch 4, after 8 complete trials) driven by an
 * omniscient forecast: the noise-free final as the mean and the told value's noise sd as the
 * spread, both blurred by `blur` ≥ 1 — the mean moved by a draw of sd √(blur² − 1) × noise and the
 * spread widened to blur × noise, so the forecast stays calibrated but is that much less sharp.
 * With a forecast that does not change from step to step and a threshold that shrinks, the first
 * decision is the only one that can stop a trial.
 */
function omniscientRule(
  family: CurveFamily,
  base: RunResult,
  rule: Rule,
  blur: number,
): OracleResult {
  return replayDecidingOnce(family, base, 8, (trial, clean, noise, kept) => {
    const draw = new Rng(base.seed, trial, 0x99)
    const shift = noise.map((n) => n * Math.sqrt(blur * blur - 1) * draw.normal())
    const forecast = {
      mean: clean.map((c, k) => c + shift[k]),
      sd: noise.map((n) => n * blur),
      learnedFrom: kept.length,
    }
    return ruleStops(rule, kept, forecast)
  })
}

/** Medians over seeds: epochs saved, HV ratio with its worst seed, true HV ratio. */
function summary(results: OracleResult[]): string {
  const ratios = results.map((r) => r.ratio)
  return `epochs saved ${(100 * median(results.map((r) => r.saved))).toFixed(1)} %, HV ratio ${median(ratios).toFixed(4)}, worst seed ${Math.min(...ratios).toFixed(4)}, true HV ratio ${median(results.map((r) => r.trueRatio)).toFixed(4)}`
}

const goal = (results: OracleResult[]) =>
  median(results.map((r) => r.saved)) >= 0.3 && median(results.map((r) => r.ratio)) >= 0.98
    ? ' — goal (≥ 30 %, ≥ 0.98) met'
    : ' — goal (≥ 30 %, ≥ 0.98) MISSED'

async function main(): Promise<void> {
  const seedList = Array.from({ length: seeds }, (_, i) => seedOffset + i)
  console.log(
    `${trials} trials × ${epochs} epochs, ${sampler.name}, seeds ${seedList[0]}–${seedList.at(-1)}`,
  )
  const pruners: [string, PrunerConfig][] = [
    ['median', { name: 'median', options: medianOptions }],
    ['dominance', { name: 'dominance', options: dominanceOptions }],
    // A bolder setting, for the trade-off: the most saving one that kept the power-law curves
    // alone ≥ 0.98 on seeds 100–119.
    ['dom-0.6', { name: 'dominance', options: { ...dominanceOptions, maxChance: 0.6 } }],
  ].filter(([label]) => !only || label === only) as [string, PrunerConfig][]
  for (const family of families) {
    console.log(`\n== ${family} curves ==`)
    const baselines: RunResult[] = []
    for (const seed of seedList) baselines.push(await run(family, { name: 'none' }, seed))
    // How much the final HV moves between two unpruned runs whose sampler paths differ (another
    // seed): the noise floor of any adaptive comparison.
    if (!only) {
      const control: number[] = []
      const trueControl: number[] = []
      for (const [i, seed] of seedList.entries()) {
        const other = await run(family, { name: 'none' }, seed + 1000)
        control.push(other.hv / baselines[i].hv)
        trueControl.push(other.trueHv / baselines[i].trueHv)
      }
      const sorted = [...control].sort((a, b) => a - b)
      console.log(
        `Control, no pruning, another sampler seed: HV ratio median ${median(control).toFixed(4)}, range ${sorted[0].toFixed(4)}–${sorted.at(-1)?.toFixed(4)}, true HV ratio median ${median(trueControl).toFixed(4)}`,
      )
    }
    for (const replay of replayOnly ? [true] : [true, false]) {
      console.log(
        replay
          ? 'A. Replayed: the unpruned run’s configurations; only the pruning decisions differ'
          : 'B. Adaptive: the sampler reacts to the pruned trials',
      )
      if (replay && !only) {
        for (const margin of [0, 0.5]) {
          const oracle = baselines.map((b) => cleanOracle(family, b, margin))
          console.log(
            `  (oracle that knows each trial's noise-free final at epoch 4${margin ? `, stopping it only when ${margin} noise sd better would still be dominated` : ''}: ${summary(oracle)})`,
          )
        }
        for (const k of [1, 3, 5, 10]) {
          const literal = baselines.map((b) => sameEpochDominance(family, b, k))
          console.log(
            `  (stop when ≥ ${k} complete trials dominate the trial at the same epoch: ${summary(literal)})`,
          )
        }
      }
      if (replay && ceiling) {
        const rules: Rule[] = [
          ...[0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((maxChance) => ({
            kind: 'chance' as const,
            maxChance,
          })),
          ...[0.002, 0.003, 0.004, 0.005, 0.007, 0.01].map((lambda) => ({
            kind: 'ehvi' as const,
            lambda,
          })),
        ]
        for (const blur of [1, 1.2])
          for (const rule of rules) {
            const oracle = baselines.map((b) => omniscientRule(family, b, rule, blur))
            const name =
              rule.kind === 'chance' ? `chance rule ${rule.maxChance}` : `EHVI rule ${rule.lambda}`
            console.log(
              `  (${name}, omniscient forecast${blur > 1 ? ` blurred ×${blur}` : ''}: ${summary(oracle)}${goal(oracle)})`,
            )
          }
      }
      for (const [label, config] of pruners) {
        const results: OracleResult[] = []
        for (const [i, seed] of seedList.entries()) {
          const base = baselines[i]
          const r = await run(family, config, seed, replay ? base.tried : null)
          results.push({ saved: r.saved, ratio: r.hv / base.hv, trueRatio: r.trueHv / base.trueHv })
          if (verbose)
            console.log(
              `    ${label} seed ${seed}: pruned ${r.pruned}/${trials}, epochs saved ${(100 * r.saved).toFixed(1)} %, HV ${r.hv.toFixed(4)} vs ${base.hv.toFixed(4)} (ratio ${(r.hv / base.hv).toFixed(4)})`,
            )
        }
        console.log(`  ${label.padEnd(9)} median over seeds: ${summary(results)}${goal(results)}`)
      }
    }
  }
}

await main()
