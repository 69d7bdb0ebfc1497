// The text form of a profile for `frontier inspect`: what a user scans in a terminal.
import type { ColumnStats, Profile, TimeRun } from '../engine/data/types'

const MAX_LISTED = 8

export function formatProfile(file: string, p: Profile): string {
  const delimiter = p.sniff.delimiter === '\t' ? 'tab' : `"${p.sniff.delimiter}"`
  const lines = [
    `File         ${file}`,
    `Read as      delimiter ${delimiter}, decimal "${p.sniff.decimal}", ${p.sniff.lineEnding.toUpperCase()}${p.sniff.bom ? ', BOM' : ''}`,
    `Timestamps   column "${p.timestampColumn}", ${p.timestampFormat}, zone ${p.timezone}`,
    `Frequency    ${p.frequencyLabel}`,
    `Range        ${iso(p.start)} → ${iso(p.end)}  (${p.rows} rows, grid of ${p.gridLength})`,
    `Duplicates   ${p.duplicateTimestamps}    Unsorted rows ${p.unsortedRows}`,
    `Absent       ${p.absentTimestamps} timestamps in ${p.absentRuns.length} runs`,
    ...runs(p.absentRuns),
    `Gaps         ${p.gaps.length} runs of missing values`,
    ...p.gaps.slice(0, MAX_LISTED).map((g) => `  ${g.column}: ${span(g)}`),
    ...more(p.gaps.length),
    `Constant     ${p.constantRuns.length} suspicious constant runs (values within 1e-9 of the first)`,
    ...p.constantRuns.slice(0, MAX_LISTED).map((r) => `  ${r.column} = ${r.value}: ${span(r)}`),
    ...more(p.constantRuns.length),
    `Level shifts ${(p.levelShifts ?? []).length} (level × 3 or more, 28-day medians either side)`,
    ...(p.levelShifts ?? [])
      .slice(0, MAX_LISTED)
      .map(
        (s) =>
          `  ${s.column} at ${iso(s.at)}: ${num(s.before)} → ${num(s.after)} (× ${num(s.factor)})`,
      ),
    ...more((p.levelShifts ?? []).length),
    '',
    statsTable(p.stats),
  ]
  if (p.droppedColumns.length > 0) {
    lines.push('', 'Dropped columns')
    for (const d of p.droppedColumns) lines.push(`  ${d.name}: ${d.reason}`)
  }
  if (p.warnings.length > 0) {
    lines.push('', 'Warnings')
    for (const w of p.warnings) lines.push(`  ${w.code}: ${w.message}`)
  }
  return lines.join('\n')
}

function statsTable(stats: ColumnStats[]): string {
  const header = ['column', 'count', 'missing', 'min', 'mean', 'median', 'max', 'std']
  const rows = stats.map((s) => [
    s.name,
    String(s.count),
    String(s.missing),
    num(s.min),
    num(s.mean),
    num(s.median),
    num(s.max),
    num(s.std),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}

function runs(list: TimeRun[]): string[] {
  return [...list.slice(0, MAX_LISTED).map((r) => `  ${span(r)}`), ...more(list.length)]
}

function more(n: number): string[] {
  return n > MAX_LISTED ? [`  … and ${n - MAX_LISTED} more`] : []
}

function span(r: TimeRun): string {
  return `${iso(r.start)} → ${iso(r.end)} (${r.steps} steps)`
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

function num(v: number | null): string {
  if (v === null) return '—'
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(3)
}
