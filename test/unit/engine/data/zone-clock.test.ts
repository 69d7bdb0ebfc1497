import { IANAZone } from 'luxon'
import { describe, expect, it } from 'vitest'
import { WallKind, ZoneClock, checkTimezone } from '../../../../src-main/engine/data/zone-clock'
import { DataError } from '../../../../src-main/engine/data/data-error'
import { HOUR, seeded } from './helpers'

const MINUTE = 60_000
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe', // DST shifts by 30 minutes
  'Asia/Kathmandu', // +05:45
  'America/Sao_Paulo', // dropped DST in 2019
  'Pacific/Apia', // skipped 2011-12-30 entirely
  'UTC',
]

/**
 * Slow oracle: every offset the zone shows within ±16 h (sampled hourly; offsets last far
 * longer than that), kept where an instant with that offset really shows `wall`.
 */
function instantsOf(zone: string, wall: number): number[] {
  const z = IANAZone.create(zone)
  const offsets = new Set<number>()
  for (let h = -16; h <= 16; h++) offsets.add(z.offset(wall + h * HOUR))
  const found: number[] = []
  for (const o of offsets) {
    const t = wall - o * MINUTE
    if (z.offset(t) === o) found.push(t)
  }
  return found.sort((a, b) => a - b)
}

describe('ZoneClock', () => {
  it('gives the same offsets as luxon', () => {
    const rand = seeded(3)
    for (const zone of ZONES) {
      const clock = new ZoneClock(zone)
      const z = IANAZone.create(zone)
      for (let i = 0; i < 3000; i++) {
        const t =
          Date.UTC(1990, 0, 1) +
          Math.floor(rand() * 45 * 365 * 24) * HOUR +
          Math.floor(rand() * 4) * 15 * MINUTE
        expect(clock.offsetAt(t), `${zone} ${new Date(t).toISOString()}`).toBe(z.offset(t) * MINUTE)
      }
    }
  })

  it('maps wall times to the instants a brute-force search finds', () => {
    const rand = seeded(4)
    for (const zone of ZONES) {
      const clock = new ZoneClock(zone)
      for (let i = 0; i < 800; i++) {
        // Half the samples land in March–April or October–November, where transitions are.
        const year = 2000 + Math.floor(rand() * 25)
        const month = rand() < 0.5 ? [2, 3, 9, 10][Math.floor(rand() * 4)] : Math.floor(rand() * 12)
        const wall = Date.UTC(year, month, 1) + Math.floor(rand() * 30 * 96) * 15 * MINUTE
        const want = instantsOf(zone, wall)
        const got = clock.resolveWall(wall)
        if (want.length === 0) {
          expect(clock.wallKind).toBe(WallKind.nonexistent)
        } else if (want.length === 1) {
          expect(clock.wallKind).toBe(WallKind.unique)
          expect(got).toBe(want[0])
        } else {
          expect(clock.wallKind).toBe(WallKind.ambiguous)
          expect(got).toBe(want[0])
          expect(clock.later).toBe(want[want.length - 1])
        }
      }
    }
  })

  it('handles both Berlin transitions of 2024', () => {
    const clock = new ZoneClock('Europe/Berlin')
    // Spring: 02:00 CET jumps to 03:00 CEST on 2024-03-31.
    expect(clock.resolveWall(Date.UTC(2024, 2, 31, 1, 59))).toBe(Date.UTC(2024, 2, 31, 0, 59))
    expect(clock.resolveWall(Date.UTC(2024, 2, 31, 2, 30))).toBeNaN()
    expect(clock.wallKind).toBe(WallKind.nonexistent)
    expect(clock.resolveWall(Date.UTC(2024, 2, 31, 3, 0))).toBe(Date.UTC(2024, 2, 31, 1, 0))
    // Autumn: 03:00 CEST falls back to 02:00 CET on 2024-10-27, so 02:30 happens twice.
    expect(clock.resolveWall(Date.UTC(2024, 9, 27, 2, 30))).toBe(Date.UTC(2024, 9, 27, 0, 30))
    expect(clock.wallKind).toBe(WallKind.ambiguous)
    expect(clock.later).toBe(Date.UTC(2024, 9, 27, 1, 30))
    expect(clock.resolveWall(Date.UTC(2024, 9, 27, 3, 0))).toBe(Date.UTC(2024, 9, 27, 2, 0))
    expect(clock.wallKind).toBe(WallKind.unique)
  })

  it('accepts UTC spellings and refuses unknown zones', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'GMT', 'utc'])
      expect(() => checkTimezone(zone)).not.toThrow()
    expect(() => checkTimezone('Mars/Olympus_Mons')).toThrow(DataError)
    expect(() => new ZoneClock('Europe/Berln')).toThrow(/not a known time zone/)
  })
})
