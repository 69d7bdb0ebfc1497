// Runs one parse in a worker thread. A crash of the worker (a bug, out of memory) becomes a
// ServiceError and never takes the process down.
import { Worker } from 'node:worker_threads'
import { DataError, type DataErrorCode } from '../engine/data/data-error'
import type { ParseOptions, Profile, Series } from '../engine/data/types'
import { isParseWorkerMessage, type ParseJob } from './parse-protocol'
import { ServiceError } from './service-error'

export type ParseProgress = (phase: 'read' | 'parse' | 'profile', fraction: number) => void

// In the electron-vite bundle the worker is plain JavaScript beside this file in out/main. Run
// from source (CLI, tests) it is TypeScript, loaded through a bootstrap that registers tsx.
const fromSource = import.meta.url.endsWith('.ts')

function startWorker(workerData: ParseJob): Worker {
  // A heap limit turns a runaway parse into a worker error instead of aborting the process.
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: 4096 } }
  if (!fromSource) return new Worker(new URL('./parse-worker.js', import.meta.url), options)
  const entry = new URL('./parse-worker.ts', import.meta.url).href
  return new Worker(new URL('../worker/tsx-bootstrap.mjs', import.meta.url), {
    ...options,
    argv: [entry],
  })
}

export function parseInWorker(
  path: string,
  options: ParseOptions,
  onProgress: ParseProgress = () => undefined,
): Promise<{ series: Series; profile: Profile }> {
  const job: ParseJob = { path, options }
  return new Promise((resolve, reject) => {
    const worker = startWorker(job)
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
    worker.on('message', (message: unknown) => {
      if (!isParseWorkerMessage(message)) {
        settle(() =>
          reject(new ServiceError('PARSE_WORKER_FAILED', 'The parser sent a malformed message.')),
        )
        return
      }
      switch (message.type) {
        case 'progress':
          onProgress(message.phase, message.fraction)
          break
        case 'result':
          settle(() =>
            resolve({
              profile: message.profile,
              series: {
                timestampColumn: message.timestampColumn,
                timestamps: message.timestamps,
                columns: message.columns,
              },
            }),
          )
          break
        case 'data-error':
          settle(() =>
            reject(new DataError(message.code as DataErrorCode, message.message, message.line)),
          )
          break
        case 'crash':
          settle(() =>
            reject(
              new ServiceError('PARSE_WORKER_FAILED', `The parser failed: ${message.message}`),
            ),
          )
      }
    })
    worker.on('error', (error) =>
      settle(() =>
        reject(new ServiceError('PARSE_WORKER_FAILED', `The parser failed: ${error.message}`)),
      ),
    )
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          new ServiceError(
            'PARSE_WORKER_FAILED',
            `The parser stopped unexpectedly (exit code ${code}); the file may be too large for memory.`,
          ),
        ),
      ),
    )
  })
}
