// How long a trial of a draft will take on this machine, from the complete trials of the same
// model already in the studies folder: the median of their worker seconds per epoch trained,
// times the draft's epochs. Not scaled for network width or data size (the trials seen may be
// smaller or larger); the basis says so. Study files are read once per change of the file.

import { stat } from 'node:fs/promises'
import type { StudyFile } from '../engine/store/study-file'
import { readStudyFile } from '../engine/store/study-file-access'
import { studyFileCandidates } from './study-files'

export interface TimeEstimate {
  seconds: number | null
  basis: string | null
}

interface Sample {
  model: string
  secondsPerEpoch: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function samplesOf(file: StudyFile): Sample[] {
  const out: Sample[] = []
  for (const t of file.trials) {
    const worker = t.timings?.worker
    const epochs = t.intermediate.length
    if (t.state !== 'complete' || worker === undefined || !(worker > 0) || epochs === 0) continue
    out.push({ model: file.config.model, secondsPerEpoch: worker / epochs })
  }
  return out
}

export class TimeEstimator {
  private readonly cache = new Map<string, { mtimeMs: number; samples: Sample[] }>()

  constructor(private readonly studiesDir: string) {}

  async estimate(model: string, epochs: number): Promise<TimeEstimate> {
    const samples: Sample[] = []
    for (const path of await studyFileCandidates(this.studiesDir))
      samples.push(...(await this.samplesAt(path)).filter((s) => s.model === model))
    if (samples.length === 0) return { seconds: null, basis: null }
    const perEpoch = median(samples.map((s) => s.secondsPerEpoch))
    const n = samples.length
    return {
      seconds: perEpoch * epochs,
      basis:
        `median of ${n} complete ${model} trial${n === 1 ? '' : 's'} on this machine ` +
        `(${perEpoch.toFixed(1)} s per epoch × ${epochs} epochs; not scaled for network or data size)`,
    }
  }

  private async samplesAt(path: string): Promise<Sample[]> {
    const mtimeMs = await stat(path).then(
      (s) => s.mtimeMs,
      () => null,
    )
    if (mtimeMs === null) return []
    const cached = this.cache.get(path)
    if (cached?.mtimeMs === mtimeMs) return cached.samples
    const samples = await readStudyFile(path).then(samplesOf, () => [])
    this.cache.set(path, { mtimeMs, samples })
    return samples
  }
}
