import { describe, expect, it } from 'vitest'
import { hypervolume } from '../../../../../src-main/engine/hpo/pareto'
import { Rng } from '../../../../../src-main/engine/rng'
import type { SearchSpace } from '../../../../../src-main/engine/hpo/search-space'
import { SpaceCodec } from '../../../../../src-main/engine/hpo/space-codec'
import { logH } from '../../../../../src-main/engine/hpo/samplers/gp/acquisition'
import {
  fitHyper,
  GaussianProcess,
  negativeLogPosterior,
  priorHyper,
} from '../../../../../src-main/engine/hpo/samplers/gp/gaussian-process'
import { createGpSampler } from '../../../../../src-main/engine/hpo/samplers/gp/gp'
import {
  frontStrips,
  logExpectedHypervolumeImprovement,
} from '../../../../../src-main/engine/hpo/samplers/gp/hypervolume-improvement'
import { minimise } from '../../../../../src-main/engine/hpo/samplers/gp/lbfgs'
import {
  cholesky,
  inverseFromCholesky,
  solveLower,
  solveUpper,
} from '../../../../../src-main/engine/hpo/samplers/gp/linear-algebra'
import { createRandomSampler } from '../../../../../src-main/engine/hpo/samplers/random'
import { createTpeSampler } from '../../../../../src-main/engine/hpo/samplers/tpe/tpe'
import type { TrialParams } from '../../../../../src-main/engine/hpo/types'
import { SamplerDriver } from './sampler-driver'

const rng = () => new Rng(42, 1)

function randomPoints(n: number, d: number, r: Rng): Float64Array[] {
  return Array.from({ length: n }, () => Float64Array.from({ length: d }, () => r.uniform()))
}

describe('gp linear algebra', () => {
  it('factorises, solves and inverts a symmetric positive definite matrix', () => {
    const n = 6
    const r = rng()
    const b = Array.from({ length: n * n }, () => r.normal())
    const a = new Float64Array(n * n)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = i === j ? n : 0
        for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k]
        a[i * n + j] = s
      }
    const l = cholesky(a, n)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0
        for (let k = 0; k < n; k++) s += l[i * n + k] * l[j * n + k]
        expect(s).toBeCloseTo(a[i * n + j], 9)
      }
    const rhs = Array.from({ length: n }, () => r.normal())
    const tmp = new Float64Array(n)
    const x = new Float64Array(n)
    solveLower(l, n, rhs, tmp)
    solveUpper(l, n, tmp, x)
    for (let i = 0; i < n; i++) {
      let s = 0
      for (let j = 0; j < n; j++) s += a[i * n + j] * x[j]
      expect(s).toBeCloseTo(rhs[i], 9)
    }
    const inv = inverseFromCholesky(l, n)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0
        for (let k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j]
        expect(s).toBeCloseTo(i === j ? 1 : 0, 9)
      }
  })

  it('adds jitter to a singular matrix instead of failing', () => {
    const a = new Float64Array([1, 1, 1, 1])
    const l = cholesky(a, 2)
    expect(l.every(Number.isFinite)).toBe(true)
  })
})

