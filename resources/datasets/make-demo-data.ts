/**
 * Deterministic generator of the embedded demo data sets (heat.csv, water.csv).
 *
 * Everything random comes from a seeded sfc32 PRNG (Box–Muller for normals), so the same seeds
 * always give byte-identical files. Run as a script to (re)write the CSVs beside this file:
 *
 *   npx tsx resources/datasets/make-demo-data.ts
 *
 * The model, the seeds and the gap positions are documented in README.md in this folder.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const HEAT_SEED = 0x48454154 // 'HEAT'
export const WATER_SEED = 0x57415452 // 'WATR'

/** First and last timestamp (UTC, inclusive) of each file. */
export const HEAT_START = '2021-01-01T00:00:00Z'
export const HEAT_END = '2024-03-31T23:00:00Z'
export const WATER_START = '2022-01-01T00:00:00Z'
export const WATER_END = '2023-12-31T23:00:00Z'

/** A run of consecutive hours starting at `start` (UTC ISO). */
export interface HourRun {
  start: string
  hours: number
}

/** Rows kept, all value columns blank. */
export const HEAT_BLANK_RUNS: readonly HourRun[] = [
  { start: '2021-06-09T10:00:00Z', hours: 4 },
  { start: '2022-02-17T13:00:00Z', hours: 27 },
  { start: '2022-10-05T07:00:00Z', hours: 2 },
  { start: '2023-08-21T00:00:00Z', hours: 12 },
]
/** Rows removed entirely. */
export const HEAT_ABSENT_RUNS: readonly HourRun[] = [
  { start: '2022-05-12T03:00:00Z', hours: 5 },
  { start: '2023-11-28T20:00:00Z', hours: 9 },
]
/** A stuck meter: heat_mw repeats the value of the run's first hour (temperature stays live). */
export const HEAT_STUCK_RUN: HourRun = { start: '2023-01-24T06:00:00Z', hours: 36 }

export const WATER_BLANK_RUNS: readonly HourRun[] = [
  { start: '2022-07-12T14:00:00Z', hours: 5 },
  { start: '2023-02-14T22:00:00Z', hours: 3 },
]
export const WATER_ABSENT_RUNS: readonly HourRun[] = [{ start: '2023-10-09T01:00:00Z', hours: 4 }]

/**
 * German national public holidays 2021–2024 (local dates): New Year, Good Friday, Easter Monday,
 * Labour Day, Ascension, Whit Monday, German Unity Day, Christmas Day, Boxing Day.
 */
export const GERMAN_HOLIDAYS: ReadonlySet<string> = new Set([
  '2021-01-01',
  '2021-04-02',
  '2021-04-05',
  '2021-05-01',
  '2021-05-13',
  '2021-05-24',
  '2021-10-03',
  '2021-12-25',
  '2021-12-26',
  '2022-01-01',
  '2022-04-15',
  '2022-04-18',
  '2022-05-01',
  '2022-05-26',
  '2022-06-06',
  '2022-10-03',
  '2022-12-25',
  '2022-12-26',
  '2023-01-01',
  '2023-04-07',
  '2023-04-10',
  '2023-05-01',
  '2023-05-18',
  '2023-05-29',
  '2023-10-03',
  '2023-12-25',
  '2023-12-26',
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-01',
  '2024-05-09',
  '2024-05-20',
  '2024-10-03',
  '2024-12-25',
  '2024-12-26',
])

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32, Box–Muller normals

const TWO_PI = 2 * Math.PI

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spare: number | null = null

  /** `stream` picks an independent sequence for the same seed. */
  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) | 0
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) | 0
    }
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    for (let i = 0; i < 16; i++) this.nextUint32()
  }

  nextUint32(): number {
    const t0 = (this.a + this.b) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.d = (this.d + 1) | 0
    const t = (t0 + this.d) | 0
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296
  }

  /** Standard normal. */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare
      this.spare = null
      return z
    }
    const u1 = 1 - this.uniform() // (0, 1]
    const u2 = this.uniform()
    const r = Math.sqrt(-2 * Math.log(u1))
    this.spare = r * Math.sin(TWO_PI * u2)
    return r * Math.cos(TWO_PI * u2)
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.uniform())
  }
}

/** Unit-variance AR(1) process with persistence time `tauHours`. */
class Ar1 {
  private z: number
  private readonly phi: number
  private readonly innovation: number

  constructor(
    private readonly rng: Rng,
    tauHours: number,
  ) {
    this.phi = Math.exp(-1 / tauHours)
    this.innovation = Math.sqrt(1 - this.phi * this.phi)
    this.z = rng.normal()
  }

