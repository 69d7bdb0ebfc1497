// Every sampler in the table passes the same conformance suite.

import { SAMPLER_MAKERS } from '../../../../../src-main/engine/hpo/samplers/registry'
import { SAMPLER_NAMES } from '../../../../../src-main/engine/hpo/samplers/sampler'
import { samplerConformance } from './sampler-conformance'

for (const name of SAMPLER_NAMES)
  samplerConformance(name, (budget) => SAMPLER_MAKERS[name](undefined, budget))

// Non-default set-ups get the suite too.
samplerConformance('tpe, classic per-parameter', () =>
  SAMPLER_MAKERS.tpe({ multivariate: false }, null),
)
samplerConformance('nsga2, population 6', (budget) =>
  SAMPLER_MAKERS.nsga2({ populationSize: 6 }, budget),
)
