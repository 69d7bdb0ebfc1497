// What the setup says about a draft's size and cost: the space's distinct configurations, and
// the time a trial and the whole budget take by main's estimate from this machine's past trials.
import { formatDuration } from './duration-text'
import { formatCount } from './format'

/** "continuous", "1 configuration", "1,296 configurations". */
export function formatConfigurations(configurations: number | null): string {
  if (configurations === null) return 'continuous'
  return `${formatCount(configurations)} ${configurations === 1 ? 'configuration' : 'configurations'}`
}

export interface EstimateInput {
  /** Seconds per trial (DraftCheck.estimateSeconds), or null when no trial ran here yet. */
  seconds: number | null
  basis: string | null
  budget: { trials: number | null; seconds: number | null }
  /** Workers chosen in the form; null: main picks them from the cores and the device. */
  workers: number | null
}

export interface EstimateText {
  perTrial: string
  /** The budget's time, or null when there is no estimate or no trial budget. */
  budget: string | null
}

export function formatEstimate(input: EstimateInput): EstimateText {
  const { seconds, basis, budget, workers } = input
  if (seconds === null)
    return {
      perTrial: 'No estimate yet: none of this model’s trials of this size have run here.',
      budget: null,
    }
  const perTrial = `≈ ${formatDuration(seconds)} per trial${basis ? ` (${basis})` : ''}`
  if (budget.trials === null) return { perTrial, budget: null }
  const total = (budget.trials * seconds) / (workers ?? 1)
  const trials = `${formatCount(budget.trials)} ${budget.trials === 1 ? 'trial' : 'trials'}`
  const spread =
    workers === null
      ? `≈ ${formatDuration(total)} for ${trials} one at a time; less with parallel workers`
      : `≈ ${formatDuration(total)} for ${trials} on ${workers} ${workers === 1 ? 'worker' : 'workers'}`
  const capped =
    budget.seconds !== null && budget.seconds < total
      ? `; the time budget (${formatDuration(budget.seconds)}) ends the study first`
      : ''
  return { perTrial, budget: `${spread}${capped}.` }
}
