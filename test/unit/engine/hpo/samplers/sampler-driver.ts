// A minimal ask-and-tell loop around one sampler, without Study, for sampler tests.

import { Rng } from '../../../../../src-main/engine/rng'
import type { SearchSpace } from '../../../../../src-main/engine/hpo/search-space'
import { SpaceCodec } from '../../../../../src-main/engine/hpo/space-codec'
import type { Sampler } from '../../../../../src-main/engine/hpo/samplers/sampler'
import type {
  Direction,
  TrialParams,
  TrialRecord,
  TrialState,
} from '../../../../../src-main/engine/hpo/types'
import { trialRecord } from '../trial-record'

export class SamplerDriver {
  readonly trials: TrialRecord[] = []
  private readonly codec: SpaceCodec

  constructor(
    readonly sampler: Sampler,
    readonly space: SearchSpace,
    readonly directions: Direction[],
    readonly seed: number,
  ) {
    this.codec = new SpaceCodec(space)
  }

  ask(): TrialRecord {
    const number = this.trials.length
    const suggestion = this.sampler.sample({
      codec: this.codec,
      directions: this.directions,
      trials: this.trials,
      trialNumber: number,
      seed: this.seed,
      rng: new Rng(this.seed, 7, number),
    })
    const trial = trialRecord({
      number,
      params: suggestion.params,
      startedAt: '2026-01-01T00:00:00.000Z',
      samplerData: suggestion.samplerData ?? {},
    })
    this.trials.push(trial)
    return trial
  }

  tell(trial: TrialRecord, state: TrialState, values: number[] | null = null): void {
    trial.state = state
    trial.values = state === 'complete' ? values : null
    if (state === 'failed') trial.error = { code: 'TEST', message: 'failed on purpose' }
  }

  /** Runs n sequential trials with the objective; returns the parameters in order. */
  run(n: number, objective: (p: TrialParams, i: number) => number[]): TrialParams[] {
    const out: TrialParams[] = []
    for (let i = 0; i < n; i++) {
      const trial = this.ask()
      out.push(trial.params)
      this.tell(trial, 'complete', objective(trial.params, i))
    }
    return out
  }
}
