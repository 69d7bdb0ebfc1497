import {
  add,
  div,
  maximum,
  minimum,
  mul,
  pow,
  sub,
} from '../../../../src-main/engine/graph/ops/binary'
import { greater, where } from '../../../../src-main/engine/graph/ops/compare'
import * as u from '../../../../src-main/engine/graph/ops/unary'
import type { Rng } from '../../../../src-main/engine/rng'
import type { Tensor } from '../../../../src-main/engine/graph/tensor'
import { type OpCase, opTable, awayFromZero, uniform } from './op-harness'

type Gen = (rng: Rng, i: number) => number

const positive = uniform(0.3, 2)

// Shapes chosen to exercise broadcasting both ways, leading-axis broadcasting and a symbolic
// batch dim ([batch, 3, 4] fed as [2, 3, 4]).
const broadcastPairs: [number[], number[]][] = [
  [
    [2, 3],
    [2, 3],
  ],
  [[2, 3, 4], [4]],
  [
    [3, 1],
    [1, 4],
  ],
  [
    [1, 3, 1],
    [2, 1, 5],
  ],
  [[2, 3], []],
]

const binaryOps: [string, typeof add, Gen?][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div, positive],
  ['max', maximum],
  ['min', minimum],
]

const cases: OpCase[] = []
for (const [name, f, gen] of binaryOps) {
  for (const [a, b] of broadcastPairs) {
    // Max/Min: |a| ≥ 0.2 and b in (−0.15, 0.15), so no pair ties within a finite-difference step.
    const kinked = name === 'max' || name === 'min'
    cases.push({
      name: `${name} [${a}] [${b}]`,
      inputs: [
        { shape: a, gen: kinked ? awayFromZero(0.2) : gen },
        { shape: b, gen: kinked ? uniform(-0.15, 0.15) : gen },
      ],
      build: (x, y) => f(x, y),
    })
  }
}
cases.push(
  {
    name: 'pow [2,3] ^ [3]',
    inputs: [{ shape: [2, 3], gen: positive }, { shape: [3] }],
    build: (x, y) => pow(x, y),
  },
  { name: 'pow x^2.5', inputs: [{ shape: [4], gen: positive }], build: (x) => pow(x, 2.5) },
  {
    name: 'add symbolic batch',
    inputs: [{ shape: [2, 3, 4], declared: ['batch', 3, 4] }, { shape: [3, 1] }],
    build: add,
  },
  { name: 'number operands', inputs: [{ shape: [3] }], build: (x) => sub(2, mul(x, 3)) },
  {
    name: 'where(x > 0, x², y) broadcast',
    inputs: [{ shape: [2, 3], gen: awayFromZero() }, { shape: [3] }],
    build: (x, y) => where(greater(x, 0), mul(x, x), y),
  },
  { name: 'fan-out x·x + x', inputs: [{ shape: [5] }], build: (x) => add(mul(x, x), x) },
)

const unaryOps: [string, (x: Tensor) => Tensor, Gen?, boolean?][] = [
  ['neg', u.neg],
  ['exp', u.exp],
  ['log', u.log, positive],
  ['sqrt', u.sqrt, positive],
  ['reciprocal', u.reciprocal, positive],
  ['abs', u.abs, awayFromZero()],
  ['sin', u.sin],
  ['cos', u.cos],
  ['relu', u.relu, awayFromZero()],
  ['elu', u.elu, uniform(-3, 3)],
  ['gelu', u.gelu, uniform(-3, 3), true],
  ['erf', u.erf, uniform(-2, 2), true],
  ['sigmoid', u.sigmoid, uniform(-4, 4)],
  ['tanh', u.tanh, uniform(-3, 3)],
  ['softplus', u.softplus, uniform(-5, 5)],
]
for (const [name, f, gen, f32] of unaryOps) {
  cases.push({ name, inputs: [{ shape: [3, 4], gen }], build: f, ortFloat32: f32 })
}
cases.push({
  name: 'elu alpha 0.5',
  inputs: [{ shape: [6], gen: uniform(-3, 3) }],
  build: (x) => u.elu(x, 0.5),
})

opTable('elementwise ops', cases)
