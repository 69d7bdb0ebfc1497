// Validation against test for one trial, as the Studies view shows it: the change of each metric
// and whether it got better or worse. MAE is better lower; PICP is better closer to its target,
// which the objective |PICP − target| already measures; a narrower interval (MIW) is not better
// on its own (it may cover less), so its change is shown without a verdict.

export type Tone = 'better' | 'worse' | 'neutral'

export interface Change {
  text: string
  tone: Tone
}

/** Changes smaller than this (relative) count as no change. */
const SAME = 1e-9

function toneOf(before: number, after: number): Tone {
  if (Math.abs(after - before) <= SAME * Math.max(1, Math.abs(before))) return 'neutral'
  return after < before ? 'better' : 'worse'
}

const signed = (v: number, digits: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`

/** MAE: the relative change in percent. */
export function maeChange(validation: number, test: number): Change {
  const percent = ((test - validation) / validation) * 100
  return { text: `${signed(percent, 1)} %`, tone: toneOf(validation, test) }
}

/** PICP: the change in percentage points, judged by the distance from the target (the gaps). */
export function picpChange(
  validation: { picp: number; gap: number },
  test: { picp: number; gap: number },
): Change {
  return {
    text: `${signed(test.picp - validation.picp, 1)} pp`,
    tone: toneOf(validation.gap, test.gap),
  }
}

export function miwChange(validation: number, test: number): Change {
  return { text: `${signed(((test - validation) / validation) * 100, 1)} %`, tone: 'neutral' }
}

/** A metric value for a table cell: 3 decimals under 1000, none above; '—' when absent. */
export function formatMetric(v: number | undefined, digits = 3): string {
  if (v === undefined || !Number.isFinite(v)) return '—'
  return Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(digits)
}

/** One parameter as "lr 0.00213": fractions to 3 significant digits. */
export function paramText(name: string, v: number | string | boolean): string {
  const text =
    typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(3))) : String(v)
  return `${name} ${text}`
}

/** "num_stacks 2 · layer_widths 16 · lr 0.00213": every parameter. */
export function paramsSummary(params: Readonly<Record<string, number | string | boolean>>): string {
  return Object.entries(params)
    .map(([name, v]) => paramText(name, v))
    .join(' · ')
}
