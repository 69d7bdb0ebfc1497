// Worker-thread entry: reads and profiles one file away from the thread that answers the UI.
import { readFile } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { DataError } from '../engine/data/data-error'
import { readDataset } from '../engine/data/read-dataset'
import type { ParseJob, ParseWorkerMessage } from './parse-protocol'

const port = parentPort
if (!port) throw new Error('parse-worker must run in a worker thread')
const post = (message: ParseWorkerMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer)

async function run(job: ParseJob): Promise<void> {
  post({ type: 'progress', phase: 'read', fraction: 0 })
  const bytes = new Uint8Array(await readFile(job.path))
  post({ type: 'progress', phase: 'read', fraction: 1 })
  const { series, profile } = readDataset(bytes, job.options, (phase, fraction) =>
    post({ type: 'progress', phase, fraction }),
  )
  const buffers = [series.timestamps, ...series.columns.map((c) => c.values)].map(
    (a) => a.buffer as ArrayBuffer,
  )
  post(
    {
      type: 'result',
      profile,
      timestampColumn: series.timestampColumn,
      timestamps: series.timestamps,
      columns: series.columns,
    },
    buffers,
  )
}

run(workerData as ParseJob).catch((error: unknown) => {
  if (error instanceof DataError) {
    post({ type: 'data-error', code: error.code, message: error.message, line: error.line })
  } else {
    post({
      type: 'crash',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
