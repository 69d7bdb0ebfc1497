// How the run store patches rows and merges a fetched page with the events that arrived while
// it was on its way (the event's row wins), and how live curves merge by epoch.
import { describe, expect, it } from 'vitest'
import type { EpochPoint, TrialRow } from '@shared/study-views'
import { applyEpoch, mergeCurve } from '../../../src-renderer/src/stores/live-curves'
import { mergeFetched, upsertRow } from '../../../src-renderer/src/stores/trial-rows'

const row = (number: number, state: TrialRow['state'] = 'running'): TrialRow => ({
  number,
  state,
  params: {},
  values: state === 'complete' ? [1, 2] : null,
  seconds: state === 'running' ? null : 3,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  provider: 'cpu',
  error: null,
  prunedReason: null,
  epochs: 1,
})
const point = (epoch: number, trainLoss: number): EpochPoint => ({
  epoch,
  trainLoss,
  valLoss: null,
  objectives: null,
})

describe('trial rows', () => {
  it('replaces a row in place and appends a new one in number order, never mutating', () => {
    const rows = [row(0), row(1)]
    const done = upsertRow(rows, row(1, 'complete'))
    expect(done.map((r) => r.state)).toEqual(['running', 'complete'])
    expect(rows[1].state).toBe('running')
    expect(upsertRow(rows, row(2)).map((r) => r.number)).toEqual([0, 1, 2])
    expect(upsertRow([row(0), row(3)], row(1)).map((r) => r.number)).toEqual([0, 1, 3])
  })

  it('lets rows that events brought during a fetch win over the fetched ones', () => {
    const fetched = [row(0, 'complete'), row(1), row(2)]
    const merged = mergeFetched(fetched, [row(1, 'complete'), row(3), row(3, 'failed')])
    expect(merged.map((r) => [r.number, r.state])).toEqual([
      [0, 'complete'],
      [1, 'complete'],
      [2, 'running'],
      [3, 'failed'],
    ])
  })
})

describe('live curves', () => {
  it('merges a fetched curve with epochs from events by epoch number, the event winning', () => {
    expect(mergeCurve([point(1, 5), point(2, 4)], [point(2, 3.9), point(3, 3)])).toEqual([
      point(1, 5),
      point(2, 3.9),
      point(3, 3),
    ])
  })

  it('adds an epoch event to a curve, keeping the planned epochs when the event has none', () => {
    const first = applyEpoch(undefined, {
      id: 's.json',
      trial: 4,
      epoch: 1,
      epochs: 10,
      point: point(1, 2),
      prune: false,
    })
    const second = applyEpoch(first, {
      id: 's.json',
      trial: 4,
      epoch: 2,
      epochs: null,
      point: point(2, 1),
      prune: true,
    })
    expect(second).toEqual({ trial: 4, epochs: 10, curve: [point(1, 2), point(2, 1)], prune: true })
  })
})
