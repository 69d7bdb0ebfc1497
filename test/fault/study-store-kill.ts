// Fault test: a process writing a study is killed (SIGKILL) at random moments; after every kill
// the study file must open, every trial the writer reported as told must be there, complete and
// with its values, no trial may be left running, and the next writer must resume the study.
//
//   npx tsx test/fault/study-store-kill.ts [--kills 20] [--seed 1]
//
// test/unit/engine/store/study-store-kill.test.ts runs a short version (3 kills).

import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Rng } from '../../src-main/engine/rng'
import { createPersistentStudy } from '../../src-main/engine/store/persistent-study'
import { StudyStore } from '../../src-main/engine/store/study-store'
import { expectedValues, faultStudyConfig } from './study-store-fault-shared'

const WRITER = fileURLToPath(new URL('./study-store-writer.ts', import.meta.url))

export interface KillRound {
  delayMs: number
  asked: number
  told: number
  trialsInFile: number
  recovered: number[]
  problems: string[]
}

/**
 * Runs the writer and SIGKILLs it delayMs after it opened the study (or, for a negative delay,
 * |delayMs| after it was spawned: a kill while it opens, recovers and rewrites the file).
 */
function runWriter(path: string, delayMs: number | null): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | null = null
    const arm = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms))
    if (delayMs !== null && delayMs < 0) arm(-delayMs)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (delayMs !== null && delayMs >= 0 && timer === null && out.includes('opened')) arm(delayMs)
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal === null && code !== 0) reject(new Error(`writer exited with ${code}: ${err}`))
      // A line cut off by the kill proves nothing; keep complete lines only.
      else resolve(out.split('\n').slice(0, -1))
    })
  })
}

/** Checks the file after a kill; returns the problems found (none: passed). */
async function check(path: string, lines: string[], round: KillRound): Promise<void> {
  const { store, recovered } = await StudyStore.open(path)
  round.recovered = recovered
  const trials = store.data.trials
  round.trialsInFile = trials.length
  const numbers = (word: string) =>
    lines.filter((l) => l.startsWith(`${word} `)).map((l) => Number(l.slice(word.length + 1)))
  const told = numbers('told')
  const asked = numbers('asked')
  round.asked = asked.length
  round.told = told.length
  for (const n of asked) if (!trials[n]) round.problems.push(`asked trial ${n} is missing`)
  for (const n of told) {
    const t = trials[n]
    if (!t || t.state !== 'complete')
      round.problems.push(`told trial ${n} is ${t?.state ?? 'missing'}`)
    else if (JSON.stringify(t.values) !== JSON.stringify(expectedValues(t.params)))
      round.problems.push(`told trial ${n} has values ${JSON.stringify(t.values)}`)
  }
  if (trials.some((t) => t.state === 'running')) round.problems.push('a trial is still running')
  trials.forEach(
    (t, i) => t.number !== i && round.problems.push(`trial at ${i} is numbered ${t.number}`),
  )
  for (const n of recovered)
    if (trials[n].error?.code !== 'INTERRUPTED')
      round.problems.push(`trial ${n} not marked INTERRUPTED`)
  await store.close()
}

export async function runKillTest(options: {
  kills: number
  seed: number
  budget?: number
  /** Kills land up to this long after the writer opened the study (default 800 ms). */
  maxDelayMs?: number
  log?: (line: string) => void
}): Promise<{ rounds: KillRound[]; finalProblems: string[]; leftovers: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'frontier-fault-'))
  const path = join(dir, 'study.json')
  const rng = new Rng(options.seed, 0xfa17)
  const maxDelay = options.maxDelayMs ?? 800
  const created = await createPersistentStudy(path, faultStudyConfig(options.budget ?? 5000))
  await created.store.close()
  const rounds: KillRound[] = []
  try {
    for (let k = 0; k < options.kills; k++) {
      // One kill in five lands while the writer starts, opens and recovers the file.
      const delayMs =
        rng.uniform() < 0.2
          ? -Math.round(300 + rng.uniform() * 900)
          : Math.round(rng.uniform() * maxDelay)
      const lines = await runWriter(path, delayMs)
      const round: KillRound = {
        delayMs,
        asked: 0,
        told: 0,
        trialsInFile: 0,
        recovered: [],
        problems: [],
      }
      await check(path, lines, round)
      rounds.push(round)
      options.log?.(
        `kill ${k + 1}: ${delayMs < 0 ? `${-delayMs} ms after spawn` : `${delayMs} ms after open`}; writer reported ${round.asked} asked, ${round.told} told; file has ${round.trialsInFile} trials; recovered ${JSON.stringify(round.recovered)}; ${round.problems.length === 0 ? 'OK' : round.problems.join('; ')}`,
      )
    }
    // Finally let a writer resume and finish a smaller remaining budget without being killed.
    const { store } = await StudyStore.open(path)
    const done = store.data.trials.filter((t) => t.error?.code !== 'INTERRUPTED').length
    store.data.config.budget.trials = done + 20
    await store.save(store.data)
    const lines = await runWriter(path, null)
    const final: KillRound = {
      delayMs: 0,
      asked: 0,
      told: 0,
      trialsInFile: 0,
      recovered: [],
      problems: [],
    }
    await check(path, lines, final)
    if (!lines.includes('done')) final.problems.push('the resumed writer did not finish')
    if (final.told !== 20)
      final.problems.push(`the resumed writer told ${final.told} trials, not 20`)
    const leftovers = (await readdir(dir)).filter((f) => f.endsWith('.tmp'))
    return { rounds, finalProblems: final.problems, leftovers }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`)
    return i >= 0 ? Number(process.argv[i + 1]) : fallback
  }
  const result = await runKillTest({
    kills: arg('kills', 20),
    seed: arg('seed', 1),
    log: console.log,
  })
  const failed = result.rounds.filter((r) => r.problems.length > 0).length
  console.log(
    `${result.rounds.length} kills, ${failed} with problems; resumed run: ${result.finalProblems.length === 0 ? 'OK' : result.finalProblems.join('; ')}; stray temp files after the last open: ${result.leftovers.length}`,
  )
  process.exitCode = failed > 0 || result.finalProblems.length > 0 ? 1 : 0
}
