// The built renderer served as files. Paths are resolved inside the root only.
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

export interface StaticFile {
  body: Buffer
  type: string
}

/** The file for a URL path, or null when it is outside the root or absent. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const path = join(root, relative)
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  try {
    if (!(await stat(path)).isFile()) return null
    return { body: await readFile(path), type: TYPES[extname(path)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
