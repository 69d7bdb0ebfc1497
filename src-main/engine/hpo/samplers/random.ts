// Independent uniform draws in the codec's unit space: uniform for linear parameters, log-uniform
// for log ones, equal mass for every grid value and every categorical choice.

import { capabilityRefusal, type Sampler, type SamplerCapabilities } from './sampler'

const capabilities: SamplerCapabilities = {
  minObjectives: 1,
  maxObjectives: Infinity,
  paramKinds: ['float', 'int', 'categorical'],
  logScale: true,
  steps: true,
  adaptive: false,
  parallel: 'independent-draws',
}

export function createRandomSampler(): Sampler {
  return {
    name: 'random',
    capabilities,
    refusal: (setup) => capabilityRefusal('random', capabilities, setup),
    sample: ({ codec, rng }) => ({
      params: codec.decode(
        codec.numeric.map(() => rng.uniform()),
        codec.categorical.map((dim) => rng.int(dim.size)),
      ),
    }),
  }
}
