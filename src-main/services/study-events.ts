// A running study's scheduler events as the contract's study events: status changes, a trial's
// start and end (as table rows), each epoch's point of the learning curve with the prune
// decision, the scheduler's notices, and `studies:changed` whenever the list entry moves.

import type { EventName, Events } from '@shared/contract'
import type { StudyId } from '@shared/study-views'
import type { Study } from '../engine/hpo/study'
import type { SchedulerEvent } from './scheduler'
import type { StudyRun } from './study-run'
import { liveStatus } from './study-status'
import { epochPoint, trialRow } from './trial-rows'

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void

/** `run` is null while the run is being set up (its first state event comes then). */
export function forwardEvent(
  emit: Emit,
  id: StudyId,
  study: Study,
  run: StudyRun | null,
  e: SchedulerEvent,
): void {
  switch (e.type) {
    case 'state':
      // The end is announced once the run has closed the store and written the exports.
      if (e.state === 'finished') return
      emit('studies:state', { id, status: liveStatus(e.state), running: run?.runningTrials ?? [] })
      emit('studies:changed', { ids: [id] })
      return
    case 'trial-started':
      emit('studies:trialChanged', { id, trial: trialRow(study.trials[e.trialId], 0) })
      emit('studies:changed', { ids: [id] })
      return
    case 'trial-epoch':
      emit('studies:epoch', {
        id,
        trial: e.trialId,
        epoch: e.record.epoch,
        epochs: run?.epochs ?? null,
        point: epochPoint(e.record),
        prune: e.prune,
      })
      return
    case 'trial-finished':
      emit('studies:trialChanged', { id, trial: trialRow(e.record) })
      emit('studies:changed', { ids: [id] })
      return
    case 'notice':
      emit('studies:notice', { id, message: e.message })
      return
    case 'trial-progress':
      return
  }
}
