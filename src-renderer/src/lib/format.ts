// Display formatting. Instants are shown in UTC, which is how the engine stores them, so that a
// time read off the chart, the tables and the split editor always means the same instant.

const pad = (n: number) => String(n).padStart(2, '0')

/** 2024-01-31 13:00 (UTC) */
export function formatInstant(ms: number): string {
  const d = new Date(ms)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  )
}

/** The value a `datetime-local` input takes, read as UTC. */
export function toDateTimeInput(ms: number): string {
  return formatInstant(ms).replace(' ', 'T')
}

/** Parses a `datetime-local` value as UTC; null when empty or invalid. */
export function fromDateTimeInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const ms = Date.parse(`${value}Z`)
  return Number.isFinite(ms) ? ms : null
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatCount(n: number): string {
  return integer.format(n)
}

/** A statistic: up to 4 significant digits, thousands separated, '—' for none. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const abs = Math.abs(v)
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return v.toExponential(3)
  return new Intl.NumberFormat('en-US', {
    maximumSignificantDigits: Math.max(4, digits(abs)),
  }).format(v)
}

function digits(abs: number): number {
  return abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1
}

/** "1,234 h" or, from two days on, "1,234 h (51.4 d)". */
export function formatHours(ms: number): string {
  const hours = ms / 3_600_000
  const h = `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(hours)} h`
  return hours >= 48 ? `${h} (${(hours / 24).toFixed(1)} d)` : h
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`
}

/** A run of grid steps, inclusive at both ends: "2024-01-03 04:00 → 06:00 (3 steps)". */
export function formatRun(start: number, end: number, steps: number): string {
  const a = formatInstant(start)
  const b = formatInstant(end)
  const sameDay = a.slice(0, 10) === b.slice(0, 10)
  const span = start === end ? a : `${a} → ${sameDay ? b.slice(11) : b}`
  return `${span} (${formatCount(steps)} ${steps === 1 ? 'step' : 'steps'})`
}

/** A span of time as a person reads it: "42 s", "3 min 05 s", "2 h 07 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const min = Math.floor(s / 60)
  if (min < 60) return `${min} min ${pad(s % 60)} s`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ${pad(min % 60)} min`
  return `${Math.floor(h / 24)} d ${h % 24} h`
}

/** A percentage of 0..100 as "37 %", '—' for none. */
export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—'
  return `${Math.round(p)} %`
}
