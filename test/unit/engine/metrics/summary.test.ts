import { describe, expect, it } from 'vitest'
import { referenceForecastMetrics } from '../../../../src-main/engine/metrics/reference'
import {
  METRIC_NAMES,
  forecastMetrics,
  metricRecord,
  objectiveValues,
} from '../../../../src-main/engine/metrics/summary'
import { close, randomPoints } from './random-points'

describe('forecastMetrics', () => {
  it('counts the points scored and the points left out for a missing actual', () => {
    const m = forecastMetrics(
      { actual: [1, NaN, 3], p10: [0, 0, 0], p50: [1, 1, 1], p90: [2, 2, 2] },
      { seasonal24: 1, seasonal168: 2 },
    )
    expect(m.points).toBe(2)
    expect(m.missing).toBe(1)
    expect(m.mae).toBe(1)
    expect(m.picp).toBe(50)
    expect(m.mase).toBe(1)
    expect(m.mase168).toBe(0.5)
  })

  it('matches the reference metrics on random inputs', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const p = randomPoints(seed)
      const scales = { seasonal24: 1.5, seasonal168: NaN }
      const fast = forecastMetrics(p, scales)
      const slow = referenceForecastMetrics(p, scales)
      for (const name of [...METRIC_NAMES, 'points', 'missing'] as const) {
        expect(close(fast[name], slow[name], 1e-9), `seed ${seed} ${name}`).toBe(true)
      }
    }
  })
})

describe('objectiveValues', () => {
  it('is [MAE, |PICP − target|] with target 80 by default', () => {
    expect(objectiveValues({ mae: 3, picp: 72.5 })).toEqual([3, 7.5])
    expect(objectiveValues({ mae: 3, picp: 92 })).toEqual([3, 12])
    expect(objectiveValues({ mae: 3, picp: 92 }, 90)).toEqual([3, 2])
  })
})

describe('metricRecord', () => {
  it('keeps finite metrics only, since the study file stores finite numbers', () => {
    const m = forecastMetrics(
      { actual: [1, 2], p10: [0, 1], p50: [1, 2], p90: [2, 3] },
      { seasonal24: NaN, seasonal168: 4 },
    )
    const record = metricRecord(m)
    expect(Object.keys(record)).toEqual([
      'mae',
      'picp',
      'miw',
      'pinball',
      'crps',
      'winkler',
      'mase168',
    ])
    expect(record.mase168).toBe(0)
  })
})
