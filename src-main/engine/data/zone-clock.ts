// UTC offsets of an IANA zone, fast enough for a million rows. A luxon offset lookup costs a few
// microseconds, so it is asked once per week of instants (where the offset is constant, which it
// is for all but the two transition weeks of a DST year), and a transition inside a week is
// located to the second by bisection. Zones never change their offset twice within a week.

import { IANAZone } from 'luxon'
import { DataError } from './data-error'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil'

const BLOCK_MS = 7 * MS_PER_DAY
/** No zone is further than this from UTC (Kiribati is +14, Baker Island −12). */
const MAX_OFFSET_MS = 15 * MS_PER_HOUR

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'universal'])

export function isUtc(timezone: string): boolean {
  return UTC_NAMES.has(timezone.toLowerCase())
}

/** Throws UNKNOWN_TIMEZONE unless the name is an IANA zone this runtime knows. */
export function checkTimezone(timezone: string): void {
  if (isUtc(timezone) || IANAZone.isValidZone(timezone)) return
  throw new DataError(
    'UNKNOWN_TIMEZONE',
    `"${timezone}" is not a known time zone. Use an IANA zone name such as "Europe/Berlin", ` +
      '"America/New_York" or "UTC".',
  )
}

/** One week of instants: offset o0 before the transition instant t, o1 from it (t = ∞: none). */
interface Block {
  o0: number
  o1: number
  t: number
}

/** How a wall-clock time maps to instants, from ZoneClock.resolveWall. */
export const WallKind = { unique: 0, ambiguous: 1, nonexistent: 2 } as const
export type WallKind = (typeof WallKind)[keyof typeof WallKind]

export class ZoneClock {
  readonly timezone: string
  private readonly zone: IANAZone | null
  private readonly blocks = new Map<number, Block>()
  private readonly samples = new Map<number, number>()
  private lastBlockIndex = NaN
  private lastBlock: Block = { o0: 0, o1: 0, t: NaN }
  private lastWallDay = NaN
  private lastWallOffset = 0

  /** After resolveWall: what the wall time was, and its later instant when ambiguous. */
  wallKind: WallKind = WallKind.unique
  later = NaN

  constructor(timezone: string) {
    checkTimezone(timezone)
    this.timezone = timezone
    this.zone = isUtc(timezone) ? null : IANAZone.create(timezone)
  }

  /** UTC offset in ms at an instant (local = instant + offset). */
  offsetAt(instant: number): number {
    if (this.zone === null) return 0
    const index = Math.floor(instant / BLOCK_MS)
    const block = index === this.lastBlockIndex ? this.lastBlock : this.block(index)
    return block.t <= instant ? block.o1 : block.o0
  }

  /**
   * The instant of a wall-clock time (held as if UTC). Unique: returns it. Ambiguous (clocks
   * went back): returns the earlier instant and sets `later`. Nonexistent (clocks jumped
   * forward over it): returns NaN. `wallKind` says which.
   */
  resolveWall(wall: number): number {
    this.wallKind = WallKind.unique
    if (this.zone === null) return wall
    const day = Math.floor(wall / MS_PER_DAY)
    if (day === this.lastWallDay) return wall - this.lastWallOffset
    // Instants that can show this wall day lie within a day and the largest offset of it.
    const first = Math.floor((day * MS_PER_DAY - MAX_OFFSET_MS) / BLOCK_MS)
    const last = Math.floor(((day + 1) * MS_PER_DAY + MAX_OFFSET_MS) / BLOCK_MS)
    const offsets = new Set<number>()
    for (let i = first; i <= last; i++) {
      const block = this.block(i)
      offsets.add(block.o0)
      offsets.add(block.o1)
    }
    if (offsets.size === 1) {
      this.lastWallDay = day
      this.lastWallOffset = offsets.values().next().value as number
      return wall - this.lastWallOffset
    }
    return this.resolveNearTransition(wall, offsets)
  }

  private resolveNearTransition(wall: number, offsets: Set<number>): number {
    const instants: number[] = []
    for (const offset of offsets) {
      const instant = wall - offset
      if (this.offsetAt(instant) === offset) instants.push(instant)
    }
    instants.sort((a, b) => a - b)
    if (instants.length === 0) {
      this.wallKind = WallKind.nonexistent
      return NaN
    }
    if (instants.length > 1) {
      this.wallKind = WallKind.ambiguous
      this.later = instants[instants.length - 1]
    }
    return instants[0]
  }

  private block(index: number): Block {
    let block = this.blocks.get(index)
    if (block === undefined) {
      const start = index * BLOCK_MS
      const o0 = this.sample(start)
      const o1 = this.sample(start + BLOCK_MS)
      block = { o0, o1, t: o0 === o1 ? Infinity : this.transition(start, start + BLOCK_MS, o0) }
      this.blocks.set(index, block)
    }
    this.lastBlockIndex = index
    this.lastBlock = block
    return block
  }

  /** The first instant in (lo, hi] whose offset differs from o0, to the second. */
  private transition(lo: number, hi: number, o0: number): number {
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000
      if (this.offset(mid) === o0) lo = mid
      else hi = mid
    }
    return hi
  }

  /** Offsets at block boundaries, shared by the blocks on either side. */
  private sample(instant: number): number {
    let offset = this.samples.get(instant)
    if (offset === undefined) {
      offset = this.offset(instant)
      this.samples.set(instant, offset)
    }
    return offset
  }

  private offset(instant: number): number {
    return (this.zone as IANAZone).offset(instant) * MS_PER_MINUTE
  }
}
