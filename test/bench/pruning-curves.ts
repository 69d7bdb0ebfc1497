// The synthetic learning curves of test/bench/pruning.ts: what an NHITS_Q trial would report per
// epoch — walk-forward MAE, |PICP − 80| and the validation pinball loss — and tell at the end.
// No training; a model of training, fixed before the pruners were tuned against it.
//
// `powerLaw` (the benchmark's curves) — every configuration starts from the same untrained model
// and approaches its own asymptote:
//   y(t) = y∞ + (y₀ − y∞) · (1 + t/τ)^(−α),   t = 1…E epochs, α = 1.5,
// the shifted form of the "pow3" learning-curve family (y = c + a·t^(−α); Domhan, Springenberg &
// Hutter 2015, "Speeding up automatic hyperparameter optimization of deep neural networks by
// extrapolation of learning curves", and Klein et al. 2017, whose basis functions it is among).
// - Asymptotes: a DTLZ2-shaped trade-off in the parameters' unit coordinates — dropout plays the
//   trade-off angle, the architecture and weight decay a distance g to their optimum (weight
//   decay near 10^−5, 3 stacks, 2 blocks, 3 layers, width 512), plus an lr noise floor above
//   10^−3.3 — mapped to MAE∞ = 0.05 + 0.05·f1 and gap∞ = 20·f2.
// - Speed: τ = 1.5 · (10^−3 / lr)^½ epochs (0.5 at lr 10^−2, 15 at 10^−5). Adam's progress grows
//   with the learning rate, sub-linearly. So a low learning rate starts slow; whether it ends
//   well depends on how far from its asymptote 15 epochs leave it (lr 10^−3.5 does, 10^−5 not).
// - Start: MAE₀ = 0.3 for every configuration (an untrained network's error, 3–6× the final);
//   PICP₀ = 20 % (untrained quantile heads give narrow intervals). PICP moves from PICP₀ to
//   PICP∞ = 80 ∓ gap∞ on the same curve; about a third of the configurations end over-covering
//   (PICP∞ > 80), so their gap falls through 0 and rises again — early, they look better than
//   they end.
// - Overfitting: with little dropout and weight decay, MAE rises over the second half of
//   training (by up to 5 % at epoch E); the trial keeps its last epoch's weights, as Darts does.
// - Noise between epochs: AR(1) (φ = 0.5) — multiplicative on MAE (σ 2 % + 3 % × lr's unit
//   coordinate: higher learning rates wobble more), additive on PICP (σ 1.5 + 1.5 × u_lr points).
// - Validation pinball loss (the median pruner's scalar): MAE · (1 + gap/100), its own 2 % noise.
// - The trial tells its epoch-E values (noise included).
//
// `scaled` (the curves of the first version of this benchmark, kept as a second check): each
// objective is final · (1 + 1.5·e^(−t/τ)) × (1 + 3 % noise), τ from 1 (highest lr) to 6 epochs
// (lowest), with the final objectives of the same DTLZ2 shape (lr's distance from 10^−3.3 in g).

import { hashKeys, type Rng } from '../../src-main/engine/rng'
import type { SpaceCodec } from '../../src-main/engine/hpo/space-codec'
import type { TrialParams } from '../../src-main/engine/hpo/types'

export type CurveFamily = 'powerLaw' | 'scaled'
export const CURVE_FAMILIES: readonly CurveFamily[] = ['powerLaw', 'scaled']

export interface Epoch {
  /** [MAE, |PICP − 80|]. */
  objectives: [number, number]
  loss: number
}

/**
 * The objectives a complete trial tells: its last epoch's (Darts' rule), or those of the epoch
 * with the lowest loss (`kept`: what runTrial does since issue 12, the validation loss choosing).
 */
export function toldFinal(curve: readonly Epoch[], rule: 'last' | 'kept'): [number, number] {
  if (rule === 'last') return curve[curve.length - 1].objectives
  let best = curve[0]
  for (const e of curve) if (e.loss < best.loss) best = e
  return best.objectives
}

const LR_OPT = (Math.log(10 ** -3.3) - Math.log(1e-5)) / (Math.log(1e-2) - Math.log(1e-5))
const WD_OPT = (Math.log(1e-5) - Math.log(1e-7)) / (Math.log(1e-3) - Math.log(1e-7))

function unitOf(codec: SpaceCodec, params: TrialParams): (name: string) => number {
  return (name) => {
    const dim = codec.numeric.find((d) => d.name === name)
    if (!dim) throw new Error(`pruning bench: no numeric parameter ${name}`)
    return codec.toUnit(dim, params[name] as number)
  }
}

