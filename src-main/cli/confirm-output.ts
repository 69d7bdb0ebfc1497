// What `frontier confirm` prints: per confirmed trial its validation and test MAE and PICP and
// the change, then where the exports went; or the same as JSON.

import type { StudyFile } from '../engine/store/study-file'
import type { TrialConfirmation } from '../engine/store/trial-confirmation'
import type { ConfirmStudyResult } from '../services/study-confirm'
import { formatNumber } from './run-display'

export interface ConfirmRow {
  trial: number
  validation: { mae: number; picp: number | null }
  test: { mae: number; picp: number | null }
  /** Test minus validation: MAE relative (percent), PICP in percentage points. */
  change: { maePercent: number; picpPoints: number | null }
}

export function confirmRows(study: StudyFile, confirmed: TrialConfirmation[]): ConfirmRow[] {
  return confirmed.map((c) => {
    const trial = study.trials[c.trial]
    const valMae = (trial.values as number[])[0]
    const valPicp = trial.metrics?.picp ?? null
    const testPicp = c.metrics.picp ?? null
    return {
      trial: c.trial,
      validation: { mae: valMae, picp: valPicp },
      test: { mae: c.values[0], picp: testPicp },
      change: {
        maePercent: ((c.values[0] - valMae) / valMae) * 100,
        picpPoints: valPicp !== null && testPicp !== null ? testPicp - valPicp : null,
      },
    }
  })
}

const signed = (v: number | null, digits: number, unit: string) =>
  v === null || !Number.isFinite(v) ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(digits)}${unit}`

export function formatConfirmTable(rows: ConfirmRow[]): string {
  const header = ['trial', 'val MAE', 'val PICP %', 'test MAE', 'test PICP %', 'ΔMAE', 'ΔPICP']
  const cells = rows.map((r) => [
    String(r.trial),
    formatNumber(r.validation.mae),
    formatNumber(r.validation.picp, 1),
    formatNumber(r.test.mae),
    formatNumber(r.test.picp, 1),
    signed(r.change.maePercent, 1, ' %'),
    signed(r.change.picpPoints, 1, ' pp'),
  ])
  const all = [header, ...cells]
  const widths = header.map((_, k) => Math.max(...all.map((r) => r[k].length)))
  return all
    .map((r) => r.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))))
    .map((r) => `  ${r.join('  ')}`.trimEnd())
    .join('\n')
}

function period(confirmed: TrialConfirmation[]): string {
  const c = confirmed[0]
  const days = (t: string | null) => (t ? t.slice(0, 10) : '?')
  return `${c.origins.length} origins × ${c.horizon} steps, from ${days(c.from)} to ${days(c.to)}`
}

export function formatConfirm(result: ConfirmStudyResult): string {
  const { confirmed, study } = result
  const lines = [
    `Confirmed ${confirmed.length} trial${confirmed.length === 1 ? '' : 's'} of ${study.config.name} on the test split (${period(confirmed)}):`,
    formatConfirmTable(confirmRows(study, confirmed)),
    '',
    `Stored in ${result.studyPath}`,
  ]
  if (result.exported) {
    lines.push(
      'Exports rewritten (validation beside test for confirmed trials):',
      `  benchmarker JSON  ${result.exported.exportPath}`,
      `  trials CSV        ${result.exported.trialsCsvPath}`,
    )
  } else lines.push(`Exports not rewritten: ${result.exportProblem ?? 'unknown reason'}`)
  return lines.join('\n')
}

export function confirmJson(result: ConfirmStudyResult) {
  return {
    study: result.studyPath,
    trials: confirmRows(result.study, result.confirmed).map((row, i) => ({
      ...row,
      confirmation: result.confirmed[i],
    })),
    exports: result.exported
      ? {
          benchmarker: result.exported.exportPath,
          params: result.exported.paramsPath,
          trials_csv: result.exported.trialsCsvPath,
        }
      : null,
    exportProblem: result.exportProblem,
  }
}
