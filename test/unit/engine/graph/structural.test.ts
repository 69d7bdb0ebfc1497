// Reductions, layout (reshape, transpose, squeeze, unsqueeze, expand) and slicing (slice,
// concat, pad, gather, split) — forward, gradient and ONNX execution, float64.

import { mul } from '../../../../src-main/engine/graph/ops/binary'
import * as L from '../../../../src-main/engine/graph/ops/layout'
import * as R from '../../../../src-main/engine/graph/ops/reduce'
import * as S from '../../../../src-main/engine/graph/ops/slicing'
import { type OpCase, opTable, distinct } from './op-harness'

const cases: OpCase[] = [
  { name: 'reduceSum all', inputs: [{ shape: [2, 3, 4] }], build: (x) => R.reduceSum(x) },
  {
    name: 'reduceSum axis 1 keep',
    inputs: [{ shape: [2, 3, 4] }],
    build: (x) => R.reduceSum(x, 1, true),
  },
  {
    name: 'reduceSum axes [0,2]',
    inputs: [{ shape: [2, 3, 4] }],
    build: (x) => R.reduceSum(x, [0, 2]),
  },
  { name: 'reduceMean -1', inputs: [{ shape: [2, 3, 4] }], build: (x) => R.reduceMean(x, -1) },
  {
    name: 'reduceMean over symbolic batch',
    inputs: [{ shape: [3, 4], declared: ['batch', 4] }],
    build: (x) => R.reduceMean(x, 0),
  },
  {
    name: 'reduceMax axis 1',
    inputs: [{ shape: [2, 5, 3], gen: distinct(30, 1) }],
    build: (x) => R.reduceMax(x, 1),
  },
  {
    name: 'reduceMax all keep',
    inputs: [{ shape: [3, 4], gen: distinct(12, 2) }],
    build: (x) => R.reduceMax(x, undefined, true),
  },
  {
    name: 'reshape [2,3,4]->[6,4]',
    inputs: [{ shape: [2, 3, 4] }],
    build: (x) => L.reshape(x, [6, -1]),
  },
  {
    name: 'reshape symbolic [b,3,4]->[b,12]->[b,4,3]',
    inputs: [{ shape: [2, 3, 4], declared: ['batch', 3, 4] }],
    build: (x) => L.reshape(L.reshape(x, ['batch', 12]), ['batch', 4, 3]),
  },
  {
    name: 'reshape merges batch [b,3,4]->[-1,4]',
    inputs: [{ shape: [2, 3, 4], declared: ['batch', 3, 4] }],
    build: (x) => L.reshape(x, [-1, 4]),
  },
  {
    name: 'transpose [0,2,1]',
    inputs: [{ shape: [2, 3, 4] }],
    build: (x) => L.transpose(x, [0, 2, 1]),
  },
  {
    name: 'transpose [2,0,1]',
    inputs: [{ shape: [2, 3, 4] }],
    build: (x) => L.transpose(x, [2, 0, 1]),
  },
  { name: 'squeeze 1', inputs: [{ shape: [2, 1, 4] }], build: (x) => L.squeeze(x, 1) },
  { name: 'unsqueeze [0,-1]', inputs: [{ shape: [2, 3] }], build: (x) => L.unsqueeze(x, [0, -1]) },
  {
    name: 'expand [3,1]->[2,3,4]',
    inputs: [{ shape: [3, 1] }],
    build: (x) => L.expand(x, [2, 3, 4]),
  },
  {
    name: 'expandAs symbolic',
    inputs: [{ shape: [1, 4] }, { shape: [3, 4], declared: ['batch', 4], wrt: false }],
    build: (x, like) => L.expandAs(x, like),
  },
  { name: 'slice axis 1 [1:3]', inputs: [{ shape: [2, 4, 3] }], build: (x) => S.slice(x, 1, 1, 3) },
  {
    name: 'slice negative [-2:]',
    inputs: [{ shape: [5, 2] }],
    build: (x) => S.slice(x, 0, -2, 99),
  },
  {
    name: 'slice under symbolic batch',
    inputs: [{ shape: [2, 6], declared: ['batch', 6] }],
    build: (x) => S.slice(x, 1, 2, 5),
  },
  {
    name: 'split [2,1,3] + weights',
    inputs: [{ shape: [2, 6] }],
    build: (x) => {
      const [a, b, c] = S.split(x, 1, [2, 1, 3])
      return S.concat([mul(a, 2), b, mul(c, c)], 1)
    },
  },
  {
    name: 'concat 3 inputs axis 0',
    inputs: [{ shape: [1, 3] }, { shape: [2, 3] }, { shape: [3, 3] }],
    build: (a, b, c) => S.concat([a, b, c], 0),
  },
  {
    name: 'concat axis -1 symbolic',
    inputs: [
      { shape: [2, 3], declared: ['batch', 3] },
      { shape: [2, 2], declared: ['batch', 2] },
    ],
    build: (a, b) => S.concat([a, b], -1),
  },
  {
    name: 'pad [1,0 | 2,1]',
    inputs: [{ shape: [2, 3] }],
    build: (x) => S.pad(x, [1, 0, 2, 1], 0.5),
  },
  {
    name: 'pad crop (negative)',
    inputs: [{ shape: [4, 5] }],
    build: (x) => S.pad(x, [-1, 1, 0, -2]),
  },
  {
    name: 'padCircular 1 | 2 along time',
    inputs: [{ shape: [2, 5, 3], declared: ['batch', 5, 3] }],
    build: (x) => S.padCircular(x, 1, 1, 2),
  },
  {
    name: 'padAxis',
    inputs: [{ shape: [2, 3, 4] }],
    build: (x) => S.padAxis(x, 2, 2, 1),
  },
  {
    name: 'gather rows (embedding, repeats)',
    inputs: [
      { shape: [5, 3] },
      { shape: [2, 3], int64: true, gen: (_r, i) => [0, 4, 2, 4, 4, 1][i] },
    ],
    build: (w, idx) => S.gather(w, idx, 0),
  },
  {
    name: 'gather axis 1 (negative index)',
    inputs: [{ shape: [2, 4, 3] }, { shape: [3], int64: true, gen: (_r, i) => [3, -1, 0][i] }],
    build: (x, idx) => S.gather(x, idx, 1),
  },
]

opTable('reductions, layout and slicing', cases)
