// Where a study stands (StudyStatus): live states come from the scheduler running it in this
// process; the others are read from the file alone. And whether it may start now.

import { stat } from 'node:fs/promises'
import type { StudyData } from '../engine/hpo/study'
import { INTERRUPTED } from '../engine/hpo/study'
import type { StudyStatus } from '@shared/study-views'
import type { RunSpec } from './run-spec'
import type { SchedulerState } from './scheduler'
import { ServiceError } from './service-error'

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

/** The run spec of a study that may start now; a ServiceError says why it may not. */
export async function startableSpec(status: StudyStatus, spec: RunSpec | null): Promise<RunSpec> {
  if (!spec)
    throw new ServiceError(
      'RUN_SPEC_MISSING',
      'This study has no run file beside it, so the data and settings it trains with are unknown.',
    )
  if (status === 'running')
    throw new ServiceError(
      'STUDY_RUNNING',
      'The study is running in another process; stop it there first.',
    )
  if (status === 'finished')
    throw new ServiceError(
      'STUDY_FINISHED',
      'The study has used its budget; clone it to run more trials.',
    )
  const present = await stat(spec.data.path).then(
    () => true,
    () => false,
  )
  if (!present)
    throw new ServiceError(
      'DATA_MISSING',
      `The study's data file ${spec.data.path} is gone; re-import the dataset, or clone the study onto another.`,
    )
  return spec
}
