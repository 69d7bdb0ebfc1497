// Where a study stands (StudyStatus): live states come from the scheduler running it in this
// process; the others are read from the file alone.

import type { StudyData } from '../engine/hpo/study'
import { INTERRUPTED } from '../engine/hpo/study'
import type { StudyStatus } from '@shared/study-views'
import type { SchedulerState } from './scheduler'

/** The trials a budget counts: all but those cut short by a stop (their parameters run again). */
export function countedTrials(data: StudyData) {
  return data.trials.filter((t) => t.error?.code !== INTERRUPTED)
}

/** Whether the budget is spent, as Study.canAsk judges it. */
export function budgetSpent(data: StudyData): boolean {
  const { trials, seconds } = data.config.budget
  if (trials !== null && countedTrials(data).length >= trials) return true
  return seconds !== null && data.elapsedMs >= seconds * 1000
}

/**
 * The status of a study no scheduler of this process runs. A trial still `running` in the file
 * means the process that ran it is gone (killed, crashed): the study is interrupted and resumes
 * with those trials queued again.
 */
export function fileStatus(data: StudyData): StudyStatus {
  if (data.trials.length === 0) return 'new'
  if (data.trials.some((t) => t.state === 'running')) return 'interrupted'
  return budgetSpent(data) ? 'finished' : 'stopped'
}

/** The status of a study this process runs. */
export function liveStatus(state: SchedulerState): StudyStatus {
  switch (state) {
    case 'paused':
      return 'paused'
    case 'stopping':
      return 'stopping'
    default:
      return 'running'
  }
}
