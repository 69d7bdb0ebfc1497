// Forecast of a running trial's final objective values from what it has reported so far,
// learned from the complete trials at the same step.
//
// Per objective, a Gaussian process (the GP sampler's: Matérn 5/2, one length scale per input,
// MAP hyperparameters) regresses the improvement still to come — the final value minus the best
// value so far at step s, in logs for an objective whose values are positive and span less than
// a factor 10 (MAE), plain otherwise (|PICP − 80| passes through 0) — on
// - each objective's recent progress: the change of its best-so-far over the last `window` steps,
// - the validation loss's recent progress and level (in logs), when trials report it: it is a
//   smoother signal of how far training has come than the objectives, which wobble per epoch,
// - the trial's parameters in unit coordinates (one-hot categories): the learning rate above all
//   sets how fast a curve falls, so trials of similar parameters are compared first.
// Curve features are scaled to [0, 1] over the trials used. The forecast's spread is the GP's
// posterior spread plus its noise, because the told value is one more noisy epoch, and is widened
// further when the GP's leave-one-out errors on the complete trials exceed its own spread (a GP
// fitted to a dozen points in a dozen dimensions tends to believe itself). The noise prior sits
// higher than the sampler's (e^−2 rather than e^−8 of the target variance): what is left of a
// curve is never a noiseless function of its start.
//
// Fitting costs O(n³) per evaluation, so the fit reads the `maxTrials` most recent complete
// trials and reuses its hyperparameters per (step, objective) until the study has 10 % more
// complete trials.

import type { SpaceCodec } from '../space-codec'
import {
  fitHyper,
  GaussianProcess,
  priorHyper,
  type GpHyper,
} from '../samplers/gp/gaussian-process'
import { gpInput } from '../samplers/gp/gp-input'
import type { TrialRecord } from '../types'
import { reportAt } from './pruner'

/** The final values' forecast, as losses (maximised objectives negated). */
export interface Forecast {
  mean: number[]
  sd: number[]
  /** Complete trials the forecast was learned from. */
  learnedFrom: number
}

export interface ForecastOptions {
  window: number
  maxTrials: number
}

const NOISE_PRIOR_MEAN = -2
const FIT_EVALUATIONS = 30
const REFIT_GROWTH = 1.1

/** Best value so far per objective (as losses), over steps ≤ s; null when none was reported. */
export function bestSoFar(
  trial: TrialRecord,
  step: number,
  sign: readonly number[],
): number[] | null {
  let best: number[] | null = null
  for (const r of trial.intermediate) {
    if (r.step > step) break
    if (!r.objectives) continue
    const v = r.objectives.map((x, i) => sign[i] * x)
    best = best ? best.map((b, i) => Math.min(b, v[i])) : v
  }
  return best
}

/** What the forecast reads of one trial at step s. */
interface Reading {
  trial: TrialRecord
  now: number[]
  before: number[]
  /** Log validation loss at s and its change over the window, when the study reports it. */
  loss: number[]
}

function positiveLoss(trial: TrialRecord, step: number): number | null {
  const loss = reportAt(trial, step)?.loss
  return loss !== undefined && loss !== null && loss > 0 ? loss : null
}

function read(
  trial: TrialRecord,
  step: number,
  window: number,
  sign: readonly number[],
  withLoss: boolean,
): Reading | null {
  const now = bestSoFar(trial, step, sign)
  const before = bestSoFar(trial, step - window, sign)
  if (!now || !before) return null
  if (!withLoss) return { trial, now, before, loss: [] }
  const l = positiveLoss(trial, step)
  const b = positiveLoss(trial, step - window)
  if (l === null || b === null) return null
  return { trial, now, before, loss: [Math.log(l) - Math.log(b), Math.log(l)] }
}

