import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh temporary folder and its removal, for one test file's lifetime. */
export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `frontier-${prefix}-`))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}
