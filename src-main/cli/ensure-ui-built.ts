// `frontier serve` builds the UI it serves when it has to: on a fresh checkout, where out/renderer
// does not exist yet, and after the renderer's sources (or the contract they import) changed
// since the last build, so a developer who edited the UI never gets yesterday's. Only the
// renderer is built — the server needs nothing else — with the project's own electron-vite
// config through electron-vite's and vite's JS API, so the result is what `npm run build` makes.
import { existsSync } from 'node:fs'
import { readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { CodedError } from '../engine/coded-error'

export type UiBuildErrorCode = 'UI_NOT_BUILT' | 'UI_BUILD_UNAVAILABLE' | 'UI_BUILD_FAILED'

export class UiBuildError extends CodedError<UiBuildErrorCode> {}

/** What the built UI is made from, relative to the project root. */
export const UI_SOURCES = [
  'src-renderer',
  'src-shared',
  'electron.vite.config.ts',
  'package-lock.json',
] as const

/** A source file and when it last changed. */
export interface SourceStamp {
  path: string
  mtimeMs: number
}

export type UiBuildDecision =
  | { action: 'use' }
  | { action: 'build'; reason: 'missing' }
  | { action: 'build'; reason: 'stale'; newer: SourceStamp }
  | { action: 'cannot-build' }

/**
 * Whether the build can be served as it is. `builtAtMs` is the build's index.html mtime
 * (undefined: no build); `newest` the most recently changed source (undefined: no sources, as
 * in an unpacked app, whose build is then all there is).
 */
export function uiBuildDecision(
  builtAtMs: number | undefined,
  newest: SourceStamp | undefined,
): UiBuildDecision {
  if (newest === undefined)
    return builtAtMs === undefined ? { action: 'cannot-build' } : { action: 'use' }
  if (builtAtMs === undefined) return { action: 'build', reason: 'missing' }
  if (newest.mtimeMs > builtAtMs) return { action: 'build', reason: 'stale', newer: newest }
  return { action: 'use' }
}

/** The most recently changed file under the given paths (files or folders; missing ones skipped). */
export async function newestSource(
  root: string,
  paths: readonly string[],
): Promise<SourceStamp | undefined> {
  let newest: SourceStamp | undefined
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined)
    if (info === undefined) return
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue
        await visit(join(path, entry))
      }
    } else if (newest === undefined || info.mtimeMs > newest.mtimeMs) {
      newest = { path: relative(root, path), mtimeMs: info.mtimeMs }
    }
  }
  for (const path of paths) await visit(join(root, path))
  return newest
}

export interface EnsureUiBuiltOptions {
  root: string
  /** Where the built UI lives: `<root>/out/renderer`. */
  rendererDir: string
  /** Progress lines for the user (stderr: stdout carries the URL that scripts read). */
  log: (line: string) => void
}

/** Builds the renderer when it is missing or older than its sources; throws UiBuildError. */
export async function ensureUiBuilt({
  root,
  rendererDir,
  log,
}: EnsureUiBuiltOptions): Promise<void> {
  const index = join(rendererDir, 'index.html')
  const builtAt = existsSync(index) ? (await stat(index)).mtimeMs : undefined
  const decision = uiBuildDecision(builtAt, await newestSource(root, UI_SOURCES))
  if (decision.action === 'use') return
  if (decision.action === 'cannot-build') {
    throw new UiBuildError(
      'UI_NOT_BUILT',
      `the UI is not built (${index} is missing) and its sources are not here to build it from; ` +
        'reinstall Frontier, or run `frontier serve` from a checkout.',
    )
  }
  const why =
    decision.reason === 'missing'
      ? 'not built yet'
      : `${decision.newer.path} changed after the last build`
  log(`Building the UI… (${why})`)
  const started = Date.now()
  await buildRenderer(root, rendererDir, started)
  log(`Built the UI in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

/**
 * Builds into a folder of its own and swaps it in, so a server of another `frontier serve`
 * never reads a half-written UI, and two that build at once do not write into one folder.
 */
async function buildRenderer(root: string, rendererDir: string, started: number): Promise<void> {
  const { resolveConfig } = await importBuildTool('electron-vite', () => import('electron-vite'))
  const vite = await importBuildTool('vite', () => import('vite'))
  const staging = `${rendererDir}.building-${process.pid}-${started}`
  try {
    const resolved = await resolveConfig(
      { configFile: join(root, 'electron.vite.config.ts'), root, logLevel: 'warn' },
      'build',
      'production',
    )
    const renderer = resolved.config?.renderer
    if (renderer === undefined)
      throw new Error('electron.vite.config.ts has no renderer section to build')
    await vite.build({
      ...renderer,
      configFile: false,
      logLevel: 'warn',
      build: { ...renderer.build, outDir: staging, emptyOutDir: true },
    })
    // Stamped with the start of the build: a source saved while it ran is newer than it.
    const when = new Date(started)
    await utimes(join(staging, 'index.html'), when, when)
    await rm(rendererDir, { recursive: true, force: true })
    // If another serve swapped its build in meanwhile, that one is as fresh as ours: keep it.
    await rename(staging, rendererDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error
    })
  } catch (error) {
    throw new UiBuildError(
      'UI_BUILD_FAILED',
      `building the UI failed: ${error instanceof Error ? error.message : String(error)}\n` +
        'Fix the error in the renderer sources (`npm run build` shows the full output), then start again.',
    )
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

async function importBuildTool<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    throw new UiBuildError(
      'UI_BUILD_UNAVAILABLE',
      `the UI has to be built, but its build tool ${name} cannot be loaded ` +
        `(${error instanceof Error ? error.message : String(error)}); ` +
        'install the development dependencies with `npm ci` (not `--omit=dev`), then start again.',
    )
  }
}