/** Log scale for an objective whose values are all positive within a factor 10. */
export function logScales(values: number[][]): boolean[] {
  return values[0].map((_, i) => {
    const column = values.map((v) => v[i])
    const low = Math.min(...column)
    return low > 0 && Math.max(...column) < 10 * low
  })
}

export class FinalForecaster {
  private readonly fits = new Map<string, { hyper: GpHyper; completed: number }>()

  constructor(private readonly options: ForecastOptions) {}

  /**
   * The forecast for `trial` at `step`, or null when fewer than `minCompleted` complete trials
   * reported what the trial reported.
   */
  forecast(
    trial: TrialRecord,
    step: number,
    complete: readonly TrialRecord[],
    sign: readonly number[],
    minCompleted: number,
    codec: SpaceCodec | undefined,
  ): Forecast | null {
    const { window, maxTrials } = this.options
    const withLoss =
      positiveLoss(trial, step) !== null && positiveLoss(trial, step - window) !== null
    const me = read(trial, step, window, sign, withLoss)
    if (!me) return null
    const refs: Reading[] = []
    for (let c = complete.length - 1; c >= 0 && refs.length < maxTrials; c--) {
      const r = complete[c].values ? read(complete[c], step, window, sign, withLoss) : null
      if (r) refs.push(r)
    }
    if (refs.length < minCompleted) return null
    const finals = refs.map((r) => r.trial.values!.map((v, i) => sign[i] * v))
    const all = [...refs, me]
    const logScale = logScales([...all.map((r) => r.now), ...all.map((r) => r.before), ...finals])
    const scale = (v: number, i: number) => (logScale[i] ? Math.log(v) : v)
    const curves = all.map((r) => [
      ...r.now.map((v, i) => scale(v, i) - scale(r.before[i], i)),
      ...r.loss,
    ])
    const width = curves[0].length
    const low = Array.from({ length: width }, (_, j) => Math.min(...curves.map((c) => c[j])))
    const high = Array.from({ length: width }, (_, j) => Math.max(...curves.map((c) => c[j])))
    const inputs = all.map((r, k) => {
      const x = curves[k].map((v, j) =>
        high[j] > low[j] ? (v - low[j]) / (high[j] - low[j]) : 0.5,
      )
      if (codec) x.push(...gpInput(codec, codec.encode(r.trial.params)))
      return Float64Array.from(x)
    })
    const query = inputs.pop()!
    const mean: number[] = []
    const sd: number[] = []
    sign.forEach((_, i) => {
      const ahead = refs.map((r, c) => scale(finals[c][i], i) - scale(r.now[i], i))
      const hyper = this.hyperFor(`${step}:${i}`, inputs, ahead, complete.length)
      const gp = new GaussianProcess(inputs, ahead, hyper)
      const p = gp.predict(query)
      const spread = Math.sqrt(p.sd ** 2 + gp.noiseSd ** 2) * Math.max(1, gp.leaveOneOutScale())
      // Never forecast a worsening: a trial is not stopped for wobbles the complete ones had.
      const centre = scale(me.now[i], i) + Math.min(0, p.mean)
      mean.push(logScale[i] ? Math.exp(centre) : centre)
      sd.push(logScale[i] ? Math.exp(centre) * spread : spread)
    })
    return { mean, sd, learnedFrom: refs.length }
  }

  /** Hyperparameters refitted once the study has 10 % more complete trials than at the last fit. */
  private hyperFor(key: string, xs: Float64Array[], y: number[], completed: number): GpHyper {
    const dims = xs[0].length
    const cached = this.fits.get(key)
    const fits = cached?.hyper.logLengthscales.length === dims
    if (cached && fits && completed < REFIT_GROWTH * cached.completed) return cached.hyper
    const start = cached && fits ? cached.hyper : priorHyper(dims)
    const hyper = fitHyper(xs, y, start, FIT_EVALUATIONS, NOISE_PRIOR_MEAN)
    this.fits.set(key, { hyper, completed })
    return hyper
  }
}
