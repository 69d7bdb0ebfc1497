// Which process runs a study: a lock file beside the study file (<name>.lock) with the pid and
// host of the process whose service runs it, written before the study file is opened for a run
// (opening recovers `running` trials, which must not happen under a live run) and removed when
// the run ends. A lock whose process is gone (killed, crashed) is stale and taken over. A lock
// from another host (a shared cluster file system) cannot be checked and is taken over as well:
// the study file's own `running` trials then say the study was interrupted.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import { ServiceError } from './service-error'

interface Lock {
  pid: number
  host: string
  startedAt: string
}

export function lockPath(studyPath: string): string {
  return `${studyPath.replace(/\.json$/i, '')}.lock`
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid of another live process on this host that runs the study, or null. */
export async function otherRunner(studyPath: string): Promise<number | null> {
  let lock: Lock
  try {
    lock = JSON.parse(await readFile(lockPath(studyPath), 'utf8')) as Lock
  } catch {
    return null
  }
  if (lock.host !== hostname() || lock.pid === process.pid) return null
  return Number.isInteger(lock.pid) && alive(lock.pid) ? lock.pid : null
}

/** Takes the lock for this process; refuses when another live process holds it. */
export async function acquireStudyLock(studyPath: string): Promise<void> {
  const pid = await otherRunner(studyPath)
  if (pid !== null)
    throw new ServiceError(
      'STUDY_RUNNING',
      `The study is running in another process (pid ${pid}, e.g. a \`frontier run\` or another app window); stop it there first.`,
    )
  const lock: Lock = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
  await mkdir(dirname(studyPath), { recursive: true })
  await writeFile(lockPath(studyPath), `${JSON.stringify(lock)}\n`)
}

export async function releaseStudyLock(studyPath: string): Promise<void> {
  await rm(lockPath(studyPath), { force: true })
}
