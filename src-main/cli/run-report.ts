// What `frontier run` prints at the end: the Pareto front as a table, the three picks (best MAE,
// best PICP, balanced) and where the files went — as text, or as one JSON object with --json.

import { paretoSummary } from '../engine/hpo/pareto'
import type { Study } from '../engine/hpo/study'
import type { TrialRecord } from '../engine/hpo/types'
import type { ExecutionPlan } from '../services/execution-plan'
import type { StudyExport } from '../services/study-export'
import { formatNumber } from './run-display'

export interface RunOutcome {
  studyPath: string
  resumed: boolean
  recovered: number[]
  plan: ExecutionPlan
  stopped: boolean
  exported: StudyExport | null
  /** Why nothing was exported, when nothing was. */
  exportProblem: string | null
}

const picp = (t: TrialRecord) => t.metrics?.picp ?? null

function counts(study: Study) {
  const trials = study.trials
  const of = (pred: (t: TrialRecord) => boolean) => trials.filter(pred).length
  return {
    asked: trials.length,
    complete: of((t) => t.state === 'complete'),
    pruned: of((t) => t.state === 'pruned'),
    failed: of((t) => t.state === 'failed' && t.error?.code !== 'INTERRUPTED'),
    interrupted: of((t) => t.error?.code === 'INTERRUPTED'),
    budget: study.config.budget.trials,
  }
}

function trialJson(t: TrialRecord | null) {
  if (!t || !t.values) return null
  return {
    trial: t.number,
    mae: t.values[0],
    picp: picp(t),
    picp_gap: t.values[1],
    params: t.params,
  }
}

export function runJson(study: Study, outcome: RunOutcome) {
  const summary = paretoSummary(study.trials, study.data.userPick)
  const e = outcome.exported
  return {
    study: outcome.studyPath,
    resumed: outcome.resumed,
    recovered: outcome.recovered,
    stopped: outcome.stopped,
    plan: outcome.plan,
    trials: counts(study),
    front: summary.front.map(trialJson),
    picks: {
      best_mae: trialJson(summary.bestMae),
      best_picp: trialJson(summary.bestPicp),
      balanced: trialJson(summary.balanced),
    },
    exports: e
      ? {
          benchmarker: e.exportPath,
          params: e.paramsPath,
          trials_csv: e.trialsCsvPath,
          onnx: e.onnxPath,
        }
      : null,
    export_problem: outcome.exportProblem,
  }
}

function paramsText(t: TrialRecord): string {
  return Object.entries(t.params)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(3) : v}`)
    .join(' ')
}

export function formatRun(study: Study, outcome: RunOutcome): string {
  const c = counts(study)
  const summary = paretoSummary(study.trials, study.data.userPick)
  const out: string[] = []
  const of = c.budget !== null ? ` of ${c.budget}` : ''
  out.push(
    `${outcome.stopped ? 'Stopped' : 'Finished'}: ${c.asked - c.interrupted}${of} trials — ` +
      `${c.complete} complete, ${c.pruned} pruned, ${c.failed} failed` +
      (c.interrupted > 0 ? `, ${c.interrupted} interrupted (run again on --resume)` : ''),
  )
  out.push('')
  if (summary.front.length > 0) {
    out.push(
      `Pareto front (${summary.front.length} trial${summary.front.length === 1 ? '' : 's'}):`,
    )
    out.push(
      `  ${'trial'.padStart(5)}  ${'MAE'.padStart(10)}  ${'PICP %'.padStart(7)}  ${'|gap|'.padStart(6)}  params`,
    )
    for (const t of summary.front) {
      const [mae, gap] = t.values as number[]
      out.push(
        `  ${String(t.number).padStart(5)}  ${formatNumber(mae).padStart(10)}  ` +
          `${formatNumber(picp(t), 1).padStart(7)}  ${formatNumber(gap, 2).padStart(6)}  ${paramsText(t)}`,
      )
    }
    out.push('')
    out.push('Picks:')
    const picks: [string, TrialRecord | null][] = [
      ['best MAE', summary.bestMae],
      ['best PICP', summary.bestPicp],
      ['balanced', summary.balanced],
    ]
    for (const [name, t] of picks)
      if (t && t.values)
        out.push(
          `  ${name.padEnd(10)} trial ${String(t.number).padStart(3)}  MAE ${formatNumber(t.values[0])}  ` +
            `PICP ${formatNumber(picp(t), 1)} %  |gap| ${formatNumber(t.values[1], 2)}`,
        )
    out.push('')
  }
  const e = outcome.exported
  out.push('Files:')
  out.push(`  study            ${outcome.studyPath}`)
  if (e) {
    out.push(`  benchmarker JSON ${e.exportPath}`)
    out.push(`  parameters       ${e.paramsPath}`)
    out.push(`  trials CSV       ${e.trialsCsvPath}`)
    out.push(`  ONNX model       ${e.onnxPath ?? '(none kept for the selected trial)'}`)
  } else if (outcome.exportProblem) out.push(`  (nothing exported: ${outcome.exportProblem})`)
  return out.join('\n')
}
