import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Holidays from 'date-holidays'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  DATASET_DIR,
  GERMAN_HOLIDAYS,
  HEAT_ABSENT_RUNS,
  HEAT_BLANK_RUNS,
  HEAT_END,
  HEAT_START,
  HEAT_STUCK_RUN,
  Rng,
  WATER_ABSENT_RUNS,
  WATER_BLANK_RUNS,
  WATER_END,
  WATER_START,
  berlinOffsetHours,
  formatUtc,
  makeHeatDemo,
  makeWaterDemo,
  parseUtc,
  type HourRun,
} from '../../../resources/datasets/make-demo-data'

const HOUR_MS = 3_600_000

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const committed = (name: string): string => readFileSync(join(DATASET_DIR, name), 'utf8')

interface Table {
  header: string[]
  times: number[]
  /** columns without the timestamp; NaN where blank */
  columns: Float64Array[]
  /** the raw cells, for exact-repeat checks */
  raw: string[][]
}

function parse(text: string): Table {
  expect(text.endsWith('\n')).toBe(true)
  expect(text.includes('\r')).toBe(false)
  const lines = text.slice(0, -1).split('\n')
  const header = lines[0].split(',')
  const body = lines.slice(1).map((l) => l.split(','))
  const columns = header.slice(1).map(() => new Float64Array(body.length))
  const times: number[] = []
  const bad: string[] = []
  body.forEach((cells, i) => {
    if (cells.length !== header.length || !/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/.test(cells[0])) {
      bad.push(cells.join(','))
    }
    times.push(parseUtc(cells[0]))
    cells.slice(1).forEach((c, j) => {
      columns[j][i] = c === '' ? Number.NaN : Number(c)
      if (c !== '' && !/^-?\d+\.\d+$/.test(c)) bad.push(cells.join(','))
    })
  })
  expect(bad).toEqual([])
  return { header, times, columns, raw: body }
}

/** Runs of rows where every value column is blank. */
function blankRuns(t: Table): HourRun[] {
  const runs: HourRun[] = []
  const partial: string[] = []
  for (let i = 0; i < t.times.length; i++) {
    const blank = t.raw[i].slice(1).every((c) => c === '')
    // a row is either complete or fully blank
    if (!blank && t.raw[i].includes('')) partial.push(t.raw[i].join(','))
    if (!blank) continue
    const last = runs.at(-1)
    if (last && parseUtc(last.start) + last.hours * HOUR_MS === t.times[i]) last.hours++
    else runs.push({ start: formatUtc(t.times[i]), hours: 1 })
  }
  expect(partial).toEqual([])
  return runs
}

/** Runs of hours missing between consecutive rows. */
function absentRuns(t: Table): HourRun[] {
  const runs: HourRun[] = []
  for (let i = 1; i < t.times.length; i++) {
    const step = t.times[i] - t.times[i - 1]
    if (step <= 0 || step % HOUR_MS !== 0) throw new Error(`bad step at ${formatUtc(t.times[i])}`)
    if (step > HOUR_MS) {
      runs.push({ start: formatUtc(t.times[i - 1] + HOUR_MS), hours: step / HOUR_MS - 1 })
    }
  }
  return runs
}

/** Runs of ≥ minHours identical consecutive raw values in column `col` (1-based). */
function constantRuns(t: Table, col: number, minHours: number): HourRun[] {
  const runs: HourRun[] = []
  let start = 0
  for (let i = 1; i <= t.times.length; i++) {
    const same =
      i < t.times.length &&
      t.raw[i][col] !== '' &&
      t.raw[i][col] === t.raw[i - 1][col] &&
      t.times[i] - t.times[i - 1] === HOUR_MS
    if (same) continue
    if (i - start >= minHours) runs.push({ start: formatUtc(t.times[start]), hours: i - start })
    start = i
  }
  return runs
}

function correlation(a: Float64Array, b: Float64Array): number {
  const idx = [...a.keys()].filter((i) => !Number.isNaN(a[i]) && !Number.isNaN(b[i]))
  const mean = (x: Float64Array): number => idx.reduce((s, i) => s + x[i], 0) / idx.length
  const ma = mean(a)
  const mb = mean(b)
  let sab = 0
  let saa = 0
  let sbb = 0
  for (const i of idx) {
    sab += (a[i] - ma) * (b[i] - mb)
    saa += (a[i] - ma) ** 2
    sbb += (b[i] - mb) ** 2
  }
  return sab / Math.sqrt(saa * sbb)
}

describe('Rng', () => {
  it('is reproducible per seed and stream', () => {
    const draw = (seed: number, stream: number): number[] => {
      const r = new Rng(seed, stream)
      return Array.from({ length: 8 }, () => r.nextUint32())
    }
    expect(draw(42, 0)).toEqual(draw(42, 0))
    expect(draw(42, 0)).not.toEqual(draw(42, 1))
    expect(draw(42, 0)).not.toEqual(draw(43, 0))
  })

  it('gives standard normals', () => {
    const r = new Rng(7)
    const xs = Array.from({ length: 100_000 }, () => r.normal())
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length
    expect(Math.abs(mean)).toBeLessThan(0.02)
    expect(Math.abs(variance - 1)).toBeLessThan(0.03)
  })
})

