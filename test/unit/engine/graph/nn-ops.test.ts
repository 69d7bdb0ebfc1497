// MatMul, Softmax, LayerNorm, MaxPool, AvgPool and Conv (1-D and 2-D) — float64 gradient checks
// through the reference evaluator; onnxruntime runs Conv/ConvTranspose/AveragePool in float32.

import { conv } from '../../../../src-main/engine/graph/ops/conv'
import { matmul } from '../../../../src-main/engine/graph/ops/matmul'
import { layerNorm, softmax } from '../../../../src-main/engine/graph/ops/normalize'
import { avgPool, maxPool } from '../../../../src-main/engine/graph/ops/pool'
import { type OpCase, opTable, distinct } from './op-harness'

const cases: OpCase[] = [
  {
    name: 'matmul [3,4]x[4,5]',
    inputs: [{ shape: [3, 4] }, { shape: [4, 5] }],
    build: (a, b) => matmul(a, b),
  },
  {
    name: 'matmul [b,3,4]x[4,2] (shared weight)',
    inputs: [{ shape: [2, 3, 4], declared: ['batch', 3, 4] }, { shape: [4, 2] }],
    build: (a, b) => matmul(a, b),
  },
  {
    name: 'matmul batched broadcast [2,1,3,4]x[3,4,2]',
    inputs: [{ shape: [2, 1, 3, 4] }, { shape: [3, 4, 2] }],
    build: (a, b) => matmul(a, b),
  },
  {
    name: 'matmul transA transB 2-D (Gemm)',
    inputs: [{ shape: [4, 3] }, { shape: [5, 4] }],
    build: (a, b) => matmul(a, b, { transA: true, transB: true }),
  },
  {
    name: 'matmul transB batched [2,3,4]x[2,5,4]^T',
    inputs: [{ shape: [2, 3, 4] }, { shape: [2, 5, 4] }],
    build: (a, b) => matmul(a, b, { transB: true }),
  },
  {
    name: 'matmul transA batched with 2-D weight',
    inputs: [{ shape: [2, 4, 3] }, { shape: [4, 2] }],
    build: (a, b) => matmul(a, b, { transA: true }),
  },
  { name: 'softmax last axis', inputs: [{ shape: [2, 3, 5] }], build: (x) => softmax(x) },
  { name: 'softmax axis 1', inputs: [{ shape: [2, 4, 3] }], build: (x) => softmax(x, 1) },
  {
    name: 'layerNorm last axis [b,3,6]',
    inputs: [{ shape: [2, 3, 6], declared: ['batch', 3, 6] }, { shape: [6] }, { shape: [6] }],
    build: (x, g, b) => layerNorm(x, g, b),
  },
  {
    name: 'layerNorm last two axes',
    inputs: [{ shape: [2, 3, 4] }, { shape: [3, 4] }, { shape: [3, 4] }],
    build: (x, g, b) => layerNorm(x, g, b, 1e-3),
  },
  {
    name: 'maxPool1d k=3 (stride 3)',
    inputs: [{ shape: [2, 2, 9], gen: distinct(36, 3) }],
    build: (x) => maxPool(x, { kernel: 3 }),
  },
  {
    name: 'maxPool1d ceil mode k=4 over 10 (NHITS-style)',
    inputs: [{ shape: [2, 1, 10], declared: ['batch', 1, 10], gen: distinct(20, 4) }],
    build: (x) => maxPool(x, { kernel: 4, ceilMode: true }),
  },
  {
    name: 'maxPool1d overlapping k=3 s=2 pad 1',
    inputs: [{ shape: [1, 2, 8], gen: distinct(16, 5) }],
    build: (x) => maxPool(x, { kernel: 3, stride: 2, padding: 1 }),
  },
  {
    name: 'maxPool2d 2x2',
    inputs: [{ shape: [2, 2, 4, 6], gen: distinct(96, 6) }],
    build: (x) => maxPool(x, { kernel: 2 }),
  },
  {
    name: 'avgPool1d k=2',
    inputs: [{ shape: [2, 3, 8] }],
    build: (x) => avgPool(x, { kernel: 2 }),
    ortFloat32: true,
  },
  {
    name: 'avgPool1d k=3 s=2 pad 1 (odd length)',
    inputs: [{ shape: [2, 1, 9] }],
    build: (x) => avgPool(x, { kernel: 3, stride: 2, padding: 1 }),
    ortFloat32: true,
  },
  {
    name: 'avgPool2d 2x3',
    inputs: [{ shape: [1, 2, 4, 6] }],
    build: (x) => avgPool(x, { kernel: [2, 3] }),
    ortFloat32: true,
  },
  {
    name: 'conv1d k=3 same + bias',
    inputs: [{ shape: [2, 3, 7] }, { shape: [4, 3, 3] }, { shape: [4] }],
    build: (x, w, b) => conv(x, w, b, { padding: 'same' }),
    ortFloat32: true,
  },
  {
    name: 'conv1d stride 2 dilation 2',
    inputs: [{ shape: [2, 2, 11], declared: ['batch', 2, 11] }, { shape: [3, 2, 3] }],
    build: (x, w) => conv(x, w, undefined, { stride: 2, dilation: 2, padding: 1 }),
    ortFloat32: true,
  },
  {
    name: 'conv2d 3x3 same + bias',
    inputs: [{ shape: [2, 2, 4, 5] }, { shape: [3, 2, 3, 3] }, { shape: [3] }],
    build: (x, w, b) => conv(x, w, b, { padding: 'same' }),
    ortFloat32: true,
  },
  {
    name: 'conv2d 5x5 same (Inception-size kernel)',
    inputs: [{ shape: [1, 2, 3, 8] }, { shape: [2, 2, 5, 5] }, { shape: [2] }],
    build: (x, w, b) => conv(x, w, b, { padding: 'same' }),
    ortFloat32: true,
  },
  {
    name: 'conv2d stride 2 (uneven)',
    inputs: [{ shape: [1, 2, 6, 7] }, { shape: [2, 2, 2, 3] }],
    build: (x, w) => conv(x, w, undefined, { stride: 2 }),
    ortFloat32: true,
  },
]

opTable('matmul, normalisation, pooling, convolution', cases)
