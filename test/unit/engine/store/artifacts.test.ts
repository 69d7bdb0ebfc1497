import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  exportTrialOnnx,
  FORECAST_ARTIFACT,
  ONNX_ARTIFACT,
  retainOnnxFor,
  trialArtifactPath,
  writeTrialArtifact,
} from '../../../../src-main/engine/store/artifacts'
import { tempDir } from '../../../helpers/temp-dir'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => (dir = await tempDir('artifacts')))
afterEach(() => dir.remove())

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

describe('trial artifacts', () => {
  it('keeps forecasts for all trials and ONNX models for Pareto members only', async () => {
    const study = join(dir.path, 'heat.json')
    for (const n of [0, 1, 2]) {
      await writeTrialArtifact(study, n, ONNX_ARTIFACT, new Uint8Array([n, 1, 2]))
      await writeTrialArtifact(study, n, FORECAST_ARTIFACT, '[]')
    }
    expect(trialArtifactPath(study, 1, ONNX_ARTIFACT)).toBe(
      join(dir.path, 'heat.artifacts', 'trial-1', 'model.onnx'),
    )
    expect(await retainOnnxFor(study, [1])).toEqual([0, 2])
    expect(await exists(trialArtifactPath(study, 0, ONNX_ARTIFACT))).toBe(false)
    expect(await exists(trialArtifactPath(study, 0, FORECAST_ARTIFACT))).toBe(true)
    expect(await exists(trialArtifactPath(study, 1, ONNX_ARTIFACT))).toBe(true)
  })

  it('exports the chosen trial’s model, and says why when it is gone', async () => {
    const study = join(dir.path, 'heat.json')
    await writeTrialArtifact(study, 4, ONNX_ARTIFACT, new Uint8Array([7, 7]))
    const out = await exportTrialOnnx(study, 4, join(dir.path, 'out', 'NHITS_Q_heat.onnx'))
    expect([...(await readFile(out))]).toEqual([7, 7])
    await expect(exportTrialOnnx(study, 5, join(dir.path, 'x.onnx'))).rejects.toMatchObject({
      code: 'ARTIFACT_MISSING',
    })
  })
})
