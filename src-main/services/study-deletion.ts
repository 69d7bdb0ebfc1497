// Removing a study for good: the study file first (from then on it is not listed; a crash after
// it leaves only files nothing reads), then its run file, its artifacts folder, a stale lock and the
// exports of its job. The flat parameter file (best_params_<MODEL>.json) stays: every study of the model
// writes it, so it is not this study's alone.

import { rm } from 'node:fs/promises'
import type { StudyData } from '../engine/hpo/study'
import { artifactsDirFor } from '../engine/store/study-store'
import { runSpecPath } from './run-spec'
import { jobExportPaths } from './study-export'
import { lockPath } from './study-lock'

export async function deleteStudyFiles(
  path: string,
  data: StudyData,
  jobId: string | null,
  outDir: string,
): Promise<void> {
  await rm(path, { force: true })
  await rm(runSpecPath(path), { force: true })
  await rm(artifactsDirFor(path), { recursive: true, force: true })
  await rm(lockPath(path), { force: true })
  if (jobId !== null)
    for (const file of jobExportPaths(outDir, data, jobId)) await rm(file, { force: true })
}
