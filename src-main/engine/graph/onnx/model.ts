// Plain objects for an ONNX model and their encoding to ModelProto bytes. Field numbers are
// written here from the ONNX IR specification (onnx.proto, IR version 10 / opset 21); only the
// fields Frontier emits are listed.

import { ProtoWriter } from './protobuf'

/** ONNX element types the engine emits, and their TensorProto.DataType numbers. */
export type OnnxElemType = 'float32' | 'float64' | 'int64' | 'int32' | 'bool'
export const ELEM_TYPE: Record<OnnxElemType, number> = {
  float32: 1,
  int32: 6,
  int64: 7,
  bool: 9,
  float64: 11,
}

export const OPSET = 21
/** IR version 10 is the one that introduced opset 21. */
export const IR_VERSION = 10

export type OnnxAttr =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'ints'; value: readonly number[] }
  | { type: 'floats'; value: readonly number[] }
  | { type: 'string'; value: string }
  | { type: 'tensor'; value: OnnxTensor }
  | { type: 'graph'; value: OnnxGraph }

/** Shorthands for attribute values: `{ axis: A.int(1) }`. */
export const A = {
  int: (value: number): OnnxAttr => ({ type: 'int', value }),
  float: (value: number): OnnxAttr => ({ type: 'float', value }),
  ints: (value: readonly number[]): OnnxAttr => ({ type: 'ints', value }),
  floats: (value: readonly number[]): OnnxAttr => ({ type: 'floats', value }),
  string: (value: string): OnnxAttr => ({ type: 'string', value }),
  tensor: (value: OnnxTensor): OnnxAttr => ({ type: 'tensor', value }),
  graph: (value: OnnxGraph): OnnxAttr => ({ type: 'graph', value }),
}

export interface OnnxNode {
  opType: string
  inputs: readonly string[]
  outputs: readonly string[]
  name?: string
  domain?: string
  attrs?: Readonly<Record<string, OnnxAttr>>
}

export type OnnxData = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array

export interface OnnxTensor {
  name: string
  dtype: OnnxElemType
  dims: readonly number[]
  /** Little-endian element data (bool as one byte per element). */
  data: OnnxData
}

/** A value's declared type; a string dim is symbolic (dim_param), e.g. "batch". */
export interface OnnxValueInfo {
  name: string
  dtype: OnnxElemType
  shape: readonly (number | string)[]
  doc?: string
}

export interface OnnxGraph {
  name: string
  nodes: readonly OnnxNode[]
  inputs: readonly OnnxValueInfo[]
  outputs: readonly OnnxValueInfo[]
  initializers: readonly OnnxTensor[]
  doc?: string
}

export interface OnnxModel {
  graph: OnnxGraph
  opset?: number
  producer?: string
  producerVersion?: string
  doc?: string
  /** metadata_props: free-form key/value strings any ONNX runtime exposes to its users. */
  metadata?: Readonly<Record<string, string>>
}

// ModelProto
const MODEL = { irVersion: 1, producerName: 2, producerVersion: 3, doc: 6, graph: 7, opset: 8 }
export const MODEL_METADATA = 14
// OperatorSetIdProto, StringStringEntryProto
const OPSET_ID = { domain: 1, version: 2 }
export const ENTRY = { key: 1, value: 2 }
// GraphProto
const GRAPH = { node: 1, name: 2, initializer: 5, doc: 10, input: 11, output: 12 }
// NodeProto
const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5, domain: 7 }
// AttributeProto and its AttributeType enum
const ATTR = { name: 1, f: 2, i: 3, s: 4, t: 5, g: 6, floats: 7, ints: 8, type: 20 }
const ATTR_TYPE = { float: 1, int: 2, string: 3, tensor: 4, graph: 5, floats: 6, ints: 7 }
// TensorProto
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9 }
// ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto, Dimension
const VALUE_INFO = { name: 1, type: 2, doc: 3 }
const TYPE_TENSOR = 1
const TENSOR_TYPE = { elemType: 1, shape: 2 }
const SHAPE_DIM = 1
const DIM = { value: 1, param: 2 }

