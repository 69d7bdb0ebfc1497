// Messages between the dataset service and its parse worker thread.
import type { ParseOptions, Profile } from '../engine/data/types'

export interface ParseJob {
  path: string
  options: ParseOptions
}

export type ParseWorkerMessage =
  | { type: 'progress'; phase: 'read' | 'parse' | 'profile'; fraction: number }
  | {
      type: 'result'
      profile: Profile
      timestampColumn: string
      timestamps: Float64Array
      columns: { name: string; values: Float64Array }[]
    }
  | { type: 'data-error'; code: string; message: string; line?: number }
  | { type: 'crash'; message: string }

export function isParseWorkerMessage(value: unknown): value is ParseWorkerMessage {
  if (typeof value !== 'object' || value === null) return false
  const type = (value as { type?: unknown }).type
  return type === 'progress' || type === 'result' || type === 'data-error' || type === 'crash'
}
