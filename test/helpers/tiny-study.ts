// The `frontier` command as the CLI and e2e tests run it, and a study of tiny trials that takes
// seconds, not minutes: two months of heat training data, two origins, one-layer 8–16 wide
// networks, random sampling in two CPU workers.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `frontier <args>` from the checkout and waits for it (a minute at the most). */
export function frontier(...args: string[]): CliResult {
  return frontierWithin(60_000, args)
}

function frontierWithin(timeoutMs: number, args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join('bin', 'frontier.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The options of a tiny study on `data` (a CSV path or demo:heat), without trials or epochs. */
export function tinyStudyOptions(data: string): string[] {
  return [
    ...['--data', data, '--train-end', '2021-03-01', '--val-end', '2021-03-15'],
    ...['--origins', '2', '--ep', 'cpu', '--workers', '2', '--sampler', 'random'],
    '--space',
    JSON.stringify({
      num_stacks: { kind: 'int', low: 1, high: 2 },
      num_blocks: { kind: 'categorical', choices: [1] },
      num_layers: { kind: 'categorical', choices: [1] },
      layer_widths: { kind: 'categorical', choices: [8, 16] },
    }),
  ]
}

/**
 * Runs a tiny study of three one-epoch trials into `studyDir` under `jobId` and returns the path
 * of its study file; throws with the command's stderr when it fails.
 */
export function runTinyStudy(data: string, studyDir: string, jobId: string): string {
  const r = frontierWithin(90_000, [
    'run',
    ...tinyStudyOptions(data),
    ...['--trials', '3', '--epochs', '1', '--study-dir', studyDir, '--job-id', jobId, '--json'],
  ])
  if (r.code !== 0) throw new Error(`frontier run failed (${r.code}):\n${r.stderr}`)
  return (JSON.parse(r.stdout) as { study: string }).study
}