export function encodeModel(model: OnnxModel): Uint8Array {
  const w = new ProtoWriter()
  w.varint(MODEL.irVersion, IR_VERSION)
  w.string(MODEL.producerName, model.producer ?? 'frontier')
  if (model.producerVersion) w.string(MODEL.producerVersion, model.producerVersion)
  if (model.doc) w.string(MODEL.doc, model.doc)
  w.message(MODEL.graph, (gw) => writeGraph(gw, model.graph))
  w.message(MODEL.opset, (o) =>
    o.string(OPSET_ID.domain, '').varint(OPSET_ID.version, model.opset ?? OPSET),
  )
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.message(MODEL_METADATA, (e) => e.string(ENTRY.key, key).string(ENTRY.value, value))
  }
  return w.finish()
}

function writeGraph(w: ProtoWriter, g: OnnxGraph): void {
  for (const n of g.nodes) w.message(GRAPH.node, (nw) => writeNode(nw, n))
  w.string(GRAPH.name, g.name)
  for (const t of g.initializers) w.message(GRAPH.initializer, (tw) => writeTensor(tw, t))
  if (g.doc) w.string(GRAPH.doc, g.doc)
  for (const v of g.inputs) w.message(GRAPH.input, (vw) => writeValueInfo(vw, v))
  for (const v of g.outputs) w.message(GRAPH.output, (vw) => writeValueInfo(vw, v))
}

function writeNode(w: ProtoWriter, n: OnnxNode): void {
  for (const i of n.inputs) w.string(NODE.input, i)
  for (const o of n.outputs) w.string(NODE.output, o)
  if (n.name) w.string(NODE.name, n.name)
  w.string(NODE.opType, n.opType)
  for (const [name, a] of Object.entries(n.attrs ?? {})) {
    w.message(NODE.attribute, (aw) => writeAttr(aw, name, a))
  }
  if (n.domain) w.string(NODE.domain, n.domain)
}

function writeAttr(w: ProtoWriter, name: string, a: OnnxAttr): void {
  w.string(ATTR.name, name)
  switch (a.type) {
    case 'int':
      w.varint(ATTR.i, a.value)
      break
    case 'float':
      w.float(ATTR.f, a.value)
      break
    case 'ints':
      w.packedInt64(ATTR.ints, a.value)
      break
    case 'floats':
      w.packedFloat(ATTR.floats, a.value)
      break
    case 'string':
      w.string(ATTR.s, a.value)
      break
    case 'tensor':
      w.message(ATTR.t, (tw) => writeTensor(tw, a.value))
      break
    case 'graph':
      w.message(ATTR.g, (gw) => writeGraph(gw, a.value))
      break
  }
  w.varint(ATTR.type, ATTR_TYPE[a.type])
}

function writeTensor(w: ProtoWriter, t: OnnxTensor): void {
  w.packedInt64(TENSOR.dims, t.dims)
  w.varint(TENSOR.dataType, ELEM_TYPE[t.dtype])
  w.string(TENSOR.name, t.name)
  w.bytes(TENSOR.rawData, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength))
}

function writeValueInfo(w: ProtoWriter, v: OnnxValueInfo): void {
  w.string(VALUE_INFO.name, v.name)
  w.message(VALUE_INFO.type, (tw) =>
    tw.message(TYPE_TENSOR, (tt) => {
      tt.varint(TENSOR_TYPE.elemType, ELEM_TYPE[v.dtype])
      tt.message(TENSOR_TYPE.shape, (sw) => {
        for (const d of v.shape) {
          sw.message(SHAPE_DIM, (dw) =>
            typeof d === 'number' ? dw.varint(DIM.value, d) : dw.string(DIM.param, d),
          )
        }
      })
    }),
  )
  if (v.doc) w.string(VALUE_INFO.doc, v.doc)
}