/** The architecture's and regularisation's distance from the best configuration. */
function architectureDistance(u: (name: string) => number, params: TrialParams): number {
  return (
    0.5 * (u('weight_decay') - WD_OPT) ** 2 +
    0.3 * (u('num_stacks') - 0.375) ** 2 +
    0.3 * (u('num_blocks') - 0.5) ** 2 +
    0.3 * (u('num_layers') - 0.5) ** 2 +
    (params.layer_widths === 512 ? 0 : 0.05)
  )
}

function tradeOff(g: number, u: (name: string) => number): [number, number] {
  const angle = (u('dropout') * Math.PI) / 2
  return [0.05 + 0.05 * (1 + g) * Math.cos(angle), 20 * (1 + g) * Math.sin(angle)]
}

/** A small deterministic hash of the parameters: which side of 80 % a configuration ends on. */
function paramsHash(params: TrialParams): number {
  const text = JSON.stringify(params)
  const codes = Array.from(text, (c) => c.charCodeAt(0))
  return hashKeys(...codes)
}

/** Standard normal draws, or zeros for the noise-free curve. */
type Draw = () => number

/**
 * The E epochs of one trial; `rng` is the trial's own noise stream, null for the noise-free
 * curve (what the bench's oracle knows).
 */
export function learningCurve(
  family: CurveFamily,
  codec: SpaceCodec,
  params: TrialParams,
  epochs: number,
  rng: Rng | null,
): Epoch[] {
  const u = unitOf(codec, params)
  const draw: Draw = rng ? () => rng.normal() : () => 0
  return family === 'powerLaw' ? powerLaw(u, params, epochs, draw) : scaled(u, params, epochs, draw)
}

function powerLaw(
  u: (name: string) => number,
  params: TrialParams,
  epochs: number,
  draw: Draw,
): Epoch[] {
  const g = architectureDistance(u, params) + 2 * Math.max(0, u('lr') - LR_OPT) ** 2
  const [mae, gap] = tradeOff(g, u)
  const overCovers = paramsHash(params) % 3 === 0
  const picp = overCovers ? 80 + gap : 80 - gap
  const lr = params.lr as number
  const tau = 1.5 * Math.sqrt(1e-3 / lr)
  const overfit = 0.1 * (1 - u('dropout')) ** 2 * (1 - u('weight_decay')) ** 2
  const [sigmaMae, sigmaPicp] = powerLawNoise(u)
  const out: Epoch[] = []
  let noiseMae = 0
  let noisePicp = 0
  for (let t = 1; t <= epochs; t++) {
    const left = (1 + t / tau) ** -1.5
    noiseMae = 0.5 * noiseMae + Math.sqrt(0.75) * draw()
    noisePicp = 0.5 * noisePicp + Math.sqrt(0.75) * draw()
    const rising = 1 + overfit * Math.max(0, t / epochs - 0.5)
    const cleanMae = (mae + (0.3 - mae) * left) * rising
    const cleanPicp = picp + (20 - picp) * left
    const m = cleanMae * (1 + sigmaMae * noiseMae)
    const p = cleanPicp + sigmaPicp * noisePicp
    out.push({
      objectives: [m, Math.abs(p - 80)],
      loss: cleanMae * (1 + Math.abs(cleanPicp - 80) / 100) * (1 + 0.02 * draw()),
    })
  }
  return out
}

const SCALED_NOISE = 0.03

/** Power-law curves' noise: MAE's relative sd and PICP's sd in points; higher lr wobbles more. */
function powerLawNoise(u: (name: string) => number): [number, number] {
  return [0.02 + 0.03 * u('lr'), 1.5 + 1.5 * u('lr')]
}

/**
 * The standard deviation of a trial's told final objectives around its noise-free ones (`clean`,
 * the noise-free curve's last epoch): what no forecast can know in advance. For |PICP − 80| it is
 * PICP's sd, exact away from 80.
 */
export function finalNoiseSd(
  family: CurveFamily,
  codec: SpaceCodec,
  params: TrialParams,
  clean: readonly number[],
): [number, number] {
  if (family === 'scaled') return [SCALED_NOISE * clean[0], SCALED_NOISE * clean[1]]
  const [mae, picp] = powerLawNoise(unitOf(codec, params))
  return [mae * clean[0], picp]
}

function scaled(
  u: (name: string) => number,
  params: TrialParams,
  epochs: number,
  draw: Draw,
): Epoch[] {
  const g = architectureDistance(u, params) + 2 * (u('lr') - LR_OPT) ** 2
  const final = tradeOff(g, u)
  const tau = 1 + 5 * (1 - u('lr'))
  const out: Epoch[] = []
  for (let t = 1; t <= epochs; t++) {
    const transient = 1 + 1.5 * Math.exp(-t / tau)
    const m = final[0] * transient * (1 + SCALED_NOISE * draw())
    const gap = final[1] * transient * (1 + SCALED_NOISE * draw())
    out.push({ objectives: [m, gap], loss: m / 0.05 + gap / 20 })
  }
  return out
}
