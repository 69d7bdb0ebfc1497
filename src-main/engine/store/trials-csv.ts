// Every trial as one CSV row (RFC 4180 quoting): number, state, objective values, parameters,
// metrics, pruning step and reason, times, provider and error. Column names follow the pandas convention
// the Python side knows from Optuna's trials_dataframe: values_<objective>, params_<name>,
// metrics_<name>. A study with confirmed trials gets, after every other column, test_<metric>
// (the test split's metrics, beside the validation ones in metrics_<name>) and
// test_confirmed_at; unconfirmed trials leave them empty.

import { confirmationsByTrial, type ConfirmedStudyData } from './trial-confirmation'

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function trialsCsv(data: ConfirmedStudyData): string {
  const objectives = data.config.objectives.map((o) => o.name)
  const params = Object.keys(data.config.space)
  const metrics: string[] = []
  for (const t of data.trials)
    for (const name of Object.keys(t.metrics ?? {})) if (!metrics.includes(name)) metrics.push(name)
  const confirmed = confirmationsByTrial(data)
  const testMetrics: string[] = []
  for (const c of confirmed.values())
    for (const name of Object.keys(c.metrics))
      if (!testMetrics.includes(name)) testMetrics.push(name)
  const testHeader =
    confirmed.size > 0 ? [...testMetrics.map((m) => `test_${m}`), 'test_confirmed_at'] : []
  const header = [
    'number',
    'state',
    ...objectives.map((o) => `values_${o}`),
    ...params.map((p) => `params_${p}`),
    ...metrics.map((m) => `metrics_${m}`),
    'pruned_at_step',
    'pruned_reason',
    'started_at',
    'finished_at',
    'duration_s',
    'provider',
    'error_code',
    'error_message',
    ...testHeader,
  ]
  const rows = data.trials.map((t) => {
    const duration =
      t.finishedAt === null ? null : (Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 1000
    return [
      t.number,
      t.state,
      ...objectives.map((_, k) => t.values?.[k]),
      ...params.map((p) => t.params[p]),
      ...metrics.map((m) => t.metrics?.[m]),
      t.prunedAtStep,
      t.prunedReason,
      t.startedAt,
      t.finishedAt,
      duration,
      t.provider,
      t.error?.code,
      t.error?.message,
      ...(testHeader.length > 0
        ? [
            ...testMetrics.map((m) => confirmed.get(t.number)?.metrics[m]),
            confirmed.get(t.number)?.confirmedAt,
          ]
        : []),
    ]
      .map(cell)
      .join(',')
  })
  return [header.join(','), ...rows].join('\r\n') + '\r\n'
}
