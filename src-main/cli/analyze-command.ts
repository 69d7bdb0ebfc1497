// `frontier analyze <dir>`: one table across the studies under a folder (model × dataset × job:
// trials, Pareto size, best MAE, best PICP, balanced), as text or --json.

import { stat } from 'node:fs/promises'
import type { Command } from './main'
import { parseCliArgs } from './parse-cli-args'
import { formatNumber } from './run-display'
import { scanStudies, type PickSummary, type StudySummary } from './study-summaries'
import { UsageError } from './usage-error'

const usage = `Usage: frontier analyze <dir> [--json]

Finds every study under <dir> (e.g. the --study-dir of frontier run) and prints one row per
study: model, dataset, job, trials (of the budget), complete trials, Pareto front size, best
MAE, best PICP (closest to the target) and the balanced pick. Read-only: safe while studies run.
Exits 1 when no study is found.

Options:
  --json                the rows as JSON
  -h, --help            show this help`

const picpText = (p: PickSummary | null) =>
  p
    ? `${p.picp === null ? `gap ${formatNumber(p.picpGap, 2)}` : `${formatNumber(p.picp, 1)} %`} (#${p.trial})`
    : '—'

function row(s: StudySummary): string[] {
  return [
    s.model,
    s.dataset,
    s.job,
    `${s.trials}${s.budget !== null ? `/${s.budget}` : ''}${s.running > 0 ? ` (${s.running} running)` : ''}`,
    String(s.complete),
    String(s.paretoSize),
    s.bestMae ? `${formatNumber(s.bestMae.mae)} (#${s.bestMae.trial})` : '—',
    picpText(s.bestPicp),
    s.balanced
      ? `#${s.balanced.trial}: MAE ${formatNumber(s.balanced.mae)}, ${picpText(s.balanced).replace(/ \(#\d+\)$/, '')}`
      : '—',
  ]
}

export function formatTable(studies: StudySummary[]): string {
  const header = [
    'model',
    'dataset',
    'job',
    'trials',
    'complete',
    'front',
    'best MAE',
    'best PICP',
    'balanced',
  ]
  const rows = [header, ...studies.map(row)]
  const widths = header.map((_, k) => Math.max(...rows.map((r) => r[k].length)))
  return rows
    .map((r) =>
      r
        .map((cell, k) => cell.padEnd(widths[k]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'one table across the studies in a folder (front size, best MAE/PICP, balanced)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' } }, 1)
    const dir = positionals[0]
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    )
    if (!isDir) throw new UsageError(`${dir} is not a folder`)
    const { studies, problems } = await scanStudies(dir)
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ studies, problems }, null, 2)}\n`)
    } else {
      for (const p of problems) process.stderr.write(`warning: ${p.problem}\n`)
      if (studies.length > 0) process.stdout.write(`${formatTable(studies)}\n`)
    }
    if (studies.length === 0) {
      if (!values.json) process.stderr.write(`No study files under ${dir}.\n`)
      return 1
    }
    return 0
  },
}
