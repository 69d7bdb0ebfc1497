// Parameter initialisers, named after the PyTorch functions whose distributions they reproduce
// (not their random streams: the generator here is our own, seeded per parameter name).

import { GraphError } from './errors'
import { Rng } from '../rng'

export type Init =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'values'; values: ArrayLike<number> }

export const init = {
  zeros: (): Init => ({ kind: 'constant', value: 0 }),
  ones: (): Init => ({ kind: 'constant', value: 1 }),
  constant: (value: number): Init => ({ kind: 'constant', value }),
  uniform: (low: number, high: number): Init => ({ kind: 'uniform', low, high }),
  normal: (std: number, mean = 0): Init => ({ kind: 'normal', mean, std }),
  values: (values: ArrayLike<number>): Init => ({ kind: 'values', values }),
  /**
   * PyTorch's nn.Linear / nn.Conv default for weights *and* biases: kaiming_uniform(a=√5) gives
   * bound = √(2/(1+5)) · √(3/fan_in) = 1/√fan_in, and the bias uses the same bound.
   */
  torchDefault: (fanIn: number): Init => {
    const b = 1 / Math.sqrt(fanIn)
    return { kind: 'uniform', low: -b, high: b }
  },
  /** kaiming_uniform_(a, mode='fan_in', nonlinearity='leaky_relu'). */
  kaimingUniform: (fanIn: number, a = Math.sqrt(5)): Init => {
    const b = Math.sqrt(2 / (1 + a * a)) * Math.sqrt(3 / fanIn)
    return { kind: 'uniform', low: -b, high: b }
  },
  /** kaiming_normal_ with gain √2 (relu) or √(2/(1+a²)) (leaky_relu); `fan` per the mode used. */
  kaimingNormal: (fan: number, a = 0): Init => ({
    kind: 'normal',
    mean: 0,
    std: Math.sqrt(2 / (1 + a * a)) / Math.sqrt(fan),
  }),
  xavierUniform: (fanIn: number, fanOut: number, gain = 1): Init => {
    const b = gain * Math.sqrt(6 / (fanIn + fanOut))
    return { kind: 'uniform', low: -b, high: b }
  },
}

/** Draws `size` values of an initialiser from the stream for (seed, name). */
export function initialize(spec: Init, size: number, seed: number, name: string): Float64Array {
  const out = new Float64Array(size)
  switch (spec.kind) {
    case 'constant':
      return out.fill(spec.value)
    case 'values':
      if (spec.values.length !== size) {
        throw new GraphError(
          'BAD_ARGUMENT',
          `init.values for "${name}": ${spec.values.length} values, want ${size}`,
        )
      }
      out.set(spec.values)
      return out
    case 'uniform': {
      const rng = new Rng(seed, name)
      for (let i = 0; i < size; i++) out[i] = spec.low + (spec.high - spec.low) * rng.uniform()
      return out
    }
    case 'normal': {
      const rng = new Rng(seed, name)
      for (let i = 0; i < size; i++) out[i] = spec.mean + spec.std * rng.normal()
      return out
    }
  }
}
