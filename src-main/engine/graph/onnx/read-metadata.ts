// Reads the metadata_props of an ONNX ModelProto (the key/value strings an export carries, see
// programs/predict.ts buildExport). onnxruntime-node does not expose custom metadata, and only
// the top level of the message is walked, so this is a small reader rather than a protobuf
// library: every other field is skipped by its wire type without being decoded.

import { GraphError } from '../errors'
import { ENTRY, MODEL_METADATA } from './model'
import { WIRE } from './protobuf'

// The field numbers and wire types the writer uses (model.ts, protobuf.ts), read back.
const METADATA_PROPS = MODEL_METADATA
const ENTRY_KEY = ENTRY.key
const ENTRY_VALUE = ENTRY.value
const WIRE_VARINT = WIRE.varint
const WIRE_FIXED64 = WIRE.fixed64
const WIRE_LEN = WIRE.len
const WIRE_FIXED32 = WIRE.fixed32

const utf8 = new TextDecoder('utf-8', { fatal: true })

class Reader {
  at = 0
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length
  }

  varint(): number {
    let value = 0
    let scale = 1
    for (;;) {
      if (this.at >= this.bytes.length) throw truncated()
      const byte = this.bytes[this.at++]
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 128
      if (scale > 2 ** 63) throw new GraphError('BAD_ARGUMENT', 'ONNX model: a varint is too long')
    }
  }

  /** The bytes of a length-delimited field (a view, no copy). */
  slice(): Uint8Array {
    const length = this.varint()
    if (this.at + length > this.bytes.length) throw truncated()
    const out = this.bytes.subarray(this.at, this.at + length)
    this.at += length
    return out
  }

  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint()
    else if (wire === WIRE_FIXED64) this.at += 8
    else if (wire === WIRE_FIXED32) this.at += 4
    else if (wire === WIRE_LEN) this.slice()
    else throw new GraphError('BAD_ARGUMENT', `ONNX model: unsupported wire type ${wire}`)
    if (this.at > this.bytes.length) throw truncated()
  }
}

function truncated(): GraphError {
  return new GraphError('BAD_ARGUMENT', 'ONNX model: the file is truncated')
}

function readEntry(bytes: Uint8Array): [string, string] {
  const r = new Reader(bytes)
  let key = ''
  let value = ''
  while (!r.done) {
    const tag = r.varint()
    const field = Math.floor(tag / 8)
    const wire = tag % 8
    if (wire === WIRE_LEN && field === ENTRY_KEY) key = utf8.decode(r.slice())
    else if (wire === WIRE_LEN && field === ENTRY_VALUE) value = utf8.decode(r.slice())
    else r.skip(wire)
  }
  return [key, value]
}

/** Every metadata_props entry of an ONNX model, by key (a later duplicate wins). */
export function readOnnxMetadata(model: Uint8Array): Record<string, string> {
  const r = new Reader(model)
  const out: Record<string, string> = {}
  while (!r.done) {
    const tag = r.varint()
    const field = Math.floor(tag / 8)
    const wire = tag % 8
    if (field === METADATA_PROPS && wire === WIRE_LEN) {
      const [key, value] = readEntry(r.slice())
      out[key] = value
    } else r.skip(wire)
  }
  return out
}
