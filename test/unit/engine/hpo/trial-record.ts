import type { TrialRecord } from '../../../../src-main/engine/hpo/types'

/** A trial record for tests and benches: the given fields over a running trial with nothing told. */
export function trialRecord(
  fields: Partial<TrialRecord> & Pick<TrialRecord, 'number'>,
): TrialRecord {
  return {
    state: 'running',
    params: {},
    values: null,
    metrics: null,
    intermediate: [],
    prunedAtStep: null,
    prunedReason: null,
    startedAt: '',
    finishedAt: null,
    timings: null,
    provider: null,
    error: null,
    samplerData: {},
    enqueued: false,
    ...fields,
  }
}
