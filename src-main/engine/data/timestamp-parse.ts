// Timestamps straight from the file's bytes, in the handful of unambiguous formats the app
// accepts. Day-first or month-first dates (01/02/2024) are refused on purpose: guessing which
// one a file means silently corrupts half the year.
//
// A timestamp with an offset (or Z) or an epoch is an exact instant: the result is UTC ms. One
// without an offset is a wall-clock reading: the result is that wall time held as if it were UTC
// ("wall ms"), converted to an instant later, once the zone is known (see local-times.ts).

import type { TimestampFormat } from './types'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, daysFromCivil, daysInMonth } from './civil'

const ZERO = 0x30
const SPACE = 0x20

/** What the parser understands, as shown to users when a file has something else. */
export const SUPPORTED_TIMESTAMPS =
  '2024-01-31T13:00:00Z, 2024-01-31T13:00:00+01:00, 2024-01-31 13:00(:00), 2024-01-31, ' +
  'or Unix epoch seconds (10 digits) / milliseconds (13 digits)'

export class TimestampReader {
  /** Format of the last cell read; null when it was not a timestamp. */
  format: TimestampFormat | null = null
  /** When the shape was right but a field was out of range, which one ("month 13"). */
  problem = ''

  read(b: Uint8Array, start: number, end: number): number {
    this.format = null
    this.problem = ''
    while (start < end && b[start] === SPACE) start++
    while (end > start && b[end - 1] === SPACE) end--
    const length = end - start
    if (length === 10 || length === 13) {
      let allDigits = true
      for (let i = start; i < end; i++) {
        const c = b[i] - ZERO
        if (c < 0 || c > 9) {
          allDigits = false
          break
        }
      }
      if (allDigits) {
        const value = digitsAt(b, start, length)
        this.format = length === 10 ? 'epoch-s' : 'epoch-ms'
        return length === 10 ? value * 1000 : value
      }
    }
    if (length < 10 || b[start + 4] !== 0x2d || b[start + 7] !== 0x2d) return NaN
    const year = digitsAt(b, start, 4)
    const month = digitsAt(b, start + 5, 2)
    const day = digitsAt(b, start + 8, 2)
    if (year < 0 || month < 0 || day < 0) return NaN
    if (month < 1 || month > 12) return this.outOfRange(`month ${month}`)
    if (day < 1 || day > daysInMonth(year, month)) {
      return this.outOfRange(`day ${day} of ${year}-${String(month).padStart(2, '0')}`)
    }
    const date = daysFromCivil(year, month, day) * MS_PER_DAY
    if (length === 10) {
      this.format = 'date'
      return date
    }
    const sep = b[start + 10]
    if ((sep !== 0x54 && sep !== 0x74 && sep !== SPACE) || length < 16) return NaN
    if (b[start + 13] !== 0x3a) return NaN
    const hour = digitsAt(b, start + 11, 2)
    const minute = digitsAt(b, start + 14, 2)
    if (hour < 0 || minute < 0) return NaN
    let i = start + 16
    let second = 0
    let millis = 0
    if (i < end && b[i] === 0x3a) {
      second = digitsAt(b, i + 1, 2)
      if (second < 0 || i + 3 > end) return NaN
      i += 3
      if (i < end && (b[i] === 0x2e || b[i] === 0x2c)) {
        i++
        let scale = 100
        const from = i
        for (; i < end && b[i] >= ZERO && b[i] <= ZERO + 9; i++) {
          millis += (b[i] - ZERO) * scale
          scale /= 10
        }
        if (i === from) return NaN
        // Digits past the millisecond are dropped (the grid never goes below a second).
        millis = Math.floor(millis)
      }
    }
    if (hour > 23) return this.outOfRange(`hour ${hour}`)
    if (minute > 59) return this.outOfRange(`minute ${minute}`)
    if (second > 59) return this.outOfRange(`second ${second}`)
    const wall = date + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis
    while (i < end && b[i] === SPACE) i++
    if (i === end) {
      this.format = 'iso-local'
      return wall
    }
    const offset = this.offsetAt(b, i, end)
    if (Number.isNaN(offset)) return NaN
    this.format = 'iso-offset'
    return wall - offset
  }

  /** Z, UTC, ±hh, ±hhmm or ±hh:mm → offset in ms; NaN for anything else. */
  private offsetAt(b: Uint8Array, i: number, end: number): number {
    const c = b[i]
    const rest = end - i
    if (rest === 1 && (c === 0x5a || c === 0x7a)) return 0
    if (rest === 3 && b[i] === 0x55 && b[i + 1] === 0x54 && b[i + 2] === 0x43) return 0
    if (c !== 0x2b && c !== 0x2d) return NaN
    const sign = c === 0x2b ? 1 : -1
    const hours = digitsAt(b, i + 1, 2)
    let minutes: number
    if (rest === 3) minutes = 0
    else if (rest === 5) minutes = digitsAt(b, i + 3, 2)
    else if (rest === 6 && b[i + 3] === 0x3a) minutes = digitsAt(b, i + 4, 2)
    else return NaN
    if (hours < 0 || minutes < 0) return NaN
    if (hours > 18 || minutes > 59) {
      this.problem = `offset ${String.fromCharCode(c)}${hours}:${minutes}`
      return NaN
    }
    return sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE)
  }

  private outOfRange(what: string): number {
    this.problem = `${what} does not exist`
    return NaN
  }
}

/** The value of `count` ASCII digits at `from`, or -1 if any is not a digit. */
function digitsAt(b: Uint8Array, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const d = b[i] - ZERO
    if (!(d >= 0 && d <= 9)) return -1
    value = value * 10 + d
  }
  return value
}

/** A string convenience for the sniffer and tests. */
export function parseTimestampText(text: string): {
  value: number
  format: TimestampFormat | null
} {
  const bytes = new TextEncoder().encode(text)
  const reader = new TimestampReader()
  const value = reader.read(bytes, 0, bytes.length)
  return { value, format: reader.format }
}