describe('gaussian process', () => {
  const r = rng()
  const x = randomPoints(12, 3, r)
  const y = x.map((p) => Math.sin(3 * p[0]) + p[1] ** 2 - 0.5 * p[2])

  it('has the analytic gradient of its log posterior (central differences)', () => {
    const f = negativeLogPosterior(x, y, 3)
    const at = Float64Array.from([-0.3, 0.2, 0.5, 0.1, -4])
    const { grad } = f(at)
    for (let q = 0; q < at.length; q++) {
      const h = 1e-5
      const up = Float64Array.from(at)
      const down = Float64Array.from(at)
      up[q] += h
      down[q] -= h
      const numeric = (f(up).value - f(down).value) / (2 * h)
      expect(grad[q]).toBeCloseTo(numeric, 4)
    }
  })

  it('fits hyperparameters that raise the posterior, and then interpolates the data', () => {
    const start = priorHyper(3)
    const fitted = fitHyper(x, y, start, 60)
    const f = negativeLogPosterior(x, y, 3)
    const pack = (h: typeof start) =>
      Float64Array.from([...h.logLengthscales, h.logSignal, h.logNoise])
    expect(f(pack(fitted)).value).toBeLessThan(f(pack(start)).value)
    const gp = new GaussianProcess(x, y, fitted)
    x.forEach((p, i) => expect(gp.predict(p).mean).toBeCloseTo(y[i], 2))
    const near = gp.predict(x[0]).sd
    const far = gp.predict([5, 5, 5]).sd
    expect(far).toBeGreaterThan(10 * near)
    expect(Number.isFinite(gp.logEvidence())).toBe(true)
  })

  it('scores its leave-one-out errors in closed form as refitting without each point does', () => {
    const noisy = y.map((v, i) => v + 0.1 * Math.sin(7 * i))
    const hyper = {
      logLengthscales: Float64Array.from([-0.5, -0.3, 0]),
      logSignal: 0,
      logNoise: -3,
    }
    const gp = new GaussianProcess(x, noisy, hyper)
    // Slow reference: for each point, condition a GP of the same kernel on all the others (in
    // the full data's standard units) and score its residual against its predictive spread.
    const mean = noisy.reduce((a, b) => a + b, 0) / noisy.length
    const scale = Math.sqrt(noisy.reduce((a, b) => a + (b - mean) ** 2, 0) / noisy.length)
    const z = noisy.map((v) => (v - mean) / scale)
    const kernel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let r2 = 0
      for (let d = 0; d < 3; d++) r2 += ((a[d] - b[d]) / Math.exp(hyper.logLengthscales[d])) ** 2
      const r = Math.sqrt(r2)
      return (1 + Math.sqrt(5) * r + (5 / 3) * r2) * Math.exp(-Math.sqrt(5) * r)
    }
    const noise = Math.exp(hyper.logNoise)
    let sum = 0
    for (let i = 0; i < x.length; i++) {
      const rest = x.map((_, j) => j).filter((j) => j !== i)
      const m = rest.length
      const k = new Float64Array(m * m)
      rest.forEach((p, a) =>
        rest.forEach((q, b) => (k[a * m + b] = kernel(x[p], x[q]) + (a === b ? noise : 0))),
      )
      const inv = inverseFromCholesky(cholesky(k, m), m)
      const ki = rest.map((p) => kernel(x[i], x[p]))
      let predicted = 0
      let explained = 0
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) {
          predicted += ki[a] * inv[a * m + b] * z[rest[b]]
          explained += ki[a] * inv[a * m + b] * ki[b]
        }
      sum += (z[i] - predicted) ** 2 / (1 + noise - explained)
    }
    expect(gp.leaveOneOutScale()).toBeCloseTo(Math.sqrt(sum / x.length), 6)
    expect(gp.noiseSd).toBeCloseTo(scale * Math.exp(-1.5), 12)
  })

  it('claims more of the data as noise under a higher noise prior', () => {
    const noisy = y.map((v, i) => v + 0.3 * Math.sin(11 * i))
    const low = fitHyper(x, noisy, priorHyper(3), 60)
    const high = fitHyper(x, noisy, priorHyper(3), 60, -2)
    expect(high.logNoise).toBeGreaterThan(low.logNoise)
  })
})

describe('l-bfgs', () => {
  it('finds the minimum of a bounded Rosenbrock function', () => {
    const f = (p: Float64Array) => {
      const [a, b] = p
      return {
        value: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
        grad: Float64Array.from([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)]),
      }
    }
    const lower = Float64Array.from([-2, -2])
    const upper = Float64Array.from([2, 2])
    const free = minimise(f, Float64Array.from([-1.2, 1]), {
      maxEvaluations: 400,
      lower,
      upper,
    })
    expect(free[0]).toBeCloseTo(1, 2)
    expect(free[1]).toBeCloseTo(1, 2)
    const boxed = minimise(f, Float64Array.from([0, 0]), {
      maxEvaluations: 400,
      lower,
      upper: Float64Array.from([0.5, 2]),
    })
    expect(boxed[0]).toBeCloseTo(0.5, 3)
  })
})

