// A real, tiny finished study for service tests, made in-process: two NHITS_Q trials of one
// epoch on the heat demo (two months of training), told to a persistent study with its run file,
// and the front's ONNX models kept in the artifacts folder as the scheduler keeps them.

import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readDataset } from '../../../src-main/engine/data/read-dataset'
import { defaultRoles } from '../../../src-main/engine/data/roles'
import { defaultSearchSpace } from '../../../src-main/engine/hpo/default-spaces'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../../../src-main/engine/hpo/study-config'
import { metricRecord } from '../../../src-main/engine/metrics/summary'
import {
  ONNX_ARTIFACT,
  retainOnnxFor,
  writeTrialArtifact,
} from '../../../src-main/engine/store/artifacts'
import { runTrial } from '../../../src-main/engine/train/run-trial'
import type { RunSpec } from '../../../src-main/services/run-spec'
import { openOrCreateStudy } from '../../../src-main/services/study-runner'

export const HEAT_CSV = join(process.cwd(), 'resources', 'datasets', 'heat.csv')

/** Writes the study under studiesDir the way `frontier run` names it; returns its path. */
export async function tinyStudy(studiesDir: string, jobId = 'svc'): Promise<string> {
  const bytes = new Uint8Array(await readFile(HEAT_CSV))
  const hash = createHash('sha256').update(bytes).digest('hex')
  const { series, profile } = readDataset(bytes, {})
  const roles = defaultRoles(profile)
  const split = {
    kind: 'dates' as const,
    trainEnd: Date.UTC(2021, 2, 1),
    valEnd: Date.UTC(2021, 2, 15),
  }
  const config: StudyConfig = {
    name: `NHITS_Q_heat_${jobId}`,
    model: 'NHITS_Q',
    dataset: {
      hash,
      name: 'heat',
      columns: series.columns.map((c) => c.name),
      target: roles.target,
      split,
    },
    space: {
      ...defaultSearchSpace('NHITS_Q'),
      num_stacks: { kind: 'int', low: 1, high: 2 },
      num_blocks: { kind: 'categorical', choices: [1] },
      num_layers: { kind: 'categorical', choices: [1] },
      layer_widths: { kind: 'categorical', choices: [8, 16] },
    },
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'random' },
    pruner: { name: 'none' },
    seed: 42,
    budget: { trials: 2, seconds: null },
  }
  const settings = { provider: 'cpu' as const, origins: 2, epochs: 1, seed: 42 }
  const spec: RunSpec = {
    version: 1,
    model: 'NHITS_Q',
    jobId,
    data: { path: HEAT_CSV, label: 'heat', hash, parse: {}, roles: null, split },
    settings,
  }
  const path = join(studiesDir, 'NHITS_Q_heat', `study_NHITS_Q_heat_${jobId}.json`)
  const opened = await openOrCreateStudy(path, config, spec, false)
  const data = { series, roles, timezone: profile.timezone, split }
  while (opened.study.canAsk()) {
    const asked = await opened.study.ask()
    const result = await runTrial(data, 'NHITS_Q', asked.params, { ...settings, exportOnnx: true })
    await opened.study.tell(asked.trialId, {
      state: 'complete',
      values: result.values,
      metrics: metricRecord(result.metrics),
      provider: result.provider,
    })
    await writeTrialArtifact(path, asked.trialId, ONNX_ARTIFACT, result.onnx as Uint8Array)
    await retainOnnxFor(
      path,
      opened.study.pareto().front.map((t) => t.number),
    )
  }
  await opened.store.close()
  return path
}
