// Host arrays → onnxruntime tensors, with symbolic dims ("batch") solved from array lengths.

import * as ort from 'onnxruntime-node'
import { GraphError } from '../errors'
import type { ValueSpec } from '../programs/network'
import { type Shape, resolveShape } from '../shape'
import type { DType } from '../tensor'

export type HostArray = Float32Array | Float64Array | BigInt64Array | Uint8Array
export type HostValue = HostArray | { data: HostArray; shape: readonly number[] }

const ARRAY_OF: Record<DType, string> = {
  float32: 'Float32Array',
  float64: 'Float64Array',
  int64: 'BigInt64Array',
  bool: 'Uint8Array',
}

/**
 * The concrete shape of `value` for a declared shape, binding unknown plain symbols into
 * `symbols` (a flat array may leave one symbol unknown; it is solved from the length).
 */
export function concreteShape(
  name: string,
  declared: Shape,
  value: HostValue,
  symbols: Record<string, number>,
): number[] {
  if (!ArrayBuffer.isView(value)) {
    if (value.shape.length !== declared.length)
      throw new GraphError(
        'SHAPE_MISMATCH',
        `"${name}": rank ${value.shape.length}, declared [${declared}]`,
      )
    declared.forEach((d, i) => {
      if (typeof d === 'string' && !d.includes('*')) symbols[d] ??= value.shape[i]
    })
    const resolved = resolveShape(declared, symbols)
    if (resolved.some((d, i) => d !== value.shape[i]))
      throw new GraphError(
        'SHAPE_MISMATCH',
        `"${name}": fed [${value.shape}], expected [${resolved}]`,
      )
    return resolved
  }
  const unknown = declared.filter(
    (d): d is string =>
      typeof d === 'string' &&
      d.split('*').some((s) => isNaN(Number(s)) && symbols[s] === undefined),
  )
  if (unknown.length > 1 || (unknown.length === 1 && unknown[0].includes('*'))) {
    throw new GraphError(
      'SHAPE_MISMATCH',
      `"${name}": pass { data, shape } to resolve [${declared}]`,
    )
  }
  if (unknown.length === 1) {
    const rest = resolveShape(
      declared.map((d) => (d === unknown[0] ? 1 : d)),
      symbols,
    ).reduce((a, b) => a * b, 1)
    const n = value.length / rest
    if (!Number.isInteger(n) || n < 1)
      throw new GraphError(
        'SHAPE_MISMATCH',
        `"${name}": ${value.length} values do not fit [${declared}]`,
      )
    symbols[unknown[0]] = n
  }
  const shape = resolveShape(declared, symbols)
  const size = shape.reduce((a, b) => a * b, 1)
  if (size !== value.length)
    throw new GraphError('SHAPE_MISMATCH', `"${name}": ${value.length} values for [${shape}]`)
  return shape
}

export function toTensor(
  spec: Pick<ValueSpec, 'name' | 'dtype'>,
  value: HostValue,
  shape: readonly number[],
): ort.Tensor {
  const data = ArrayBuffer.isView(value) ? value : value.data
  if (data.constructor.name !== ARRAY_OF[spec.dtype]) {
    throw new GraphError(
      'DTYPE_MISMATCH',
      `"${spec.name}" wants a ${ARRAY_OF[spec.dtype]}, got ${data.constructor.name}`,
    )
  }
  if (spec.dtype === 'bool') return new ort.Tensor('bool', data as Uint8Array, shape)
  return new ort.Tensor(data as Float32Array, shape)
}

/** Feeds for the declared data inputs; `lead` dims (the Loop's K) precede every shape. */
export function dataFeeds(
  specs: readonly ValueSpec[],
  batch: Readonly<Record<string, HostValue>>,
  symbols: Record<string, number>,
  lead: readonly number[] = [],
): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {}
  for (const spec of specs) {
    const value = batch[spec.name]
    if (value === undefined)
      throw new GraphError('MISSING_FEED', `no data for input "${spec.name}"`)
    const shape = concreteShape(spec.name, [...lead, ...spec.shape], value, symbols)
    feeds[spec.name] = toTensor(spec, value, shape)
  }
  return feeds
}
