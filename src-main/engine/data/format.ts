// Small formatters for user-facing messages: instants, wall times, durations, counts.

import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil'

/** An instant as "2024-01-01 13:00 UTC" (seconds only when they are not zero). */
export function formatInstant(ms: number): string {
  return `${formatWall(ms)} UTC`
}

/** A wall-clock time held as if it were UTC, as "2024-10-27 02:30" (no zone). */
export function formatWall(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms)
  const iso = new Date(ms).toISOString()
  const seconds = iso.slice(17, 19)
  const millis = iso.slice(20, 23)
  let text = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
  if (seconds !== '00' || millis !== '000') text += `:${seconds}`
  if (millis !== '000') text += `.${millis}`
  return text
}

/** A step length as a compact label: "1h", "15min", "1d", "30s", "250ms". */
export function durationLabel(ms: number): string {
  if (ms > 0 && ms % MS_PER_DAY === 0) return `${ms / MS_PER_DAY}d`
  if (ms > 0 && ms % MS_PER_HOUR === 0) return `${ms / MS_PER_HOUR}h`
  if (ms > 0 && ms % MS_PER_MINUTE === 0) return `${ms / MS_PER_MINUTE}min`
  if (ms > 0 && ms % 1000 === 0) return `${ms / 1000}s`
  return `${ms}ms`
}

/** A count with thousands separators, as people read it: 12,345. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** "1 line" / "3 lines". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`
}

/** A cell quoted for a message, cut short when it is long. */
export function quoteCell(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text
  return `"${shown}"`
}