describe('expected improvement and expected hypervolume improvement', () => {
  const pdf = (u: number) => Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI)
  const cdf = (u: number) => {
    // Simpson on [−12, u] — slow and obvious.
    const lo = -12
    const steps = 4000
    const h = (u - lo) / steps
    let s = pdf(lo) + pdf(u)
    for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * pdf(lo + i * h)
    return (s * h) / 3
  }

  it('log h(u) matches u Φ(u) + φ(u) and stays finite far below the incumbent', () => {
    for (const u of [-6, -4, -3.5, -2.9, -1, 0, 0.7, 3]) {
      const direct = u * cdf(u) + pdf(u)
      expect(logH(u)).toBeCloseTo(Math.log(direct), 3)
    }
    expect(Number.isFinite(logH(-40))).toBe(true)
    expect(logH(-40)).toBeLessThan(logH(-39))
  })

  it('equals a Monte Carlo estimate of the hypervolume improvement', () => {
    const told = [
      [0.1, 0.9],
      [0.4, 0.5],
      [0.8, 0.2],
      [0.9, 0.9],
    ]
    const ref = [1.1, 1.1]
    const front = frontStrips(told, ref)
    expect(front).toHaveLength(3)
    const base = hypervolume(front, ref)
    const r = rng()
    for (const [mean, sd] of [
      [
        [0.3, 0.4],
        [0.2, 0.3],
      ],
      [
        [0.9, 0.45],
        [0.15, 0.2],
      ],
    ]) {
      let sum = 0
      const draws = 40000
      for (let i = 0; i < draws; i++) {
        const p = [mean[0] + sd[0] * r.normal(), mean[1] + sd[1] * r.normal()]
        sum += hypervolume([...front, p], ref) - base
      }
      const exact = Math.exp(logExpectedHypervolumeImprovement(front, ref, mean, sd))
      expect(Math.abs(exact - sum / draws) / exact).toBeLessThan(0.05)
    }
  })

  it('tends to the plain hypervolume improvement as the uncertainty vanishes', () => {
    const front = frontStrips(
      [
        [0.2, 0.8],
        [0.6, 0.3],
      ],
      [1, 1],
    )
    const point = [0.4, 0.4]
    const gain = hypervolume([...front, point], [1, 1]) - hypervolume(front, [1, 1])
    const ehvi = Math.exp(logExpectedHypervolumeImprovement(front, [1, 1], point, [1e-6, 1e-6]))
    expect(ehvi).toBeCloseTo(gain, 5)
    // A point far behind the front still gets a (tiny) finite score, so candidates rank.
    const behind = logExpectedHypervolumeImprovement(front, [1, 1], [5, 5], [0.1, 0.1])
    expect(Number.isFinite(behind)).toBe(true)
  })
})

describe('gp sampler', () => {
  const space: SearchSpace = {
    a: { kind: 'float', low: 0, high: 1 },
    b: { kind: 'float', low: 0, high: 1 },
    c: { kind: 'float', low: 0, high: 1 },
  }
  const sphere = (p: TrialParams) => {
    const v = ['a', 'b', 'c'].reduce((s, k) => s + ((p[k] as number) - 0.3) ** 2, 0)
    return [v]
  }

  it('finds a better point of a smooth objective than random search in 20 trials', () => {
    for (const seed of [1, 2, 3]) {
      const best = (sampler: ReturnType<typeof createRandomSampler>) =>
        Math.min(
          ...new SamplerDriver(sampler, space, ['minimize'], seed)
            .run(20, sphere)
            .map((p) => sphere(p)[0]),
        )
      expect(best(createGpSampler())).toBeLessThan(best(createRandomSampler()) / 5)
    }
  })

  it('hands over to TPE once maxTrials trials are complete', () => {
    const driver = new SamplerDriver(
      createGpSampler({ maxTrials: 8 }),
      space,
      ['minimize', 'minimize'],
      5,
    )
    driver.run(8, (p) => [p.a as number, 1 - (p.b as number)])
    const ctx = {
      codec: new SpaceCodec(space),
      directions: driver.directions,
      trials: driver.trials,
      trialNumber: 8,
      seed: 5,
    }
    const gp = createGpSampler({ maxTrials: 8 }).sample({ ...ctx, rng: new Rng(5, 7, 8) })
    const tpe = createTpeSampler().sample({ ...ctx, rng: new Rng(5, 7, 8) })
    expect(gp.params).toEqual(tpe.params)
  })

  it('refuses bad options', () => {
    const setup = { space, directions: ['minimize' as const], budgetTrials: 50 }
    expect(createGpSampler({ startupTrials: 0 }).refusal(setup)).toMatch(/startupTrials/)
    expect(createGpSampler({ startupTrials: 9, maxTrials: 4 }).refusal(setup)).toMatch(/maxTrials/)
    expect(createGpSampler().refusal(setup)).toBeNull()
  })
})
