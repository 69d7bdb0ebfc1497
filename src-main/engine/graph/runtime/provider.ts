// Execution providers. 'cpu' always works; 'webgpu' is bundled in onnxruntime-node (Vulkan,
// D3D12 or Metal underneath) but needs an adapter; 'cuda' needs provider files installed
// separately. 'auto' picks WebGPU when an adapter answers and otherwise says, once, that it
// trains on the CPU. A provider is probed by opening a one-node session on it.

import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { GraphError } from '../errors'
import { encodeModel } from '../onnx/model'

export type Provider = 'cpu' | 'webgpu' | 'cuda'
export type ProviderChoice = Provider | 'auto'

export interface ProviderResolution {
  /** The provider sessions will use. */
  provider: Provider
  /** Set when the request could not be honoured as asked (the fallback, and why). */
  notice?: string
}

const probes = new Map<Provider, Promise<string | undefined>>()

function probeModel(): Uint8Array {
  return encodeModel({
    graph: {
      name: 'probe',
      nodes: [{ opType: 'Add', inputs: ['x', 'x'], outputs: ['y'] }],
      inputs: [{ name: 'x', dtype: 'float32', shape: [1] }],
      outputs: [{ name: 'y', dtype: 'float32', shape: [1] }],
      initializers: [],
    },
  })
}

/**
 * Whether the CUDA provider's library sits beside onnxruntime's binding (`npm run setup:cuda`
 * puts it there). Without it a session on 'cuda' fails anyway, after onnxruntime has printed a
 * native error to stderr that no option silences: not worth showing users for a missing file.
 */
function cudaFilesInstalled(): boolean {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'))
    const dir = join(root, 'bin', 'napi-v6', process.platform, process.arch)
    const file =
      process.platform === 'win32'
        ? 'onnxruntime_providers_cuda.dll'
        : 'libonnxruntime_providers_cuda.so'
    return existsSync(join(dir, file))
  } catch {
    return true // cannot tell: let the session answer
  }
}

/** undefined when the provider runs a node, else the reason it cannot. Cached per process. */
export function probeProvider(provider: Provider): Promise<string | undefined> {
  let p = probes.get(provider)
  if (!p) {
    p = (async () => {
      if (provider === 'cuda' && !cudaFilesInstalled())
        return 'the CUDA provider files are not installed'
      try {
        const s = await ort.InferenceSession.create(probeModel(), {
          executionProviders: [provider],
          logSeverityLevel: 4,
        })
        await s.run({ x: new ort.Tensor('float32', new Float32Array([1]), [1]) })
        await s.release()
        return undefined
      } catch (e) {
        return firstLine(e instanceof Error ? e.message : String(e))
      }
    })()
    probes.set(provider, p)
  }
  return p
}

function firstLine(message: string): string {
  const adapter = /Failed to get a WebGPU adapter[^\n]*/.exec(message)
  return (adapter ? adapter[0] : message.split('\n')[0]).slice(0, 300)
}

const HINTS: Record<Provider, string> = {
  cpu: '',
  webgpu: 'WebGPU needs a GPU with Vulkan (Linux), D3D12 (Windows) or Metal (macOS) drivers.',
  cuda: 'CUDA needs an NVIDIA driver, CUDA 12, cuDNN 9 and the provider files (`npm run setup:cuda`).',
}

export async function resolveProvider(choice: ProviderChoice): Promise<ProviderResolution> {
  if (choice === 'cpu') return { provider: 'cpu' }
  if (choice === 'auto') {
    const why = await probeProvider('webgpu')
    if (why === undefined) return { provider: 'webgpu' }
    return {
      provider: 'cpu',
      notice: `No WebGPU adapter is available (${why}); training runs on the CPU.`,
    }
  }
  const why = await probeProvider(choice)
  if (why !== undefined) {
    throw new GraphError(
      'PROVIDER_UNAVAILABLE',
      `The ${choice} execution provider is unavailable: ${why}. ${HINTS[choice]} Choose "cpu" or "auto".`,
    )
  }
  return { provider: choice }
}