  step(): number {
    this.z = this.phi * this.z + this.innovation * this.rng.normal()
    return this.z
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC timestamps, Europe/Berlin civil time without a library)

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export function parseUtc(iso: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new Error(`bad timestamp ${iso}`)
  return ms
}

export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}

/** 01:00 UTC on the last Sunday of `month` (0-based) — when EU summer time starts or ends. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0))
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1)
}

/** UTC offset of Europe/Berlin in hours (1 = CET, 2 = CEST) at instant `ms`. */
export function berlinOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear()
  return ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9) ? 2 : 1
}

type DayType = 0 | 1 | 2 // working day, Saturday, Sunday or public holiday

interface LocalTime {
  hour: number
  dayType: DayType
  month: number
  day: number
}

function localTime(ms: number): LocalTime {
  const local = new Date(ms + berlinOffsetHours(ms) * HOUR_MS)
  const date = local.toISOString().slice(0, 10)
  const dow = local.getUTCDay()
  const dayType: DayType = dow === 0 || GERMAN_HOLIDAYS.has(date) ? 2 : dow === 6 ? 1 : 0
  return {
    hour: local.getUTCHours(),
    dayType,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  }
}

/** 0 around 15 January, 1 around 16 July. */
const SEASON_ORIGIN = Date.UTC(2000, 0, 15)
function season(ms: number): number {
  return 0.5 * (1 - Math.cos((TWO_PI * (ms - SEASON_ORIGIN)) / (365.2425 * DAY_MS)))
}

/** Smooth max(0, x) with knee width `w`. */
function softplus(x: number, w: number): number {
  const u = x / w
  return u > 30 ? x : w * Math.log1p(Math.exp(u))
}

function normalised(profile: readonly number[]): number[] {
  const mean = profile.reduce((s, v) => s + v, 0) / profile.length
  return profile.map((v) => v / mean)
}

function hourlyTimes(startIso: string, endIso: string): number[] {
  const start = parseUtc(startIso)
  const end = parseUtc(endIso)
  const out: number[] = []
  for (let t = start; t <= end; t += HOUR_MS) out.push(t)
  return out
}

// ---------------------------------------------------------------------------------------------
// Weather

/**
 * Hourly outdoor temperature (°C) for a central-European city: annual cycle (≈ −2 °C mean in
 * mid-January, ≈ 19 °C in mid-July), a daily cycle peaking mid-afternoon solar time whose
 * amplitude grows in summer and shrinks on cloudy days, and two AR(1) weather anomalies (≈ 3 days
 * and ≈ 2 weeks persistence) with larger spread in winter.
 */
function temperature(times: readonly number[], rng: Rng): Float64Array {
  const synoptic = new Ar1(rng, 72)
  const spell = new Ar1(rng, 15 * 24)
  const cloud = new Ar1(rng, 30)
  const out = new Float64Array(times.length)
  for (let i = 0; i < times.length; i++) {
    const t = times[i]
    const s = season(t)
    const annual = -2 + 21 * s
    const solarHour = (t / HOUR_MS + 1) % 24 // UTC+1 ≈ local mean solar time
    const amplitude = (3 + 4 * s) * Math.min(1.5, Math.max(0.3, 1 + 0.35 * cloud.step()))
    const daily =
      0.5 * amplitude * Math.cos((TWO_PI * (solarHour - 15)) / 24) +
      0.08 * amplitude * Math.cos((2 * TWO_PI * (solarHour - 10)) / 24)
    const anomaly = (3.6 - 1.0 * s) * synoptic.step() + (1.6 - 0.4 * s) * spell.step()
    out[i] = annual + daily + anomaly + 0.25 * rng.normal()
  }
  return out
}

/**
 * Hourly precipitation (mm): a two-state (dry/wet) Markov chain, longer stratiform spells in
 * winter, shorter and heavier showers in summer, exponential amounts.
 */
