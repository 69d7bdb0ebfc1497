import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../../src-main/engine/rng'
import { sbxCrossover } from '../../../../../src-main/engine/hpo/samplers/nsga2/crossover'
import {
  categoricalMutation,
  polynomialMutation,
} from '../../../../../src-main/engine/hpo/samplers/nsga2/mutation'
import {
  createNsga2Sampler,
  defaultPopulationSize,
} from '../../../../../src-main/engine/hpo/samplers/nsga2/nsga2'
import {
  binaryTournament,
  rankAndCrowd,
  survivalSelect,
} from '../../../../../src-main/engine/hpo/samplers/nsga2/selection'
import type { SearchSpace } from '../../../../../src-main/engine/hpo/search-space'
import { SamplerDriver } from './sampler-driver'

describe('NSGA-II parts', () => {
  it('keeps the best fronts and, within the last one, the least crowded points', () => {
    const points = [
      [0, 1],
      [0.5, 0.5],
      [0.52, 0.48],
      [1, 0],
      [2, 2],
    ]
    const kept = survivalSelect(points, 3).sort()
    expect(kept).toContain(0)
    expect(kept).toContain(3)
    expect(kept).not.toContain(4)
  })

  it('lets the better of two win a tournament', () => {
    const ranking = rankAndCrowd([
      [0, 0],
      [1, 1],
    ])
    const rng = new Rng(1)
    for (let i = 0; i < 20; i++) expect(binaryTournament(ranking, 2, rng)).toBe(0)
  })

  it('keeps crossover and mutation inside [0, 1] and categorical choices valid', () => {
    const rng = new Rng(2)
    const out = new Float64Array(4)
    for (let i = 0; i < 2000; i++) {
      sbxCrossover([0, 1, 0.5, 0.999], [1, 0, 0.51, 1], 15, rng, out)
      polynomialMutation(out, 20, 1, rng)
      for (const v of out) {
        expect(v).toBeGreaterThanOrEqual(0)
        expect(v).toBeLessThanOrEqual(1)
      }
      const cat = new Int32Array([0, 2])
      categoricalMutation(cat, [3, 3], 1, rng)
      expect(cat[0]).not.toBe(0)
      expect(cat[1]).not.toBe(2)
      expect(cat[0]).toBeLessThan(3)
    }
  })
})

describe('NSGA-II generations', () => {
  const space: SearchSpace = {
    a: { kind: 'float', low: 0, high: 1 },
    b: { kind: 'float', low: 0, high: 1 },
  }

  it('sizes the population for the budget', () => {
    expect(defaultPopulationSize(50)).toBe(8)
    expect(defaultPopulationSize(200)).toBe(13)
    expect(defaultPopulationSize(5000)).toBe(50)
    expect(defaultPopulationSize(null)).toBe(50)
    expect(defaultPopulationSize(12)).toBe(4)
    expect(
      createNsga2Sampler({}, 12).refusal({
        space,
        directions: ['minimize', 'minimize'],
        budgetTrials: 12,
      }),
    ).toBeNull()
  })

  it('moves to the next generation once a population of trials has finished, replacing failures', () => {
    const driver = new SamplerDriver(
      createNsga2Sampler({ populationSize: 4 }),
      space,
      ['minimize', 'minimize'],
      1,
    )
    const objective = (p: Record<string, unknown>) => [
      p.a as number,
      1 - (p.a as number) + (p.b as number),
    ]
    for (let i = 0; i < 5; i++) {
      const t = driver.ask()
      if (i === 1) driver.tell(t, 'failed')
      else driver.tell(t, 'complete', objective(t.params))
    }
    // Four finished (one failed trial replaced) → generation 1 starts with trial 5.
    expect(driver.trials.map((t) => t.samplerData.generation)).toEqual([0, 0, 0, 0, 0])
    expect(driver.ask().samplerData.generation).toBe(1)
  })

  it('improves the front over generations', () => {
    const driver = new SamplerDriver(
      createNsga2Sampler({ populationSize: 8 }),
      space,
      ['minimize', 'minimize'],
      2,
    )
    const values = driver.run(80, (p) => [
      p.a as number,
      1 - Math.sqrt(p.a as number) + 3 * (p.b as number),
    ])
    const meanB = (from: number, to: number) =>
      values.slice(from, to).reduce((s, p) => s + (p.b as number), 0) / (to - from)
    expect(meanB(64, 80)).toBeLessThan(meanB(0, 8) / 2)
  })
})
