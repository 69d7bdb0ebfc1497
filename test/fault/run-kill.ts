// Fault test: `frontier run --resume` is SIGKILLed — the CLI and its workers, the whole process
// group — at random moments, 20 times, and started again each time. After every kill: the study
// file opens (parses, migrates, validates), no trial seen complete before is lost or changed, and
// no worker outlives the kill. Finally one run goes to the end: the study holds exactly the
// requested number of trials (interrupted ones do not count) and its export validates. Every
// kill must land on a running process: the budget (80 tiny trials) outlasts 20 kills here, and
// the final run finishes whatever is left.
//
//   npx tsx test/fault/run-kill.ts [--kills 20] [--trials 80] [--seed 1]

import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Rng } from '../../src-main/engine/rng'
import { benchmarkerExportIssues } from '../../src-main/engine/store/benchmarker-export'
import { migrateStudyDocument } from '../../src-main/engine/store/migrations'
import { studyFileSchema, type StudyFile } from '../../src-main/engine/store/study-file'
import { projectRoot } from '../../src-main/paths'

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    trials: { type: 'string', default: '80' },
    seed: { type: 'string', default: '1' },
  },
})
const KILLS = Number(args.kills)
const TRIALS = Number(args.trials)
const rng = new Rng(Number(args.seed), 0x4b494c4c, 0)

const ROOT = projectRoot()
const TINY_SPACE = JSON.stringify({
  num_stacks: { kind: 'int', low: 1, high: 2 },
  num_blocks: { kind: 'categorical', choices: [1] },
  num_layers: { kind: 'categorical', choices: [1] },
  layer_widths: { kind: 'categorical', choices: [8, 16] },
})

function command(studyDir: string): string[] {
  return [
    join(ROOT, 'bin', 'frontier.js'),
    'run',
    '--data',
    'demo:heat',
    '--train-end',
    '2021-03-01',
    '--val-end',
    '2021-03-15',
    '--origins',
    '2',
    '--epochs',
    '3',
    '--ep',
    'cpu',
    '--workers',
    '2',
    '--trials',
    String(TRIALS),
    '--study-dir',
    studyDir,
    '--job-id',
    'fault',
    '--space',
    TINY_SPACE,
    '--resume',
    '--json',
  ]
}

/** Members of the process group still alive (zombies waiting to be reaped do not count). */
function groupMembers(pgid: number): number {
  const r = spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' })
  return r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([g, stat]) => Number(g) === pgid && stat !== undefined && !stat.startsWith('Z')).length
}

async function orphansAfterKill(pgid: number): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const n = groupMembers(pgid)
    if (n === 0) return 0
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return groupMembers(pgid)
}

/** Runs the command in its own process group; kills the group after killMs (null: never). */
function run(
  studyDir: string,
  killMs: number | null,
): Promise<{ code: number | null; stdout: string; stderr: string; orphans: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command(studyDir), { detached: true, cwd: ROOT })
    const pgid = child.pid as number
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = killMs === null ? null : setTimeout(() => process.kill(-pgid, 'SIGKILL'), killMs)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer)
      void orphansAfterKill(pgid).then((orphans) => resolve({ code, stdout, stderr, orphans }))
    })
  })
}

async function readStudy(path: string): Promise<StudyFile | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return null
  }
  const parsed = studyFileSchema.safeParse(migrateStudyDocument(JSON.parse(text)))
  if (!parsed.success) throw new Error(`the study file does not validate: ${parsed.error.message}`)
  return JSON.parse(text) as StudyFile
}

const dir = await mkdtemp(join(tmpdir(), 'frontier-run-kill-'))
const studyPath = join(dir, 'NHITS_Q_heat', 'study_NHITS_Q_heat_fault.json')
const seen = new Map<number, string>()
const problems: string[] = []
const t0 = performance.now()

function checkLost(study: StudyFile, round: string): void {
  for (const [n, values] of seen) {
    const t = study.trials[n]
    if (!t || t.state !== 'complete' || JSON.stringify(t.values) !== values)
      problems.push(`${round}: complete trial ${n} was lost or changed`)
  }
  for (const t of study.trials)
    if (t.state === 'complete') seen.set(t.number, JSON.stringify(t.values))
}

try {
  for (let k = 1; k <= KILLS; k++) {
    // Mostly while trials run; sometimes while the CLI starts, opens or recovers the study.
    const killMs = Math.round(300 + rng.uniform() * 5700)
    const r = await run(dir, killMs)
    if (r.code !== null) {
      problems.push(`kill ${k}: the study finished before the kill; raise --trials`)
      break
    }
    const round = `kill ${String(k).padStart(2)} at ${(killMs / 1000).toFixed(2)} s`
    if (r.orphans > 0) problems.push(`${round}: ${r.orphans} processes outlived the kill`)
    let study: StudyFile | null = null
    try {
      study = await readStudy(studyPath)
    } catch (error) {
      problems.push(`${round}: ${(error as Error).message}`)
    }
    if (!study) {
      console.log(
        `${round}: ${r.code === null ? 'killed' : `exited ${r.code}`} before the study existed`,
      )
      continue
    }
    checkLost(study, round)
    const count = (pred: (t: StudyFile['trials'][number]) => boolean) =>
      study.trials.filter(pred).length
    console.log(
      `${round}: ${r.code === null ? 'killed' : `exited ${r.code}`}; ${study.trials.length} trials in the file ` +
        `(${count((t) => t.state === 'complete')} complete, ${count((t) => t.state === 'running')} running, ` +
        `${count((t) => t.error?.code === 'INTERRUPTED')} interrupted)`,
    )
  }
  const last = await run(dir, null)
  if (last.code !== 0) problems.push(`final run exited ${last.code}: ${last.stderr.slice(-2000)}`)
  const study = await readStudy(studyPath)
  if (!study) throw new Error('no study file after the final run')
  checkLost(study, 'final run')
  const counted = study.trials.filter((t) => t.error?.code !== 'INTERRUPTED')
  const complete = counted.filter((t) => t.state === 'complete').length
  if (counted.length !== TRIALS)
    problems.push(`the study has ${counted.length} trials, not ${TRIALS}`)
  if (study.trials.some((t) => t.state === 'running')) problems.push('a trial is left running')
  const out = JSON.parse(last.stdout) as { exports: { benchmarker: string } | null }
  if (!out.exports) problems.push('the final run exported nothing')
  else {
    const issues = benchmarkerExportIssues(
      JSON.parse(await readFile(out.exports.benchmarker, 'utf8')),
    )
    if (issues.length > 0) problems.push(`export: ${issues.join('; ')}`)
  }
  console.log(
    `final run: exit ${last.code}; ${counted.length} trials counted (${complete} complete), ` +
      `${study.trials.length - counted.length} interrupted records; ${seen.size} complete trials tracked`,
  )
  console.log(`${KILLS} kills in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  if (problems.length > 0) {
    console.log(`FAILED:\n${problems.join('\n')}`)
    process.exitCode = 1
  } else
    console.log('PASSED: the store always opened, no complete trial was lost, no orphan workers')
} finally {
  await rm(dir, { recursive: true, force: true })
}
