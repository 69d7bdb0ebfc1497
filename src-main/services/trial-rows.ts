// A trial as the run monitor shows it: a row of the trial table, and the detail with its learning
// curve. A running trial's curve is kept in memory by the live run; an ended one's was written
// as an artifact (curve.json) when it ended; a trial older than that has only the stored
// intermediate values, whose training loss was never kept.

import { readFile } from 'node:fs/promises'
import type { TrialRecord } from '../engine/hpo/types'
import { trialArtifactPath, writeTrialArtifact } from '../engine/store/artifacts'
import type { EpochRecord } from '../engine/train/training-stopped'
import type { EpochPoint, TrialDetailView, TrialRow } from '@shared/study-views'

export const CURVE_ARTIFACT = 'curve.json'

export function epochPoint(record: EpochRecord): EpochPoint {
  const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null)
  return {
    epoch: record.epoch,
    trainLoss: finite(record.trainLoss),
    valLoss: finite(record.valLoss),
    objectives: record.objectives ? [...record.objectives] : null,
  }
}

/** The curve from the stored intermediate values (no training loss). */
export function storedCurve(record: TrialRecord): EpochPoint[] {
  return record.intermediate.map((v) => ({
    epoch: v.step,
    trainLoss: null,
    valLoss: v.loss,
    objectives: v.objectives ? [...v.objectives] : null,
  }))
}

function seconds(record: TrialRecord): number | null {
  if (record.state === 'running' || record.finishedAt === null) return null
  const worker = record.timings?.worker
  if (worker !== undefined && Number.isFinite(worker)) return worker
  return (Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 1000
}

/** A table row; `liveEpochs` is the count of epochs a running trial has reported so far. */
export function trialRow(record: TrialRecord, liveEpochs?: number): TrialRow {
  return {
    number: record.number,
    state: record.state,
    params: { ...record.params },
    values: record.state === 'complete' && record.values ? [...record.values] : null,
    seconds: seconds(record),
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    provider: record.provider,
    error: record.error ? { ...record.error } : null,
    prunedReason: record.prunedReason,
    epochs: liveEpochs ?? record.intermediate.length,
  }
}

export function trialDetail(record: TrialRecord, curve: EpochPoint[]): TrialDetailView {
  return {
    ...trialRow(record, record.state === 'running' ? curve.length : undefined),
    metrics: record.metrics ? { ...record.metrics } : null,
    timings: record.timings ? { ...record.timings } : null,
    curve,
  }
}

export async function writeCurve(
  studyPath: string,
  trial: number,
  curve: EpochPoint[],
): Promise<void> {
  await writeTrialArtifact(studyPath, trial, CURVE_ARTIFACT, `${JSON.stringify({ curve })}\n`)
}

/** The curve written when the trial ended, else the stored intermediate values. */
export async function endedCurve(studyPath: string, record: TrialRecord): Promise<EpochPoint[]> {
  try {
    const text = await readFile(trialArtifactPath(studyPath, record.number, CURVE_ARTIFACT), 'utf8')
    const { curve } = JSON.parse(text) as { curve: EpochPoint[] }
    if (Array.isArray(curve)) return curve
  } catch {
    // no curve artifact: a trial from before curves were kept, or its write failed
  }
  return storedCurve(record)
}
