import { describe, expect, it } from 'vitest'
import { resolveLocalTimes } from '../../../../src-main/engine/data/local-times'
import { ZoneClock } from '../../../../src-main/engine/data/zone-clock'
import { parseCsv } from '../../../../src-main/engine/data/parse-csv'
import { HOUR, bytesOf, dataError } from './helpers'

const wall = (d: number, h: number, m = 0) => Date.UTC(2024, 9, d, h, m)

function resolve(walls: number[], zone = 'Europe/Berlin') {
  const times = Float64Array.from(walls)
  const lines = Int32Array.from(walls, (_, i) => i + 2)
  const result = resolveLocalTimes(times, lines, walls.length, new ZoneClock(zone), 'time')
  return { times: Array.from(times), result }
}

describe('local times in Europe/Berlin', () => {
  it('places a repeated hour by file order', () => {
    const { times, result } = resolve([wall(27, 1), wall(27, 2), wall(27, 2), wall(27, 3)])
    expect(times).toEqual([wall(26, 23), wall(27, 0), wall(27, 1), wall(27, 2)])
    expect(result.resolved).toBe(2)
    expect(result.warnings[0].code).toBe('DST_RESOLVED')
  })

  it('places quarter hours of the repeated hour by file order too', () => {
    const walls: number[] = []
    for (let k = 0; k < 16; k++) walls.push(wall(27, 1) + (k < 8 ? k : k - 4) * 15 * 60_000)
    // 01:00 … 02:45 (CEST), then 02:00 … 02:45 again (CET): 16 distinct quarter hours.
    const { times } = resolve(walls)
    for (let k = 1; k < times.length; k++) expect(times[k] - times[k - 1]).toBe(15 * 60_000)
  })

  it('refuses a repeated wall time that appears once', () => {
    const error = dataError(() => resolve([wall(27, 1), wall(27, 2), wall(27, 3)]), 'DST_AMBIGUOUS')
    expect(error.line).toBe(3)
    expect(error.message).toMatch(/Line 3: 2024-10-27 02:00/)
  })

  it('refuses a wall time skipped in spring', () => {
    const spring = (h: number) => Date.UTC(2024, 2, 31, h)
    const error = dataError(() => resolve([spring(1), spring(2), spring(3)]), 'DST_NONEXISTENT')
    expect(error.line).toBe(3)
  })

  it('reads a full local year on a regular UTC grid', () => {
    const rows = ['time,v']
    // Every wall hour of 2024 as a Berlin clock shows it: 02:00 missing in March, twice in October.
    let t = Date.UTC(2023, 11, 31, 23)
    const end = Date.UTC(2024, 11, 31, 23)
    const clock = new ZoneClock('Europe/Berlin')
    for (; t < end; t += HOUR) {
      const local = new Date(t + clock.offsetAt(t)).toISOString().slice(0, 16).replace('T', ' ')
      rows.push(`${local},1`)
    }
    const table = parseCsv(bytesOf(rows.join('\n')), { timezone: 'Europe/Berlin' })
    for (let i = 1; i < table.rows; i++) {
      expect(table.timestamps[i] - table.timestamps[i - 1]).toBe(HOUR)
    }
    expect(table.warnings.map((w) => w.code)).toEqual(['DST_RESOLVED'])
  })
})
