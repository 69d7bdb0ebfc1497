// What a study's status means for the monitor: its words, its tone, and which commands make
// sense in it. The service refuses the others anyway; the monitor offers only these so that a
// button never leads to a refusal the user could have been spared.
import type { StudyStatus } from '@shared/study-views'

export type StatusTone = 'live' | 'idle' | 'warn' | 'done'

export const STATUS_TEXT: Record<StudyStatus, { label: string; tone: StatusTone; about: string }> =
  {
    new: { label: 'new', tone: 'idle', about: 'No trial has run yet.' },
    running: {
      label: 'running',
      tone: 'live',
      about: 'Trials are running in this process’s workers.',
    },
    paused: {
      label: 'paused',
      tone: 'warn',
      about: 'No new trial starts; the running ones finish.',
    },
    stopping: { label: 'stopping', tone: 'warn', about: 'Running trials are being interrupted.' },
    stopped: {
      label: 'stopped',
      tone: 'idle',
      about: 'Stopped before its budget was spent; resume to go on where it stopped.',
    },
    interrupted: {
      label: 'interrupted',
      tone: 'warn',
      about: 'The process running it ended mid-trial; resume to run the interrupted trials again.',
    },
    finished: { label: 'finished', tone: 'done', about: 'Its budget is spent.' },
  }

export interface StudyCommands {
  /** `studies:start`: a new study, or one stopped or interrupted (labelled "Resume"). */
  start: 'Start' | 'Resume' | null
  pause: boolean
  /** `studies:resume`: a paused study. */
  resume: boolean
  cancel: boolean
  cancelTrial: boolean
  /** Deleting is refused while the study runs in this process. */
  remove: boolean
}

export function isLive(status: StudyStatus): boolean {
  return status === 'running' || status === 'paused' || status === 'stopping'
}

export function studyCommands(status: StudyStatus, canRun: boolean): StudyCommands {
  const start = !canRun
    ? null
    : status === 'new'
      ? 'Start'
      : status === 'stopped' || status === 'interrupted'
        ? 'Resume'
        : null
  return {
    start,
    pause: status === 'running',
    resume: status === 'paused',
    cancel: status === 'running' || status === 'paused',
    cancelTrial: status === 'running' || status === 'paused',
    remove: !isLive(status),
  }
}
