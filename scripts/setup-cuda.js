// Opt-in CUDA support: onnxruntime-node ships CPU and WebGPU providers in its npm package, but
// the CUDA provider libraries come from NuGet. The project's .npmrc makes installs skip that
// download (it fails without access to nuget.org and is useless without an NVIDIA GPU); this
// script runs onnxruntime-node's own installer for CUDA 12 on request.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
if (process.platform !== 'linux' && process.platform !== 'win32') {
  console.error('CUDA is available for onnxruntime-node on Linux and Windows x64 only.')
  process.exit(1)
}
const root = dirname(require.resolve('onnxruntime-node/package.json'))
const installer = join(root, 'script', 'install.js')
if (!existsSync(installer)) {
  console.error(`onnxruntime-node's installer is missing (${installer}); run \`npm ci\` first.`)
  process.exit(1)
}
console.log('Downloading the onnxruntime CUDA 12 provider from NuGet (several hundred MB)…')
const result = spawnSync(process.execPath, [installer], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'cuda12' },
})
if (result.status !== 0) {
  console.error(`
The CUDA provider could not be installed (exit ${result.status}). It needs access to
api.nuget.org, an x64 machine, and at run time an NVIDIA driver with CUDA 12 and cuDNN 9.
Frontier keeps working without it: CPU always, WebGPU where a GPU adapter exists.`)
  process.exit(1)
}
console.log(`CUDA provider libraries installed into ${join(root, 'bin')}.`)
