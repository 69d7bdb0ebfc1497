// What the dominance pruner costs per report as a study grows: the time of one decision at
// 50, 200 and 1,000 complete trials (the forecast learns from the 200 most recent), first with
// a hyperparameter fit, then with the fit reused. Prints figures only; asserts nothing.
//
//   npx tsx test/bench/pruning-cost.ts

import { performance } from 'node:perf_hooks'
import { defaultSearchSpace } from '../../src-main/engine/hpo/default-spaces'
import { createDominancePruner } from '../../src-main/engine/hpo/pruners/dominance'
import { Rng } from '../../src-main/engine/rng'
import { createRandomSampler } from '../../src-main/engine/hpo/samplers/random'
import { SpaceCodec } from '../../src-main/engine/hpo/space-codec'
import type { TrialRecord } from '../../src-main/engine/hpo/types'
import { learningCurve } from './pruning-curves'
import { trialRecord } from '../unit/engine/hpo/trial-record'

const EPOCHS = 15
const space = defaultSearchSpace('NHITS_Q')
const codec = new SpaceCodec(space)
const sampler = createRandomSampler()

function trialAt(number: number, complete: boolean, upTo: number): TrialRecord {
  const rng = new Rng(1, number, 0x51)
  const { params } = sampler.sample({
    codec,
    directions: ['minimize', 'minimize'],
    trials: [],
    trialNumber: number,
    seed: 1,
    rng,
  })
  const curve = learningCurve('powerLaw', codec, params, EPOCHS, rng)
  return trialRecord({
    number,
    state: complete ? 'complete' : 'running',
    params,
    values: complete ? curve[EPOCHS - 1].objectives : null,
    intermediate: curve
      .slice(0, upTo + 1)
      .map((e, step) => ({ step, loss: e.loss, objectives: e.objectives })),
  })
}

for (const n of [50, 200, 1000]) {
  const trials = Array.from({ length: n }, (_, i) => trialAt(i, true, EPOCHS - 1))
  const pruner = createDominancePruner()
  const times: number[] = []
  for (let k = 0; k < 6; k++) {
    const trial = trialAt(n + k, false, 5)
    const start = performance.now()
    pruner.prune({
      trial,
      step: 5,
      trials: [...trials, trial],
      directions: ['minimize', 'minimize'],
      codec,
    })
    times.push(performance.now() - start)
  }
  const reused = times.slice(1).sort((a, b) => a - b)[2]
  console.log(
    `${String(n).padStart(5)} complete trials: first decision (fits the GPs) ${times[0].toFixed(0)} ms, later ones (fit reused) ${reused.toFixed(1)} ms (median of 5)`,
  )
}
