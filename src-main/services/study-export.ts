// A study's results as files for the Python side: the benchmarker JSON and the flat parameter
// file (validated against the schema by writeBenchmarkerExport) and every trial as CSV, all
// under one output folder: <out>/<MODEL>_<DATASET>/… and <out>/best_params_<MODEL>.json.

import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { StudyData } from '../engine/hpo/study'
import { writeFileAtomic } from '../engine/store/atomic-write'
import { writeBenchmarkerExport, type BenchmarkerExport } from '../engine/store/benchmarker-export'
import { exportTrialOnnx } from '../engine/store/artifacts'
import { StoreError } from '../engine/store/store-error'
import { trialsCsv } from '../engine/store/trials-csv'

export interface StudyExport {
  exportPath: string
  paramsPath: string
  trialsCsvPath: string
  /** The selected trial's network as standalone ONNX, or null when it has no model kept. */
  onnxPath: string | null
  document: BenchmarkerExport
}

export function trialsCsvPath(outDir: string, data: StudyData, jobId: string): string {
  const folder = `${data.config.model}_${data.config.dataset.name}`
  return join(outDir, folder, `trials_${folder}_${jobId}.csv`)
}

/** The files one job's export writes under outDir (not the flat file, which every study shares). */
export function jobExportPaths(outDir: string, data: StudyData, jobId: string): string[] {
  const folder = `${data.config.model}_${data.config.dataset.name}`
  return [
    join(outDir, folder, `best_params_${folder}_${jobId}.json`),
    trialsCsvPath(outDir, data, jobId),
    onnxExportPath(outDir, data, jobId),
  ]
}

function onnxExportPath(outDir: string, data: StudyData, jobId: string): string {
  const folder = `${data.config.model}_${data.config.dataset.name}`
  return join(outDir, folder, `model_${folder}_${jobId}.onnx`)
}

/** Needs at least one complete trial (StoreError NO_COMPLETED_TRIALS otherwise). */
export async function exportStudy(
  studyPath: string,
  data: StudyData,
  jobId: string,
  outDir: string,
): Promise<StudyExport> {
  const { exportPath, paramsPath, document } = await writeBenchmarkerExport(outDir, data, {
    jobId,
    storagePath: studyPath,
  })
  const csvPath = trialsCsvPath(outDir, data, jobId)
  await mkdir(dirname(csvPath), { recursive: true })
  await writeFileAtomic(csvPath, trialsCsv(data))
  // The same trial as the flat parameter file: the user's pick, else the balanced one.
  const onnxTarget = onnxExportPath(outDir, data, jobId)
  const onnxPath = await exportTrialOnnx(studyPath, document.selected.trial, onnxTarget).catch(
    (error: unknown) => {
      // Trials run before ONNX models were kept, or whose worker sent none, have no model.
      if (error instanceof StoreError && error.code === 'ARTIFACT_MISSING') return null
      throw error
    },
  )
  return { exportPath, paramsPath, trialsCsvPath: csvPath, onnxPath, document }
}
