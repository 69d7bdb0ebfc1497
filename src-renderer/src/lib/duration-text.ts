// Durations as the setup form takes them ("90 min", "2h", "1.5 d", "45s"; a bare number is
// minutes) and as the estimates show them ("1 h 30 min").
import { isNumberText, type Parsed } from './number-text'

const UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
}

/** Seconds, or null for empty text. */
export function parseDuration(text: string, label: string): Parsed<number | null> {
  const t = text.trim().toLowerCase()
  if (t === '') return { ok: true, value: null }
  const match = /^(.*?)\s*([a-z]*)$/.exec(t)
  const amount = match?.[1] ?? ''
  const unit = match?.[2] || 'min'
  if (!isNumberText(amount) || !(unit in UNITS))
    return {
      ok: false,
      message: `${label}: "${text.trim()}" is not a duration; write e.g. 90 min, 2 h or 1 d.`,
    }
  const seconds = Number(amount) * UNITS[unit]
  if (!(seconds > 0)) return { ok: false, message: `${label}: the time must be more than 0.` }
  return { ok: true, value: seconds }
}

/** "45 s", "12 min", "1 h 30 min", "2 d 3 h": the two largest units, rounded. */
export function formatDuration(seconds: number): string {
  if (seconds < 59.5) return `${Math.max(1, Math.round(seconds))} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60)
    const m = minutes % 60
    return m === 0 ? `${h} h` : `${h} h ${m} min`
  }
  const hours = Math.round(seconds / 3600)
  const d = Math.floor(hours / 24)
  const h = hours % 24
  return h === 0 ? `${d} d` : `${d} d ${h} h`
}

/** The text a stored duration goes back into the form as (clone): whole units where it can. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return ''
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}
