import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../../src-main/cli/parse-cli-args'
import { RUN_OPTIONS } from '../../../src-main/cli/run-command'
import { runRequest } from '../../../src-main/cli/run-request'
import { InferenceSession } from 'onnxruntime-node'
import { benchmarkerExportIssues } from '../../../src-main/engine/store/benchmarker-export'
import { tempDir } from '../../helpers/temp-dir'
import { frontier, tinyStudyOptions } from '../../helpers/tiny-study'

// A study of tiny trials: two months of heat training data, 8–16 wide networks.
const TINY = tinyStudyOptions('demo:heat')

let dir: Awaited<ReturnType<typeof tempDir>>
beforeAll(async () => {
  dir = await tempDir('run')
})
afterAll(() => dir.remove())

interface RunJson {
  study: string
  stopped: boolean
  trials: { asked: number; complete: number; failed: number; interrupted: number }
  front: { trial: number; mae: number; picp: number; params: Record<string, number> }[]
  picks: Record<'best_mae' | 'best_picp' | 'balanced', { trial: number } | null>
  exports: { benchmarker: string; params: string; trials_csv: string; onnx: string | null }
  plan: { device: string; workers: number; note: string }
}

describe('frontier run', () => {
  it('runs a study in worker processes and prints the front, the picks and the exports', async () => {
    const studyDir = join(dir.path, 'a')
    const r = frontier(
      'run',
      ...TINY,
      '--trials',
      '3',
      '--epochs',
      '1',
      '--study-dir',
      studyDir,
      '--json',
    )
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as RunJson
    expect(out.study).toBe(join(studyDir, 'NHITS_Q_heat', 'study_NHITS_Q_heat_local.json'))
    expect(out.trials).toMatchObject({ asked: 3, complete: 3, failed: 0, interrupted: 0 })
    expect(out.plan).toMatchObject({ device: 'cpu', workers: 2 })
    expect(out.front.length).toBeGreaterThan(0)
    expect(out.picks.balanced?.trial).toEqual(expect.any(Number))
    const exported = JSON.parse(readFileSync(out.exports.benchmarker, 'utf8')) as unknown
    expect(benchmarkerExportIssues(exported)).toEqual([])
    expect(exported).toMatchObject({
      model: 'NHITS_Q',
      dataset: 'heat',
      job_id: 'local',
      n_trials: 3,
    })
    const flat = JSON.parse(readFileSync(out.exports.params, 'utf8')) as Record<string, number>
    expect(Object.keys(flat).sort()).toEqual([
      'dropout',
      'layer_widths',
      'lr',
      'num_blocks',
      'num_layers',
      'num_stacks',
      'weight_decay',
    ])
    expect(readFileSync(out.exports.trials_csv, 'utf8').trim().split('\n')).toHaveLength(4)
    // The selected trial's network, standalone: it opens in a fresh onnxruntime session and
    // carries the parameters of the flat file and its scaler.
    expect(out.exports.onnx).toMatch(/model_NHITS_Q_heat_local\.onnx$/)
    const onnxPath = out.exports.onnx ?? ''
    const session = await InferenceSession.create(onnxPath)
    expect(session.outputNames.length).toBeGreaterThan(0)
    await session.release()
    const onnx = readFileSync(onnxPath)
    expect(JSON.parse(metadataValue(onnx, 'frontier.params'))).toMatchObject(flat)
    const scaler = JSON.parse(metadataValue(onnx, 'frontier.scaler')) as { min: number[] }
    expect(scaler.min.length).toBe(JSON.parse(metadataValue(onnx, 'frontier.columns')).length)
    expect(existsSync(out.study.replace(/\.json$/, '.run.json'))).toBe(true)
    const artifacts = out.study.replace(/\.json$/, '.artifacts')
    expect(existsSync(join(artifacts, 'trial-0', 'forecast.json'))).toBe(true)

    // The same job again is refused without --resume; with it, a finished study has nothing to do.
    const again = frontier('run', ...TINY, '--trials', '3', '--study-dir', studyDir)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/error STUDY_EXISTS: .*Pass --resume/)
    const resumed = frontier('run', ...TINY, '--study-dir', studyDir, '--resume')
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(resumed.stdout).toMatch(/^Resuming .* \(3 trials done\)\./)
    expect(resumed.stdout).toMatch(/Finished: 3 of 3 trials — 3 complete/)
    expect(resumed.stdout).toMatch(/Pareto front \(\d trials?\):\n\s+trial\s+MAE\s+PICP %/)
    expect(resumed.stdout).toMatch(/Picks:\n {2}best MAE {3}trial/)
    expect(resumed.stdout).toMatch(/benchmarker JSON .*best_params_NHITS_Q_heat_local\.json/)
  })

  it('stops cleanly on Ctrl-C (the whole process group) and --resume finishes the study', async () => {
    const studyDir = join(dir.path, 'b')
    const args = [join('bin', 'frontier.js'), 'run', ...TINY, '--trials', '2', '--epochs', '40']
    const child = spawn(process.execPath, [...args, '--study-dir', studyDir], { detached: true })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.resume()
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c))
      const poll = setInterval(() => {
        // Both trials are training once the plan is printed and a moment has passed.
        if (stdout.includes('Trials run on the CPU')) {
          clearInterval(poll)
          setTimeout(() => process.kill(-(child.pid as number), 'SIGINT'), 2500)
        }
      }, 50)
    })
    expect(code).toBe(130)
    expect(stdout).toMatch(/Stopping \(Ctrl-C again/)
    expect(stdout).toMatch(/trial {3}\d interrupted \(runs again on --resume\)/)
    const study = JSON.parse(
      readFileSync(join(studyDir, 'NHITS_Q_heat', 'study_NHITS_Q_heat_local.json'), 'utf8'),
    ) as { trials: { state: string; error: { code: string } | null }[] }
    expect(study.trials.some((t) => t.state === 'running')).toBe(false)
    expect(study.trials.some((t) => t.error?.code === 'INTERRUPTED')).toBe(true)

    const resumed = frontier('run', ...TINY, '--study-dir', studyDir, '--resume', '--json')
    expect(resumed.code, resumed.stderr).toBe(0)
    const out = JSON.parse(resumed.stdout) as RunJson
    expect(out.trials.complete).toBe(2)
  }, 60_000)

  it('refuses bad options with usage errors (exit code 2) and a bad space with exit code 1', () => {
    const bad = [
      [['--sampler', 'grid'], /--sampler must be one of random, lhs, tpe, nsga2/],
      [['--quantiles', '0.05,0.5,0.95'], /--quantiles: the models emit the levels 0.1,0.5,0.9/],
      [['--job-id', 'my job'], /--job-id "my job" goes into file names/],
      [['--picp-target', '120'], /--picp-target must be a percentage/],
      [['--space', '[1]'], /--space must be a JSON object/],
      [['--workers', '0'], /--workers must be at least 1/],
      [['--pruner-options', '{maxChance}'], /--pruner-options is not valid JSON/],
      [
        ['--pruner-options', '{"maxChance":"0.6"}'],
        /--pruner-options must be a JSON object of numbers/,
      ],
    ] as const
    for (const [args, message] of bad) {
      const { values } = parseCliArgs(['--data', 'demo:heat', ...args], RUN_OPTIONS, 0)
      expect(() => runRequest(values)).toThrow(message)
    }
    const usage = frontier('run', '--data', 'demo:heat', '--sampler', 'grid')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/--sampler must be one of[^]*Usage: frontier run/)
    const space = frontier(
      'run',
      '--data',
      'demo:heat',
      '--study-dir',
      join(dir.path, 'c'),
      '--space',
      '{"lr":{"kind":"float","low":1,"high":0}}',
    )
    expect(space.code).toBe(1)
    expect(space.stderr).toMatch(/error INVALID_SEARCH_SPACE: lr: low \(1\) must be below high/)
    const option = frontier(
      'run',
      '--data',
      'demo:heat',
      '--study-dir',
      join(dir.path, 'd'),
      '--pruner',
      'dominance',
      '--pruner-options',
      '{"maxChanse":0.6}',
    )
    expect(option.code).toBe(1)
    expect(option.stderr).toMatch(/The dominance pruner has no option "maxChanse"/)
  })
})

/** A metadata_props value of an ONNX file: after the key string comes field 2 (0x12), a varint
 * length and the UTF-8 value. */
function metadataValue(onnx: Buffer, key: string): string {
  let at = onnx.indexOf(Buffer.from(key)) + Buffer.byteLength(key)
  expect(onnx[at++]).toBe(0x12)
  let length = 0
  for (let shift = 0; ; shift += 7) {
    const byte = onnx[at++]
    length |= (byte & 0x7f) << shift
    if (byte < 0x80) break
  }
  return onnx.subarray(at, at + length).toString('utf8')
}
