// Ingest benchmark: a 1,000,000-row CSV (hourly ISO timestamps, 10 numeric columns, a few gaps
// and missing cells) is written to a temp dir, then read back through readDataset (read file +
// parse + profile). Prints the time per phase and peak memory; asserts nothing (see STYLE.md).
//
//   npx tsx test/bench/ingest.ts [rows] [--local]
//
// --local writes Europe/Berlin wall-clock times (no offset) and reads them in that zone, to
// measure the DST-aware conversion as well.

import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readDataset } from '../../src-main/engine/data/read-dataset'
import { ZoneClock } from '../../src-main/engine/data/zone-clock'
import { Rng } from '../../src-main/engine/rng'

const args = process.argv.slice(2)
const LOCAL = args.includes('--local')
const ROWS = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000)
const ZONE = LOCAL ? 'Europe/Berlin' : 'UTC'
const COLUMNS = 10
const START = Date.UTC(2000, 0, 1)
const HOUR = 3_600_000

/** Writes the CSV in chunks, so generating it does not inflate the memory measured after. */
function writeCsv(file: string, rows: number): void {
  // Seeded, so every run reads the same file.
  const rng = new Rng(42)
  const clock = new ZoneClock(ZONE)
  const fd = openSync(file, 'w')
  const header = ['time', ...Array.from({ length: COLUMNS }, (_, k) => `c${k}`)].join(',')
  let parts: string[] = [header]
  let hour = 0
  for (let r = 0; r < rows; r++) {
    // Every 50,000 rows skip 5 hours: absent timestamps for the profile to find.
    if (r > 0 && r % 50_000 === 0) hour += 5
    const instant = START + hour * HOUR
    const t = LOCAL
      ? new Date(instant + clock.offsetAt(instant)).toISOString().slice(0, 19).replace('T', ' ')
      : new Date(instant).toISOString().slice(0, 19) + 'Z'
    const cells = [t]
    for (let k = 0; k < COLUMNS; k++) {
      const daily = Math.sin((2 * Math.PI * (hour % 24)) / 24)
      cells.push(
        rng.uniform() < 0.001 ? '' : (100 * k + 50 * daily + 10 * rng.uniform()).toFixed(3),
      )
    }
    parts.push(cells.join(','))
    hour++
    if (parts.length === 20_000) {
      writeSync(fd, parts.join('\n') + '\n')
      parts = []
    }
  }
  if (parts.length > 0) writeSync(fd, parts.join('\n') + '\n')
  closeSync(fd)
}

const dir = mkdtempSync(join(tmpdir(), 'frontier-ingest-'))
const file = join(dir, 'ingest.csv')
try {
  let t0 = performance.now()
  writeCsv(file, ROWS)
  const generate = performance.now() - t0
  const size = statSync(file).size

  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  let peakBuffers = process.memoryUsage().arrayBuffers
  // Sampled at every progress report (a few dozen per phase): the code under test is synchronous.
  const sample = () => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers)
  }
  const baseRss = peakRss
  const phases: Record<string, number> = {}

  t0 = performance.now()
  const bytes = readFileSync(file)
  const read = performance.now() - t0
  sample()
  let phase = 'parse'
  let phaseStart = performance.now()
  const { series, profile } = readDataset(bytes, { timezone: ZONE }, (p) => {
    sample()
    if (p !== phase) {
      phases[phase] = performance.now() - phaseStart
      phase = p
      phaseStart = performance.now()
    }
  })
  phases[phase] = performance.now() - phaseStart
  const total = performance.now() - t0
  sample()

  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`
  console.log(`timestamps      ${LOCAL ? 'Europe/Berlin wall-clock times' : 'ISO 8601 in UTC (Z)'}`)
  console.log(
    `file            ${ROWS.toLocaleString('en-US')} rows × ${COLUMNS + 1} columns, ${mb(size)} (generated in ${(generate / 1000).toFixed(1)} s)`,
  )
  console.log(`read file       ${read.toFixed(0)} ms`)
  console.log(`parse           ${phases.parse.toFixed(0)} ms`)
  console.log(`profile         ${phases.profile.toFixed(0)} ms`)
  console.log(
    `total           ${total.toFixed(0)} ms  (target 3000 ms: ${(total / 3000).toFixed(2)}× of budget)`,
  )
  console.log(`throughput      ${(size / 2 ** 20 / (total / 1000)).toFixed(0)} MiB/s`)
  console.log(
    `peak rss        ${mb(peakRss)} (${mb(peakRss - baseRss)} above start), peak heap ${mb(peakHeap)} + typed arrays ${mb(peakBuffers)}`,
  )
  console.log(
    `grid            ${profile.gridLength.toLocaleString('en-US')} steps of ${profile.frequencyLabel}, ${profile.absentTimestamps} absent, ${series.columns.length} columns`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
