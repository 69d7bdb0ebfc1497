// Output sizes of sliding-window ops (pooling, convolution), shared so the shape rules, the
// gradient rules and the reference evaluator agree on one formula.

import { check } from '../errors'
import type { Dim } from '../shape'

export interface Window {
  kernel: readonly number[]
  strides: readonly number[]
  /** ONNX order: begins for every spatial axis, then ends. */
  pads: readonly number[]
  dilations: readonly number[]
  ceilMode: boolean
}

/** Output length along spatial axis i, with PyTorch's rule that no window starts in the end pad. */
export function windowOut(w: Window, i: number, size: Dim): number {
  check(typeof size === 'number', 'UNSUPPORTED', () => `sliding window over symbolic dim ${size}`)
  const n = w.kernel.length
  const span = (w.kernel[i] - 1) * w.dilations[i] + 1
  const room = (size as number) + w.pads[i] + w.pads[i + n] - span
  check(room >= 0, 'SHAPE_MISMATCH', () => `window ${span} larger than padded input ${size}`)
  let out = (w.ceilMode ? Math.ceil(room / w.strides[i]) : Math.floor(room / w.strides[i])) + 1
  if (w.ceilMode && (out - 1) * w.strides[i] >= (size as number) + w.pads[i]) out -= 1
  return out
}

/**
 * output_padding for the ConvTranspose that maps an output of length `out` back onto `size`
 * (the gradient of a strided window op).
 */
export function transposePadding(w: Window, i: number, size: number, out: number): number {
  const n = w.kernel.length
  const span = (w.kernel[i] - 1) * w.dilations[i] + 1
  return size - ((out - 1) * w.strides[i] + span - w.pads[i] - w.pads[i + n])
}

export function windowAttrs(
  spatial: number,
  k: Partial<Window> & { kernel: readonly number[] },
): Window {
  check(
    k.kernel.length === spatial,
    'BAD_ARGUMENT',
    () => `kernel rank ${k.kernel.length} != ${spatial}`,
  )
  return {
    kernel: k.kernel,
    strides: k.strides ?? k.kernel.map(() => 1),
    pads: k.pads ?? new Array<number>(2 * spatial).fill(0),
    dilations: k.dilations ?? k.kernel.map(() => 1),
    ceilMode: k.ceilMode ?? false,
  }
}
