// The benchmark problems of test/bench/samplers.ts: two-objective DTLZ2 (7 variables) and
// ZDT1 / ZDT3 (10 variables), all on [0, 1]^n, both objectives minimised, and the hypervolume of
// each true Pareto front for the reference point (1.1, 1.1).

import { hypervolume } from '../../src-main/engine/hpo/pareto'

export interface Problem {
  name: string
  variables: number
  evaluate(x: number[]): [number, number]
  /** Hypervolume of the true front for REFERENCE. */
  frontHypervolume: number
}

export const REFERENCE: [number, number] = [1.1, 1.1]

function dtlz2(x: number[]): [number, number] {
  let g = 0
  for (let i = 1; i < x.length; i++) g += (x[i] - 0.5) ** 2
  const angle = (x[0] * Math.PI) / 2
  return [(1 + g) * Math.cos(angle), (1 + g) * Math.sin(angle)]
}

function zdtG(x: number[]): number {
  let sum = 0
  for (let i = 1; i < x.length; i++) sum += x[i]
  return 1 + (9 * sum) / (x.length - 1)
}

function zdt1(x: number[]): [number, number] {
  const g = zdtG(x)
  return [x[0], g * (1 - Math.sqrt(x[0] / g))]
}

function zdt3(x: number[]): [number, number] {
  const g = zdtG(x)
  const r = x[0] / g
  return [x[0], g * (1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * x[0]))]
}

/** ZDT3's front is disconnected: take the hypervolume of a fine sampling of g = 1. */
function zdt3FrontHypervolume(): number {
  const points: number[][] = []
  const n = 200_000
  for (let i = 0; i <= n; i++) {
    const f1 = i / n
    points.push([f1, 1 - Math.sqrt(f1) - f1 * Math.sin(10 * Math.PI * f1)])
  }
  return hypervolume(points, REFERENCE)
}

export const PROBLEMS: Problem[] = [
  {
    name: 'DTLZ2',
    variables: 7,
    evaluate: dtlz2,
    // Everything in the box outside the unit quarter disc.
    frontHypervolume: 1.1 * 1.1 - Math.PI / 4,
  },
  {
    name: 'ZDT1',
    variables: 10,
    evaluate: zdt1,
    // Box minus the area under f2 = 1 − √f1 on [0, 1].
    frontHypervolume: 1.1 * 1.1 - 1 / 3,
  },
  { name: 'ZDT3', variables: 10, evaluate: zdt3, frontHypervolume: zdt3FrontHypervolume() },
]
