// What a stored standalone model says about itself (run-trial.ts exportMetadata, predict.ts
// buildExport): the model and its parameters, the window, the quantile levels, the input columns
// and the MinMax scaler it expects its inputs in, and its tensors' names and shapes. Confirming a
// model reads everything from here, so the scored network is the stored one and nothing else.

import { z } from 'zod'
import { readOnnxMetadata } from '../graph/onnx/read-metadata'
import { IO_METADATA_KEY } from '../graph/programs/predict'
import type { ValueSpec } from '../graph/programs/network'
import { MODEL_NAMES, type ModelName, type ModelParams } from '../models/model-spec'
import { ConfirmError } from './confirm-error'

export interface StoredModelInfo {
  model: ModelName
  params: ModelParams
  inputLength: number
  horizon: number
  quantiles: number[]
  columns: string[]
  scaler: { min: number[]; range: number[] }
  inputs: ValueSpec[]
  outputs: ValueSpec[]
}

const positiveInt = z.coerce.number().int().positive()
const valueSpec = z.object({
  name: z.string().min(1),
  dtype: z.enum(['float32', 'float64', 'int64', 'bool']),
  shape: z.array(z.union([z.number().int().nonnegative(), z.string()])),
})
const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON' })
      return z.NEVER
    }
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data as z.output<T>
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message })
    return z.NEVER
  })

const metadataSchema = z.object({
  'frontier.model': z.enum(MODEL_NAMES as [ModelName, ...ModelName[]]),
  'frontier.params': json(z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))),
  'frontier.input_length': positiveInt,
  'frontier.horizon': positiveInt,
  'frontier.quantiles': z
    .string()
    .transform((s) => s.split(',').map(Number))
    .pipe(z.array(z.number().gt(0).lt(1)).min(1)),
  'frontier.columns': json(z.array(z.string()).min(1)),
  'frontier.scaler': json(z.object({ min: z.array(z.number()), range: z.array(z.number()) })),
  [IO_METADATA_KEY]: json(z.object({ inputs: z.array(valueSpec), outputs: z.array(valueSpec) })),
})

/** The model's own description; ConfirmError MODEL_METADATA_INVALID when it is not a Frontier export. */
export function readStoredModel(onnx: Uint8Array, label = 'The model'): StoredModelInfo {
  let metadata: Record<string, string>
  try {
    metadata = readOnnxMetadata(onnx)
  } catch (error) {
    throw new ConfirmError(
      'MODEL_METADATA_INVALID',
      `${label} is not a readable ONNX file (${(error as Error).message}).`,
    )
  }
  const parsed = metadataSchema.safeParse(metadata)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfirmError(
      'MODEL_METADATA_INVALID',
      `${label} lacks Frontier's description of itself (${issue.path.join('.')}: ${issue.message}); only models a Frontier trial exported can be confirmed.`,
    )
  }
  const m = parsed.data
  const columns = m['frontier.columns']
  const scaler = m['frontier.scaler']
  if (scaler.min.length !== columns.length || scaler.range.length !== columns.length)
    throw new ConfirmError(
      'MODEL_METADATA_INVALID',
      `${label} has a scaler for ${scaler.min.length} columns but ${columns.length} input columns.`,
    )
  return {
    model: m['frontier.model'],
    params: m['frontier.params'],
    inputLength: m['frontier.input_length'],
    horizon: m['frontier.horizon'],
    quantiles: m['frontier.quantiles'],
    columns,
    scaler,
    inputs: m[IO_METADATA_KEY].inputs,
    outputs: m[IO_METADATA_KEY].outputs,
  }
}
