// Where things live, the same for the app, the CLI and `frontier serve`, so that all three see
// the same datasets and studies.
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The user's data folder: $FRONTIER_DATA_DIR, else the platform's per-user app-data folder. */
export function defaultDataDir(): string {
  if (process.env.FRONTIER_DATA_DIR) return process.env.FRONTIER_DATA_DIR
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Frontier')
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Frontier')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Frontier')
  }
}

/** The checkout (or unpacked app) root: the nearest folder above this file with our package.json. */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from)
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }
      if (pkg.name === 'frontier') return dir
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No Frontier package.json above ${from}`)
    dir = parent
  }
}

export function appVersion(root: string = projectRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  return pkg.version
}
