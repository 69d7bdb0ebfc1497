// The samplers' view of a space: every numeric parameter becomes a coordinate u in [0, 1]
// (log-transformed where the distribution is log-scaled), every categorical one an index.
// Stepped and integer parameters own equal-width cells of [0, 1] (an int in log scale owns the
// cell [ln(v − ½), ln(v + ½)]), so uniform u gives each allowed value its fair share and
// decode(u) always lands exactly on an allowed value.

import type {
  CategoricalDistribution,
  FloatDistribution,
  IntDistribution,
  SearchSpace,
} from './search-space'
import { gridSize } from './search-space'
import type { ParamValue, TrialParams } from './types'

export interface NumericDim {
  name: string
  dist: FloatDistribution | IntDistribution
  /** Number of allowed values, or Infinity for a continuous float. */
  cells: number
}

export interface CategoricalDim {
  name: string
  dist: CategoricalDistribution
  size: number
}

export interface EncodedPoint {
  num: Float64Array
  cat: Int32Array
}

function decimalsOf(x: number): number {
  const text = Math.abs(x).toString()
  const exp = text.indexOf('e-')
  if (exp >= 0) {
    const mantissa = text.slice(0, exp)
    const dot = mantissa.indexOf('.')
    return Number(text.slice(exp + 2)) + (dot >= 0 ? mantissa.length - dot - 1 : 0)
  }
  const dot = text.indexOf('.')
  return dot >= 0 ? text.length - dot - 1 : 0
}

function clampUnit(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u
}

/** Log-scaled ints live on [ln(low − ½), ln(high + ½)]. */
function logIntRange(dist: IntDistribution): [number, number] {
  return [Math.log(dist.low - 0.5), Math.log(dist.high + 0.5)]
}

export class SpaceCodec {
  readonly names: string[]
  readonly numeric: NumericDim[] = []
  readonly categorical: CategoricalDim[] = []
  private readonly stepDecimals = new Map<string, number>()

  constructor(readonly space: SearchSpace) {
    this.names = Object.keys(space)
    for (const name of this.names) {
      const dist = space[name]
      if (dist.kind === 'categorical') {
        this.categorical.push({ name, dist, size: dist.choices.length })
        continue
      }
      const logInt = dist.kind === 'int' && dist.log === true
      this.numeric.push({ name, dist, cells: logInt ? Infinity : gridSize(dist) })
      if (dist.kind === 'float' && dist.step !== undefined)
        this.stepDecimals.set(
          name,
          Math.min(15, Math.max(decimalsOf(dist.low), decimalsOf(dist.step))),
        )
    }
  }

  get dimensions(): number {
    return this.numeric.length + this.categorical.length
  }

  /** The value a numeric coordinate stands for; always an allowed value. */
  fromUnit(dim: NumericDim, u: number): number {
    const { dist } = dim
    u = clampUnit(u)
    if (dist.kind === 'int' && dist.log) {
      const [lo, hi] = logIntRange(dist)
      const v = Math.round(Math.exp(lo + u * (hi - lo)))
      return Math.min(dist.high, Math.max(dist.low, v))
    }
    if (Number.isFinite(dim.cells)) {
      const step = dist.step ?? 1
      const index = Math.min(dim.cells - 1, Math.floor(u * dim.cells))
      let v = dist.low + index * step
      const decimals = this.stepDecimals.get(dim.name)
      if (decimals !== undefined) v = Number(v.toFixed(decimals))
      return Math.min(dist.high, Math.max(dist.low, v))
    }
    if (dist.log) {
      const lo = Math.log(dist.low)
      const hi = Math.log(dist.high)
      return Math.min(dist.high, Math.max(dist.low, Math.exp(lo + u * (hi - lo))))
    }
    return Math.min(dist.high, Math.max(dist.low, dist.low + u * (dist.high - dist.low)))
  }

  /** The coordinate of an allowed value (the centre of its cell for stepped values). */
  toUnit(dim: NumericDim, value: number): number {
    const { dist } = dim
    if (dist.kind === 'int' && dist.log) {
      const [lo, hi] = logIntRange(dist)
      return clampUnit((Math.log(value) - lo) / (hi - lo))
    }
    if (Number.isFinite(dim.cells)) {
      const step = dist.step ?? 1
      const index = Math.min(dim.cells - 1, Math.max(0, Math.round((value - dist.low) / step)))
      return (index + 0.5) / dim.cells
    }
    if (dist.log)
      return clampUnit(
        (Math.log(value) - Math.log(dist.low)) / (Math.log(dist.high) - Math.log(dist.low)),
      )
    return clampUnit((value - dist.low) / (dist.high - dist.low))
  }

  /** Moves a coordinate onto the allowed value it decodes to. */
  snap(dim: NumericDim, u: number): number {
    return this.toUnit(dim, this.fromUnit(dim, u))
  }

  /** Half the width of one cell in unit coordinates (0 for continuous dimensions). */
  halfCell(dim: NumericDim): number {
    if (dim.dist.kind === 'int' && dim.dist.log) {
      const [lo, hi] = logIntRange(dim.dist)
      // The narrowest cell is the top one.
      return (Math.log(dim.dist.high + 0.5) - Math.log(dim.dist.high - 0.5)) / (hi - lo) / 2
    }
    return Number.isFinite(dim.cells) ? 0.5 / dim.cells : 0
  }

  categoryIndex(dim: CategoricalDim, value: ParamValue): number {
    return dim.dist.choices.findIndex((c) => c === value)
  }

  encode(params: TrialParams): EncodedPoint {
    const num = new Float64Array(this.numeric.length)
    const cat = new Int32Array(this.categorical.length)
    this.numeric.forEach((dim, i) => (num[i] = this.toUnit(dim, params[dim.name] as number)))
    this.categorical.forEach((dim, i) => (cat[i] = this.categoryIndex(dim, params[dim.name])))
    return { num, cat }
  }

  /** Parameters in the space's own order. */
  decode(num: ArrayLike<number>, cat: ArrayLike<number>): TrialParams {
    const values = new Map<string, ParamValue>()
    this.numeric.forEach((dim, i) => values.set(dim.name, this.fromUnit(dim, num[i])))
    this.categorical.forEach((dim, i) => values.set(dim.name, dim.dist.choices[cat[i]]))
    const params: TrialParams = {}
    for (const name of this.names) params[name] = values.get(name) as ParamValue
    return params
  }
}