describe('calendar helpers', () => {
  it('hardcoded German holidays equal the public national holidays of date-holidays', () => {
    const hd = new Holidays('DE')
    const expected = [2021, 2022, 2023, 2024].flatMap((y) =>
      hd
        .getHolidays(y)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    )
    expect([...GERMAN_HOLIDAYS].sort()).toEqual(expected.sort())
  })

  it('Europe/Berlin offset matches luxon for every hour 2021–2024', () => {
    for (let t = Date.UTC(2021, 0, 1); t < Date.UTC(2025, 0, 1); t += HOUR_MS) {
      const offset = DateTime.fromMillis(t, { zone: 'Europe/Berlin' }).offset / 60
      if (berlinOffsetHours(t) !== offset)
        expect(`${formatUtc(t)}: ${berlinOffsetHours(t)}`).toBe(offset)
    }
  })
})

describe('heat.csv', () => {
  const text = committed('heat.csv')
  const table = parse(text)

  it('regenerates byte-identically', () => {
    expect(sha256(makeHeatDemo())).toBe(sha256(text))
  })

  it('has the expected header', () => {
    expect(table.header).toEqual(['timestamp', 'heat_mw', 'outdoor_temp_c'])
  })

  it('spans at least three years, hourly', () => {
    expect(formatUtc(table.times[0])).toBe(HEAT_START)
    expect(formatUtc(table.times.at(-1) ?? 0)).toBe(HEAT_END)
    const spanHours = (parseUtc(HEAT_END) - parseUtc(HEAT_START)) / HOUR_MS + 1
    expect(spanHours).toBeGreaterThanOrEqual(3 * 8766)
    const absent = HEAT_ABSENT_RUNS.reduce((s, r) => s + r.hours, 0)
    expect(table.times.length).toBe(spanHours - absent)
  })

  it('has exactly the documented blank runs and absent rows', () => {
    expect(blankRuns(table)).toEqual(HEAT_BLANK_RUNS)
    expect(absentRuns(table)).toEqual(HEAT_ABSENT_RUNS)
    expect(HEAT_BLANK_RUNS.length).toBeGreaterThanOrEqual(3)
    for (const r of HEAT_BLANK_RUNS) expect(r.hours).toBeGreaterThanOrEqual(2)
    for (const r of HEAT_BLANK_RUNS) expect(r.hours).toBeLessThanOrEqual(30)
    expect(HEAT_ABSENT_RUNS).toHaveLength(2)
    for (const r of HEAT_ABSENT_RUNS) expect(r.hours).toBeGreaterThanOrEqual(3)
    for (const r of HEAT_ABSENT_RUNS) expect(r.hours).toBeLessThanOrEqual(12)
  })

  it('has one stuck-meter run of heat values and none in temperature', () => {
    expect(constantRuns(table, 1, 6)).toEqual([HEAT_STUCK_RUN])
    expect(HEAT_STUCK_RUN.hours).toBe(36)
    expect(constantRuns(table, 2, 12)).toEqual([])
  })

  it('is physically plausible', () => {
    const [heat, temp] = table.columns
    expect(correlation(heat, temp)).toBeLessThan(-0.8)
    const finite = (x: Float64Array): number[] => [...x].filter((v) => !Number.isNaN(v))
    expect(Math.min(...finite(heat))).toBeGreaterThan(0)
    expect(Math.max(...finite(heat))).toBeLessThan(250)
    expect(Math.min(...finite(temp))).toBeGreaterThan(-25)
    expect(Math.max(...finite(temp))).toBeLessThan(38)
    const monthMean = (col: Float64Array, month: number): number => {
      const v = table.times
        .map((t, i) => [new Date(t).getUTCMonth(), col[i]])
        .filter(([m, x]) => m === month && !Number.isNaN(x))
        .map(([, x]) => x)
      return v.reduce((s, x) => s + x, 0) / v.length
    }
    expect(monthMean(temp, 0)).toBeGreaterThan(-6)
    expect(monthMean(temp, 0)).toBeLessThan(2)
    expect(monthMean(temp, 6)).toBeGreaterThan(16)
    expect(monthMean(temp, 6)).toBeLessThan(22)
    expect(monthMean(heat, 0)).toBeGreaterThan(4 * monthMean(heat, 6))
  })
})

describe('water.csv', () => {
  const text = committed('water.csv')
  const table = parse(text)

  it('regenerates byte-identically', () => {
    expect(sha256(makeWaterDemo())).toBe(sha256(text))
  })

  it('has the expected header and span', () => {
    expect(table.header).toEqual(['timestamp', 'water_m3h', 'outdoor_temp_c', 'rain_mm'])
    expect(formatUtc(table.times[0])).toBe(WATER_START)
    expect(formatUtc(table.times.at(-1) ?? 0)).toBe(WATER_END)
  })

  it('has exactly the documented gaps', () => {
    expect(blankRuns(table)).toEqual(WATER_BLANK_RUNS)
    expect(absentRuns(table)).toEqual(WATER_ABSENT_RUNS)
  })

  it('is physically plausible', () => {
    const [water, temp, rain] = table.columns
    const finite = (x: Float64Array): number[] => [...x].filter((v) => !Number.isNaN(v))
    expect(Math.min(...finite(water))).toBeGreaterThan(0)
    expect(Math.min(...finite(rain))).toBeGreaterThanOrEqual(0)
    const annualRain = finite(rain).reduce((s, x) => s + x, 0) / 2
    expect(annualRain).toBeGreaterThan(400)
    expect(annualRain).toBeLessThan(1000)
    // summer demand rises with temperature
    const summer = table.times.map((t) => [5, 6, 7].includes(new Date(t).getUTCMonth()))
    const pick = (x: Float64Array): Float64Array => x.filter((_, i) => summer[i])
    expect(correlation(pick(water), pick(temp))).toBeGreaterThan(0.1)
  })
})
