// The conformance suite every sampler passes: run it once per row of the sampler table.

import { describe, expect, it } from 'vitest'
import { paramsIssues, type SearchSpace } from '../../../../../src-main/engine/hpo/search-space'
import type { Sampler } from '../../../../../src-main/engine/hpo/samplers/sampler'
import type { Direction, TrialParams } from '../../../../../src-main/engine/hpo/types'
import { SamplerDriver } from './sampler-driver'

/** Every kind of parameter the space allows. */
export const MIXED_SPACE: SearchSpace = {
  lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
  dropout: { kind: 'float', low: 0.05, high: 0.4, step: 0.05 },
  momentum: { kind: 'float', low: -1, high: 1 },
  num_stacks: { kind: 'int', low: 2, high: 5 },
  batch: { kind: 'int', low: 16, high: 256, log: true },
  width: { kind: 'int', low: 32, high: 96, step: 16 },
  activation: { kind: 'categorical', choices: ['relu', 'gelu', 'tanh'] },
  layer_widths: { kind: 'categorical', choices: [256, 512, 1024] },
  bias: { kind: 'categorical', choices: [true, false] },
}

/** A deterministic pseudo-objective of the parameters (no structure a sampler could exploit). */
function noise(p: TrialParams, salt: number): number {
  let h = salt * 2654435761
  for (const value of Object.values(p)) {
    const text = String(value)
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  }
  return ((h >>> 0) % 100000) / 100000
}

const twoObjectives = (p: TrialParams): number[] => [noise(p, 1), noise(p, 2)]

export function samplerConformance(
  label: string,
  make: (budgetTrials: number | null) => Sampler,
): void {
  const drive = (seed: number, directions: Direction[] = ['minimize', 'minimize']) =>
    new SamplerDriver(make(60), MIXED_SPACE, directions, seed)

  describe(`sampler conformance: ${label}`, () => {
    it('accepts the mixed space and two objectives', () => {
      expect(
        make(60).refusal({
          space: MIXED_SPACE,
          directions: ['minimize', 'minimize'],
          budgetTrials: 60,
        }),
      ).toBeNull()
    })

    it('respects bounds, types, steps and categorical choices', () => {
      const params = drive(1).run(60, twoObjectives)
      for (const p of params) expect(paramsIssues(MIXED_SPACE, p)).toEqual([])
      for (const p of params) {
        expect(Number.isInteger(p.num_stacks)).toBe(true)
        expect(((p.width as number) - 32) % 16).toBe(0)
        expect(
          Math.abs((p.dropout as number) * 20 - Math.round((p.dropout as number) * 20)),
        ).toBeLessThan(1e-9)
      }
    })

    it('reaches every choice, every int value and both ends of each range', () => {
      const params = drive(2).run(60, twoObjectives)
      const seen = (name: string) => new Set(params.map((p) => p[name]))
      expect(seen('activation').size).toBe(3)
      expect(seen('layer_widths').size).toBe(3)
      expect(seen('bias').size).toBe(2)
      expect(seen('num_stacks').size).toBe(4)
      const momentum = params.map((p) => p.momentum as number)
      expect(Math.min(...momentum)).toBeLessThan(-0.5)
      expect(Math.max(...momentum)).toBeGreaterThan(0.5)
    })

    it('handles log scales: finds a small learning rate and batch a linear scale would miss', () => {
      // Best at lr = 10^-4.5 and batch = 32. Sampled uniformly in linear space, lr < 1e-4 would
      // come up 1 % of the time and batch < 64 13 %; in log space a third and a half.
      const params = drive(3).run(60, (p) => [
        Math.abs(Math.log10(p.lr as number) + 4.5),
        Math.abs(Math.log2(p.batch as number) - 5),
      ])
      const lowLr = params.filter((p) => (p.lr as number) < 1e-4).length
      const lowBatch = params.filter((p) => (p.batch as number) < 64).length
      expect(lowLr / params.length).toBeGreaterThan(0.2)
      expect(lowBatch / params.length).toBeGreaterThan(0.3)
    })

    it('is reproducible: same seed and same told values give the same suggestions', () => {
      const a = drive(4).run(40, twoObjectives)
      const b = drive(4).run(40, twoObjectives)
      expect(b).toEqual(a)
      const c = drive(5).run(40, twoObjectives)
      expect(c).not.toEqual(a)
    })

    it('goes on through failed and pruned trials', () => {
      const driver = drive(6)
      for (let i = 0; i < 45; i++) {
        const trial = driver.ask()
        expect(paramsIssues(MIXED_SPACE, trial.params)).toEqual([])
        if (i % 3 === 0) driver.tell(trial, 'failed')
        else if (i % 5 === 0) driver.tell(trial, 'pruned')
        else driver.tell(trial, 'complete', twoObjectives(trial.params))
      }
    })

    it('copes with a study whose every trial failed', () => {
      const driver = drive(7)
      for (let i = 0; i < 25; i++) {
        const trial = driver.ask()
        expect(paramsIssues(MIXED_SPACE, trial.params)).toEqual([])
        driver.tell(trial, 'failed')
      }
    })

    it('works with one objective and with maximised objectives', () => {
      const single = drive(8, ['minimize']).run(30, (p) => [noise(p, 3)])
      for (const p of single) expect(paramsIssues(MIXED_SPACE, p)).toEqual([])
      const mixed = drive(9, ['maximize', 'minimize']).run(30, twoObjectives)
      for (const p of mixed) expect(paramsIssues(MIXED_SPACE, p)).toEqual([])
    })

    it('keeps concurrent asks apart', () => {
      const driver = drive(10)
      driver.run(20, twoObjectives)
      const pending = Array.from({ length: 4 }, () => driver.ask().params)
      expect(new Set(pending.map((p) => JSON.stringify(p))).size).toBe(4)
    })

    it('refuses objective counts outside its capabilities', () => {
      const sampler = make(60)
      const { minObjectives, maxObjectives } = sampler.capabilities
      const setup = (m: number) => ({
        space: MIXED_SPACE,
        directions: Array.from({ length: m }, (): Direction => 'minimize'),
        budgetTrials: 60,
      })
      if (minObjectives > 1) expect(sampler.refusal(setup(minObjectives - 1))).toMatch(/objectives/)
      if (Number.isFinite(maxObjectives))
        expect(sampler.refusal(setup(maxObjectives + 1))).toMatch(/objectives/)
      expect(sampler.refusal(setup(minObjectives))).toBeNull()
    })
  })
}
