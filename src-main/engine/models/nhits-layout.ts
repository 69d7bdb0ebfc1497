// The static layout of a Darts NHiTS (MODELS.md §3.1–3.3, §3.6): the automatic pooling and
// downsampling schedules, the per-block sizes over the flattened multi-channel input, and the
// closed-form parameter count. Pure arithmetic: the graph builder and the tests both read it.

export interface NhitsShape {
  /** L, H and D = 1 + covariates (the target is channel 0). */
  inputLength: number
  horizon: number
  channels: number
  quantiles: number
  numStacks: number
  numBlocks: number
  numLayers: number
  width: number
}

export interface BlockLayout {
  stack: number
  block: number
  /** Pooling kernel (= stride; ceil mode) over the flattened L·D vector. */
  kernel: number
  /** Downsampling factor r. */
  factor: number
  /** Pooled length ceil(L·D / k). */
  nIn: number
  /** Backcast coefficients max(⌊L·D / r⌋, 1). */
  nBack: number
  /** Forecast coefficients per quantile max(⌊H·D / r⌋, 1). */
  nFore: number
  /** The last block of the last stack: its backcast head is frozen and never used. */
  last: boolean
}

/**
 * Darts' automatic schedule (`pooling_kernel_sizes` / `n_freq_downsample` left at None):
 * m = max(n // 2, 1); g = geomspace(1, m, S); value[s] = int(m / g[s]). numpy's geomspace
 * computes 10^(s/(S−1)·log10 m) with exact endpoints; a ratio within 1e-9 of an integer is taken
 * as that integer, so a last-bit difference between libm's and V8's pow cannot flip a floor.
 */
export function autoSchedule(n: number, stacks: number): number[] {
  const m = Math.max(Math.floor(n / 2), 1)
  const out: number[] = []
  for (let s = 0; s < stacks; s++) {
    const g = s === 0 ? 1 : s === stacks - 1 ? m : Math.pow(10, (s / (stacks - 1)) * Math.log10(m))
    const ratio = m / g
    const near = Math.round(ratio)
    out.push(Math.abs(ratio - near) < 1e-9 ? near : Math.floor(ratio))
  }
  return out
}

export function nhitsLayout(s: NhitsShape): BlockLayout[] {
  const LD = s.inputLength * s.channels
  const HD = s.horizon * s.channels
  const kernels = autoSchedule(s.inputLength, s.numStacks)
  const factors = autoSchedule(s.horizon, s.numStacks)
  const blocks: BlockLayout[] = []
  for (let stack = 0; stack < s.numStacks; stack++) {
    for (let block = 0; block < s.numBlocks; block++) {
      const kernel = kernels[stack]
      const factor = factors[stack]
      blocks.push({
        stack,
        block,
        kernel,
        factor,
        nIn: Math.ceil(LD / kernel),
        nBack: Math.max(Math.floor(LD / factor), 1),
        nFore: Math.max(Math.floor(HD / factor), 1),
        last: stack === s.numStacks - 1 && block === s.numBlocks - 1,
      })
    }
  }
  return blocks
}

/**
 * MODELS.md §3.6: Σ [n_in·w + w + (nl−1)(w² + w) + (w+1)·n_b + (w+1)·Q·n_f] over all blocks;
 * `trainable` leaves out the frozen backcast head (w+1)·n_b of the very last block.
 */
export function nhitsParameterCount(s: NhitsShape): { total: number; trainable: number } {
  const w = s.width
  let total = 0
  let frozen = 0
  for (const b of nhitsLayout(s)) {
    total +=
      b.nIn * w +
      w +
      (s.numLayers - 1) * (w * w + w) +
      (w + 1) * b.nBack +
      (w + 1) * s.quantiles * b.nFore
    if (b.last) frozen = (w + 1) * b.nBack
  }
  return { total, trainable: total - frozen }
}
