// A minimal protobuf writer: just the wire types an ONNX ModelProto needs (varint, 32-bit,
// length-delimited). Hand-written rather than protobufjs because (1) the encoder is ~100 lines
// and has no schema to load at run time, (2) large parameter blobs are kept as chunks and joined
// once at the end, so a 300 MB export is never copied per nesting level, and (3) no proto text
// has to be shipped or parsed. Field numbers live in onnx/model.ts, written from the ONNX spec.

/** Protobuf wire types (the reader in read-metadata.ts also skips fixed64). */
export const WIRE = { varint: 0, fixed64: 1, len: 2, fixed32: 5 } as const
const WIRE_VARINT = WIRE.varint
const WIRE_LEN = WIRE.len
const WIRE_FIXED32 = WIRE.fixed32

const utf8 = new TextEncoder()

/** A message under construction: a list of byte chunks and their total length. */
export class ProtoWriter {
  private readonly chunks: Uint8Array[] = []
  private scratch: number[] = []
  private size = 0

  get byteLength(): number {
    return this.size + this.scratch.length
  }

  /** int32/int64/enum/bool fields. Negative numbers use 10-byte two's complement, as protobuf does. */
  varint(field: number, value: number | bigint | boolean): this {
    this.tag(field, WIRE_VARINT)
    this.rawVarint(typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value))
    return this
  }

  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32)
    const b = new Uint8Array(4)
    new DataView(b.buffer).setFloat32(0, value, true)
    this.scratch.push(...b)
    return this
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value))
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LEN)
    this.rawVarint(BigInt(value.byteLength))
    this.flushScratch()
    this.chunks.push(value)
    this.size += value.byteLength
    return this
  }

  /** A nested message; the child's chunks are adopted, not copied. */
  message(field: number, fill: (w: ProtoWriter) => void): this {
    const child = new ProtoWriter()
    fill(child)
    child.flushScratch()
    this.tag(field, WIRE_LEN)
    this.rawVarint(BigInt(child.size))
    this.flushScratch()
    for (const c of child.chunks) this.chunks.push(c)
    this.size += child.size
    return this
  }

  /** Packed repeated int64 (ONNX dims, ints attributes). */
  packedInt64(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter()
    for (const v of values) inner.rawVarint(BigInt(v))
    return this.bytes(field, inner.finish())
  }

  /** Packed repeated float (the `floats` attribute). */
  packedFloat(field: number, values: readonly number[]): this {
    const b = new Uint8Array(values.length * 4)
    const view = new DataView(b.buffer)
    values.forEach((v, i) => view.setFloat32(i * 4, v, true))
    return this.bytes(field, b)
  }

  finish(): Uint8Array {
    this.flushScratch()
    if (this.chunks.length === 1) return this.chunks[0]
    const out = new Uint8Array(this.size)
    let at = 0
    for (const c of this.chunks) {
      out.set(c, at)
      at += c.byteLength
    }
    return out
  }

  private tag(field: number, wire: number): void {
    this.rawVarint(BigInt((field << 3) | wire))
  }

  private rawVarint(value: bigint): void {
    // Negative int64 values are encoded as their unsigned 64-bit two's complement.
    let v = value < 0n ? value + (1n << 64n) : value
    while (v >= 0x80n) {
      this.scratch.push(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    this.scratch.push(Number(v))
  }

  private flushScratch(): void {
    if (this.scratch.length === 0) return
    this.chunks.push(Uint8Array.from(this.scratch))
    this.size += this.scratch.length
    this.scratch = []
  }
}
