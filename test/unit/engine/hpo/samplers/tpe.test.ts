import { describe, expect, it } from 'vitest'
import { hypervolume } from '../../../../../src-main/engine/hpo/pareto'
import { createRandomSampler } from '../../../../../src-main/engine/hpo/samplers/random'
import { splitObservations } from '../../../../../src-main/engine/hpo/samplers/tpe/splitting'
import { createTpeSampler } from '../../../../../src-main/engine/hpo/samplers/tpe/tpe'
import type { Sampler } from '../../../../../src-main/engine/hpo/samplers/sampler'
import type { SearchSpace } from '../../../../../src-main/engine/hpo/search-space'
import { SamplerDriver } from './sampler-driver'

describe('TPE splitting', () => {
  it('takes the lowest losses for one objective', () => {
    const split = splitObservations([[3], [1], [2], [5]], 2, 0.1)
    expect(split.below).toEqual([1, 2])
    expect(split.above.sort()).toEqual([0, 3])
  })

  it('takes whole fronts first and thins the overflowing one by hypervolume', () => {
    // Fronts: {0, 1, 2, 3}, then {4, 5}; five good slots take the first front whole and one
    // point of the second. Three slots thin the first front, starting from its biggest box.
    const losses = [
      [0, 1],
      [0.1, 0.9],
      [0.5, 0.5],
      [1, 0],
      [1, 1],
      [0.6, 1.05],
    ]
    const five = splitObservations(losses, 5, 0.1)
    expect(five.below.slice(0, 4).sort()).toEqual([0, 1, 2, 3])
    expect([4, 5]).toContain(five.below[4])
    const split = splitObservations(losses, 3, 0.1)
    expect(split.below).toHaveLength(3)
    expect(split.below[0]).toBe(2)
    expect(split.below.every((i) => i <= 3)).toBe(true)
    expect(split.belowWeights.every((w) => w >= 0.1 && w <= 1)).toBe(true)
  })
})

/** Hypervolume reached on a 4-parameter two-objective toy (a shifted DTLZ2-like bowl). */
function frontQuality(make: () => Sampler, seed: number): number {
  const space: SearchSpace = {
    a: { kind: 'float', low: 0, high: 1 },
    b: { kind: 'float', low: 0, high: 1 },
    c: { kind: 'int', low: 0, high: 20 },
    d: { kind: 'categorical', choices: ['x', 'y', 'z'] },
  }
  const driver = new SamplerDriver(make(), space, ['minimize', 'minimize'], seed)
  const points: number[][] = []
  driver.run(60, (p) => {
    const g =
      ((p.b as number) - 0.3) ** 2 + (((p.c as number) - 13) / 20) ** 2 + (p.d === 'y' ? 0 : 0.3)
    const angle = ((p.a as number) * Math.PI) / 2
    const v = [(1 + g) * Math.cos(angle), (1 + g) * Math.sin(angle)]
    points.push(v)
    return v
  })
  return hypervolume(points, [1.5, 1.5])
}

describe('TPE search', () => {
  it('finds a better front than random search on a mixed space', () => {
    let wins = 0
    for (let seed = 0; seed < 5; seed++)
      if (
        frontQuality(() => createTpeSampler(), seed) >
        frontQuality(() => createRandomSampler(), seed)
      )
        wins++
    expect(wins).toBeGreaterThanOrEqual(4)
  })

  it('treats running trials as bad (constant liar): concurrent asks spread out', () => {
    const space: SearchSpace = {
      a: { kind: 'float', low: 0, high: 1 },
      b: { kind: 'float', low: 0, high: 1 },
    }
    // Over ten seeds: on any single one, six asks may happen to spread either way.
    const spread = (constantLiar: boolean, seed: number) => {
      const driver = new SamplerDriver(
        createTpeSampler({ constantLiar }),
        space,
        ['minimize'],
        seed,
      )
      driver.run(30, (p) => [((p.a as number) - 0.2) ** 2 + ((p.b as number) - 0.7) ** 2])
      const pending = Array.from({ length: 6 }, () => driver.ask().params)
      let total = 0
      for (let i = 0; i < pending.length; i++)
        for (let j = i + 1; j < pending.length; j++)
          total += Math.hypot(
            (pending[i].a as number) - (pending[j].a as number),
            (pending[i].b as number) - (pending[j].b as number),
          )
      return total
    }
    const seeds = Array.from({ length: 10 }, (_, i) => i + 1)
    const wider = seeds.filter((seed) => spread(true, seed) > spread(false, seed)).length
    expect(wider).toBeGreaterThanOrEqual(7)
  })
})

describe('greedy hypervolume subset selection', () => {
  it('reaches in two dimensions the volume the volume-by-volume search reaches', async () => {
    const { greedySubset } =
      await import('../../../../../src-main/engine/hpo/samplers/tpe/splitting')
    const { Rng } = await import('../../../../../src-main/engine/rng')
    const rng = new Rng(3)
    for (let s = 0; s < 200; s++) {
      // A front on a coarse grid (duplicates included): x ascending, y descending.
      const n = 1 + rng.int(12)
      const xs = Array.from({ length: n }, () => rng.int(6) / 6).sort((a, b) => a - b)
      const losses = xs.map((x) => [x, 1 - x])
      const all = losses.map((_, i) => i)
      const count = 1 + rng.int(n)
      const ref = [1.1, 1.1]
      // Exact ties may fall either way through rounding; the volumes reached must agree.
      const volume = (picked: number[]) =>
        hypervolume(
          picked.map((i) => losses[i]),
          ref,
        )
      const fast = greedySubset(all, losses, count, ref)
      expect(fast).toHaveLength(count)
      expect(volume(fast)).toBeCloseTo(volume(greedySubset(all, losses, count, ref, true)), 12)
    }
  })
})
