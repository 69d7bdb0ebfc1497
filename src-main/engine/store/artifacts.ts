// Bulky per-trial files beside the study file: <name>.artifacts/trial-<n>/<file>. Forecasts are
// kept for every trial; ONNX models only for the current Pareto members (a study of hundreds of
// trials would otherwise keep hundreds of models nobody will export).

import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { StoreError } from './store-error'
import { artifactsDirFor } from './study-store'

export const FORECAST_ARTIFACT = 'forecast.json'
export const ONNX_ARTIFACT = 'model.onnx'

export function trialArtifactPath(studyPath: string, trialNumber: number, name: string): string {
  return join(artifactsDirFor(studyPath), `trial-${trialNumber}`, name)
}

/** Writes one artifact atomically (temp file + rename); returns its path. */
export async function writeTrialArtifact(
  studyPath: string,
  trialNumber: number,
  name: string,
  data: string | Uint8Array,
): Promise<string> {
  const path = trialArtifactPath(studyPath, trialNumber, name)
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, data)
  await rename(temp, path)
  return path
}

/** Removes the ONNX models of trials not in keep; returns the trial numbers it removed. */
export async function retainOnnxFor(studyPath: string, keep: Iterable<number>): Promise<number[]> {
  const wanted = new Set(keep)
  let entries: string[]
  try {
    entries = await readdir(artifactsDirFor(studyPath))
  } catch {
    return []
  }
  const removed: number[] = []
  for (const entry of entries) {
    const match = /^trial-(\d+)$/.exec(entry)
    if (!match || wanted.has(Number(match[1]))) continue
    const path = join(artifactsDirFor(studyPath), entry, ONNX_ARTIFACT)
    try {
      await stat(path)
    } catch {
      continue
    }
    await rm(path, { force: true })
    removed.push(Number(match[1]))
  }
  return removed.sort((a, b) => a - b)
}

/** Copies the chosen trial's ONNX model to outPath. */
export async function exportTrialOnnx(
  studyPath: string,
  trialNumber: number,
  outPath: string,
): Promise<string> {
  const source = trialArtifactPath(studyPath, trialNumber, ONNX_ARTIFACT)
  try {
    await stat(source)
  } catch {
    throw new StoreError(
      'ARTIFACT_MISSING',
      `Trial ${trialNumber} has no ONNX model (models are kept for Pareto members only); rerun the trial to export it.`,
    )
  }
  await mkdir(dirname(outPath), { recursive: true })
  await copyFile(source, outPath)
  return outPath
}
