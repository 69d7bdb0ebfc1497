import { existsSync } from 'node:fs'
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ensureUiBuilt,
  newestSource,
  uiBuildDecision,
  UiBuildError,
} from '../../../src-main/cli/ensure-ui-built'
import { tempDir } from '../../helpers/temp-dir'

const T = 1_700_000_000_000

describe('uiBuildDecision', () => {
  const source = (mtimeMs: number) => ({ path: 'src-renderer/src/App.svelte', mtimeMs })

  it('builds when there is no build yet', () => {
    expect(uiBuildDecision(undefined, source(T))).toEqual({ action: 'build', reason: 'missing' })
  })

  it('rebuilds when a source changed after the build, naming it', () => {
    expect(uiBuildDecision(T, source(T + 1))).toEqual({
      action: 'build',
      reason: 'stale',
      newer: source(T + 1),
    })
  })

  it('uses a build at least as new as every source', () => {
    expect(uiBuildDecision(T, source(T - 60_000))).toEqual({ action: 'use' })
    expect(uiBuildDecision(T, source(T))).toEqual({ action: 'use' })
  })

  it('uses the build as it is without sources, and cannot build without either', () => {
    expect(uiBuildDecision(T, undefined)).toEqual({ action: 'use' })
    expect(uiBuildDecision(undefined, undefined)).toEqual({ action: 'cannot-build' })
  })
})

describe('newestSource and ensureUiBuilt on a folder', () => {
  let root: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => {
    root = await tempDir('ui-build')
  })
  afterEach(() => root.remove())

  async function file(path: string, mtimeMs: number): Promise<void> {
    const full = join(root.path, path)
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, 'x')
    await utimes(full, new Date(mtimeMs), new Date(mtimeMs))
  }

  it('finds the most recently changed file, skipping node_modules, dot entries and missing paths', async () => {
    await file('src-renderer/index.html', T)
    await file('src-renderer/src/views/Studies.svelte', T + 5_000)
    await file('src-shared/contract.ts', T + 2_000)
    await file('src-renderer/node_modules/x/index.js', T + 9_000)
    await file('src-renderer/.cache/y', T + 9_000)
    const newest = await newestSource(root.path, ['src-renderer', 'src-shared', 'absent.ts'])
    expect(newest).toEqual({ path: 'src-renderer/src/views/Studies.svelte', mtimeMs: T + 5_000 })
    expect(await newestSource(root.path, ['absent'])).toBeUndefined()
  })

  it('serves a fresh build as it is, without building or saying anything', async () => {
    await file('src-renderer/src/App.svelte', T)
    await file('out/renderer/index.html', T + 1_000)
    const lines: string[] = []
    await ensureUiBuilt({
      root: root.path,
      rendererDir: join(root.path, 'out/renderer'),
      log: (line) => lines.push(line),
    })
    expect(lines).toEqual([])
  })

  it('refuses with UI_NOT_BUILT when there is neither a build nor its sources', async () => {
    const attempt = ensureUiBuilt({
      root: root.path,
      rendererDir: join(root.path, 'out/renderer'),
      log: () => {},
    })
    await expect(attempt).rejects.toBeInstanceOf(UiBuildError)
    await expect(attempt).rejects.toMatchObject({ code: 'UI_NOT_BUILT' })
  })

  it('says so with UI_BUILD_FAILED when the build cannot run, and leaves no half-built folder', async () => {
    await file('src-renderer/src/App.svelte', T)
    const lines: string[] = []
    const attempt = ensureUiBuilt({
      root: root.path,
      rendererDir: join(root.path, 'out/renderer'),
      log: (line) => lines.push(line),
    })
    await expect(attempt).rejects.toMatchObject({ code: 'UI_BUILD_FAILED' })
    expect(lines).toEqual(['Building the UI… (not built yet)'])
    expect(existsSync(join(root.path, 'out'))).toBe(false)
  })
})
