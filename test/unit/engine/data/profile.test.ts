// The profile of random hourly series with absent rows, missing cells and forward-filled
// stretches, checked field by field against the slow reference implementations.

import { describe, expect, it } from 'vitest'
import { readDataset } from '../../../../src-main/engine/data/read-dataset'
import { HOUR, bytesOf, seeded } from './helpers'
import { referenceConstantRuns, referenceGrid, referenceRuns, referenceStats } from './reference'

interface RandomSeries {
  csv: string
  times: number[]
  columns: Record<string, number[]>
}

function randomSeries(seed: number): RandomSeries {
  const rand = seeded(seed)
  const length = 200 + Math.floor(rand() * 2000)
  const start = Date.UTC(2023, 0, 1) + Math.floor(rand() * 1000) * HOUR
  const names = ['load', 'temp']
  const times: number[] = []
  const columns: Record<string, number[]> = { load: [], temp: [] }
  const current: Record<string, number> = { load: 0, temp: 0 }
  const frozen: Record<string, number> = { load: 0, temp: 0 }
  for (let g = 0; g < length; g++) {
    // Absent blocks of 1–30 rows, except at the ends (they define the grid).
    if (g > 0 && g < length - 1 && rand() < 0.01) {
      g += Math.floor(rand() * 30)
      if (g >= length - 1) g = length - 1
    }
    times.push(start + g * HOUR)
    for (const name of names) {
      if (frozen[name] > 0) frozen[name]--
      else {
        // + 0 turns -0 into 0, as writing and reading the CSV does.
        current[name] = Math.round((rand() * 100 - 20) * 10) / 10 + 0
        // Sometimes hold the value for a while (forward fill), sometimes write zeros.
        if (rand() < 0.01) frozen[name] = Math.floor(rand() * 60)
        if (rand() < 0.02) current[name] = 0
      }
      columns[name].push(rand() < 0.03 ? NaN : current[name])
    }
  }
  const lines = times.map((t, i) => {
    const cells = names.map((n) =>
      Number.isNaN(columns[n][i]) ? (rand() < 0.5 ? '' : 'NA') : String(columns[n][i]),
    )
    return `${new Date(t).toISOString()},${cells.join(',')}`
  })
  return { csv: `time,${names.join(',')}\n${lines.join('\n')}\n`, times, columns }
}

describe('profile against the reference implementation', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`random series ${seed}`, () => {
      const data = randomSeries(seed)
      const { series, profile } = readDataset(bytesOf(data.csv), {})
      expect(profile.frequencyMs).toBe(HOUR)
      expect(profile.frequencyLabel).toBe('1h')

      const ref = referenceGrid(
        data.times,
        data.times.map((_, i) => i),
        HOUR,
      )
      expect(Array.from(series.timestamps)).toEqual(ref.grid)
      expect(profile.gridLength).toBe(ref.grid.length)
      const absent = referenceRuns(ref.grid, (i) => !ref.present[i])
      expect(profile.absentRuns).toEqual(absent)
      expect(profile.absentTimestamps).toBe(absent.reduce((a, r) => a + r.steps, 0))

      const gaps = []
      const constant = []
      for (const column of series.columns) {
        const expected = referenceGrid(data.times, data.columns[column.name], HOUR).values
        expect(Array.from(column.values)).toEqual(expected)
        gaps.push(
          ...referenceRuns(ref.grid, (i) => Number.isNaN(expected[i])).map((r) => ({
            column: column.name,
            ...r,
          })),
        )
        constant.push(...referenceConstantRuns(ref.grid, expected, column.name, 24))
        const stats = profile.stats.find((s) => s.name === column.name)
        const want = referenceStats(column.name, expected)
        expect(stats).toMatchObject({
          ...want,
          mean: expect.closeTo(want.mean as number, 9),
          std: expect.closeTo(want.std as number, 9),
        })
      }
      const key = (r: { column: string; start: number }) => `${r.column}@${r.start}`
      expect([...profile.gaps].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        gaps.sort((a, b) => key(a).localeCompare(key(b))),
      )
      expect([...profile.constantRuns].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        constant.sort((a, b) => key(a).localeCompare(key(b))),
      )
      expect(profile.warnings.some((w) => w.code === 'CONSTANT_RUNS')).toBe(constant.length > 0)
      expect(profile.warnings.some((w) => w.code === 'ABSENT_TIMESTAMPS')).toBe(absent.length > 0)
    })
  }
})

describe('profile details', () => {
  it('scales the constant-run threshold with the step (a day, at least 6 steps)', () => {
    const rows = (step: number, count: number, value: (i: number) => number) =>
      Array.from(
        { length: count },
        (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * step).toISOString()},${value(i)}`,
      )
    const quarter = rows(15 * 60_000, 300, (i) => (i >= 100 && i < 196 ? 7 : i))
    const p15 = readDataset(bytesOf(`time,v\n${quarter.join('\n')}`), {}).profile
    expect(p15.frequencyLabel).toBe('15min')
    expect(p15.constantRuns.map((r) => r.steps)).toEqual([96])
    const daily = rows(86_400_000, 40, (i) => (i >= 10 && i < 16 ? 3 : i))
    const p1d = readDataset(bytesOf(`time,v\n${daily.join('\n')}`), {}).profile
    expect(p1d.frequencyLabel).toBe('1d')
    expect(p1d.constantRuns.map((r) => r.steps)).toEqual([6])
    const short = rows(HOUR, 100, (i) => (i >= 10 && i < 33 ? 3 : i))
    expect(readDataset(bytesOf(`time,v\n${short.join('\n')}`), {}).profile.constantRuns).toEqual([])
  })

  it('caps the listed runs but keeps the totals', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) =>
        `${new Date(Date.UTC(2024, 0, 1) + i * HOUR).toISOString()},${i % 3 === 1 ? '' : i}`,
    )
    const { profile } = readDataset(bytesOf(`time,v\n${rows.join('\n')}`), {})
    expect(profile.gaps.length).toBe(500)
    expect(profile.omittedRuns).toEqual({ absent: 0, gaps: 1667 - 500, constant: 0 })
    expect(profile.stats[0].missing).toBe(1667)
  })

  it('warns about a series too short for the default split', () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * HOUR).toISOString()},${i}`,
    )
    const { profile } = readDataset(bytesOf(`time,v\n${rows.join('\n')}`), {})
    const warning = profile.warnings.find((w) => w.code === 'SHORT_SERIES')
    expect(warning?.message).toMatch(/validation part has 100 time steps/)
  })

  it('reports both phases of progress', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * HOUR).toISOString()},${i}`,
    )
    const seen: string[] = []
    readDataset(bytesOf(`time,v\n${rows.join('\n')}`), {}, (phase, fraction) =>
      seen.push(`${phase}:${fraction}`),
    )
    expect(seen).toContain('parse:1')
    expect(seen).toContain('profile:0')
    expect(seen[seen.length - 1]).toBe('profile:1')
  })
})