function precipitation(times: readonly number[], rng: Rng): Float64Array {
  const out = new Float64Array(times.length)
  let wet = false
  for (let i = 0; i < times.length; i++) {
    const s = season(times[i])
    const pStart = 0.026 - 0.006 * s
    const pStay = 0.84 - 0.12 * s
    wet = rng.uniform() < (wet ? pStay : pStart)
    out[i] = wet ? 0.1 + rng.exponential(0.4 + 0.7 * s) : 0
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Formatting and gaps

function fixed(v: number, digits: number): string {
  const s = v.toFixed(digits)
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s
}

function runIndices(times: readonly number[], runs: readonly HourRun[]): Set<number> {
  const index = new Map(times.map((t, i) => [t, i]))
  const out = new Set<number>()
  for (const run of runs) {
    const start = parseUtc(run.start)
    for (let h = 0; h < run.hours; h++) {
      const i = index.get(start + h * HOUR_MS)
      if (i === undefined) throw new Error(`gap ${run.start} outside the series`)
      out.add(i)
    }
  }
  return out
}

function toCsv(
  header: string,
  times: readonly number[],
  cells: (i: number) => string[],
  blank: readonly HourRun[],
  absent: readonly HourRun[],
): string {
  const blankSet = runIndices(times, blank)
  const absentSet = runIndices(times, absent)
  const lines = [header]
  for (let i = 0; i < times.length; i++) {
    if (absentSet.has(i)) continue
    const values = cells(i)
    lines.push(
      [formatUtc(times[i]), ...(blankSet.has(i) ? values.map(() => '') : values)].join(','),
    )
  }
  return lines.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// District heat

// Multipliers by local hour 0–23 (normalised to mean 1 below). Space heating: night set-back,
// morning recovery peak 06–08, evening shoulder. Weekends: later, flatter morning.
const SPACE_PROFILE: readonly (readonly number[])[] = [
  [
    0.86, 0.84, 0.83, 0.84, 0.9, 1.04, 1.2, 1.24, 1.16, 1.06, 1.0, 0.97, 0.95, 0.94, 0.94, 0.96,
    1.0, 1.04, 1.06, 1.05, 1.02, 0.97, 0.92, 0.88,
  ],
  [
    0.88, 0.86, 0.85, 0.85, 0.87, 0.92, 1.02, 1.12, 1.17, 1.12, 1.05, 1.0, 0.97, 0.96, 0.96, 0.98,
    1.01, 1.04, 1.06, 1.05, 1.02, 0.98, 0.94, 0.9,
  ],
  [
    0.89, 0.87, 0.86, 0.86, 0.87, 0.91, 0.99, 1.08, 1.15, 1.13, 1.07, 1.02, 0.98, 0.96, 0.96, 0.98,
    1.01, 1.04, 1.06, 1.05, 1.02, 0.98, 0.94, 0.91,
  ],
].map(normalised)
// Domestic hot water: morning and evening draw-off peaks.
const DHW_PROFILE: readonly (readonly number[])[] = [
  [
    0.35, 0.25, 0.22, 0.22, 0.35, 0.8, 1.6, 1.75, 1.45, 1.15, 1.0, 0.95, 1.0, 0.95, 0.85, 0.85,
    0.95, 1.15, 1.35, 1.5, 1.45, 1.25, 0.95, 0.6,
  ],
  [
    0.45, 0.32, 0.25, 0.22, 0.25, 0.4, 0.75, 1.2, 1.55, 1.6, 1.4, 1.2, 1.15, 1.05, 0.95, 0.9, 0.95,
    1.1, 1.3, 1.45, 1.4, 1.2, 0.95, 0.7,
  ],
  [
    0.5, 0.35, 0.27, 0.23, 0.24, 0.35, 0.6, 1.0, 1.45, 1.65, 1.55, 1.35, 1.25, 1.05, 0.95, 0.9,
    0.95, 1.1, 1.3, 1.4, 1.35, 1.15, 0.9, 0.65,
  ],
].map(normalised)
// Commercial share heats less on Saturdays, Sundays and holidays.
const SPACE_DAY_FACTOR = [1, 0.93, 0.87]

/** CSV text of the district heat demo series (`timestamp,heat_mw,outdoor_temp_c`). */
export function makeHeatDemo(seed = HEAT_SEED): string {
  const times = hourlyTimes(HEAT_START, HEAT_END)
  const temp = temperature(times, new Rng(seed, 1))
  const noiseRng = new Rng(seed, 2)
  const slowNoise = new Ar1(noiseRng, 6)

  const heat = new Float64Array(times.length)
  let buildingTemp = temp[0]
  const inertia = 1 - Math.exp(-1 / 18)
  for (let i = 0; i < times.length; i++) {
    const t = times[i]
    buildingTemp += inertia * (temp[i] - buildingTemp)
    const effective = 0.6 * buildingTemp + 0.4 * temp[Math.max(0, i - 3)]
    const degrees = softplus(17 - effective, 1.2)
    const s = season(t)
    const { hour, dayType, month, day } = localTime(t)
    const festive = month === 12 && day >= 24 ? 0.95 : month === 1 && day <= 2 ? 0.96 : 1
    const space = 4.1 * degrees * SPACE_PROFILE[dayType][hour] * SPACE_DAY_FACTOR[dayType] * festive
    const dhw = (10.5 - 2 * s) * DHW_PROFILE[dayType][hour]
    const losses = 3.2 + 0.9 * (1 - s)
    const noise = Math.exp(0.045 * slowNoise.step() + 0.02 * noiseRng.normal())
    heat[i] = (space + dhw + losses) * noise
  }

  const stuck = runIndices(times, [HEAT_STUCK_RUN])
  const stuckFirst = Math.min(...stuck)
  return toCsv(
    'timestamp,heat_mw,outdoor_temp_c',
    times,
    (i) => [fixed(heat[stuck.has(i) ? stuckFirst : i], 3), fixed(temp[i], 1)],
    HEAT_BLANK_RUNS,
    HEAT_ABSENT_RUNS,
  )
}

// ---------------------------------------------------------------------------------------------
// Water

// Household demand by local hour: night minimum, morning and evening peaks; later on weekends.
const WATER_PROFILE: readonly (readonly number[])[] = [
  [
    0.48, 0.42, 0.4, 0.4, 0.45, 0.65, 1.15, 1.5, 1.4, 1.2, 1.08, 1.05, 1.1, 1.05, 0.98, 0.95, 1.0,
    1.12, 1.28, 1.35, 1.25, 1.05, 0.82, 0.62,
  ],
  [
    0.55, 0.47, 0.43, 0.41, 0.42, 0.5, 0.72, 1.05, 1.32, 1.4, 1.32, 1.22, 1.2, 1.1, 1.0, 0.97, 1.0,
    1.1, 1.24, 1.3, 1.22, 1.05, 0.85, 0.66,
  ],
  [
    0.58, 0.48, 0.43, 0.41, 0.41, 0.45, 0.6, 0.85, 1.2, 1.42, 1.4, 1.3, 1.25, 1.12, 1.02, 0.98,
    1.02, 1.12, 1.25, 1.3, 1.22, 1.05, 0.85, 0.68,
  ],
].map(normalised)
const WATER_DAY_FACTOR = [1, 0.98, 0.95]
// Garden irrigation: mostly evening, some early morning.
const IRRIGATION_PROFILE = normalised([
  0.2, 0.1, 0.1, 0.1, 0.3, 0.8, 1.0, 0.8, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 1.2, 2.0,
  2.4, 2.2, 1.6, 0.9, 0.4,
])

/** CSV text of the water demo series (`timestamp,water_m3h,outdoor_temp_c,rain_mm`). */
export function makeWaterDemo(seed = WATER_SEED): string {
  const times = hourlyTimes(WATER_START, WATER_END)
  const baseTemp = temperature(times, new Rng(seed, 1))
  const rain = precipitation(times, new Rng(seed, 2))
  const noiseRng = new Rng(seed, 3)
  const slowNoise = new Ar1(noiseRng, 5)

  const temp = new Float64Array(times.length)
  const water = new Float64Array(times.length)
  let wetness = 0 // rain cools the air for a few hours
  let dailyTemp = baseTemp[0]
  let recentRain = 0 // ≈ mm over the last day and a half
  const wetDecay = 1 - Math.exp(-1 / 4)
  const dayDecay = 1 - Math.exp(-1 / 24)
  const rainDecay = Math.exp(-1 / 36)
  for (let i = 0; i < times.length; i++) {
    const t = times[i]
    wetness += wetDecay * ((rain[i] > 0 ? 1 : 0) - wetness)
    temp[i] = baseTemp[i] - 1.8 * wetness
    dailyTemp += dayDecay * (temp[i] - dailyTemp)
    recentRain = rainDecay * recentRain + rain[i]
    const s = season(t)
    const { hour, dayType } = localTime(t)
    const household =
      520 *
      (1 + 0.03 * s) *
      WATER_PROFILE[dayType][hour] *
      WATER_DAY_FACTOR[dayType] *
      (1 + 0.008 * softplus(dailyTemp - 15, 1))
    const irrigation =
      11 *
      softplus(dailyTemp - 17, 1) *
      IRRIGATION_PROFILE[hour] *
      Math.exp(-recentRain / 2.5) *
      (rain[i] > 0 ? 0.3 : 1)
    const noise = Math.exp(0.035 * slowNoise.step() + 0.02 * noiseRng.normal())
    water[i] = (household + irrigation) * noise
  }

  return toCsv(
    'timestamp,water_m3h,outdoor_temp_c,rain_mm',
    times,
    (i) => [fixed(water[i], 2), fixed(temp[i], 1), fixed(rain[i], 1)],
    WATER_BLANK_RUNS,
    WATER_ABSENT_RUNS,
  )
}

// ---------------------------------------------------------------------------------------------

export const DATASET_DIR = dirname(fileURLToPath(import.meta.url))

export function writeDemoData(dir = DATASET_DIR): void {
  writeFileSync(join(dir, 'heat.csv'), makeHeatDemo())
  writeFileSync(join(dir, 'water.csv'), makeWaterDemo())
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeDemoData()
  console.log(`wrote heat.csv and water.csv to ${DATASET_DIR}`)
}
