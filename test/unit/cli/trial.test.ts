import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The real command, as a user runs it: bin/frontier.js through Node.
function frontier(...args: string[]) {
  const result = spawnSync(process.execPath, [join('bin', 'frontier.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const out = mkdtempSync(join(tmpdir(), 'frontier-trial-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('frontier trial', () => {
  it('trains a tiny NHITS_Q on the heat demo and prints the metrics as JSON', () => {
    const r = frontier(
      'trial',
      '--data',
      'demo:heat',
      '--model',
      'NHITS_Q',
      '--params',
      '{"num_stacks":2,"layer_widths":16}',
      '--epochs',
      '1',
      '--origins',
      '2',
      '--ep',
      'cpu',
      '--out',
      out,
      '--json',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as {
      metrics: Record<string, number>
      values: number[]
      params: Record<string, number>
      provider: string
      timings: Record<string, number>
      intermediate: unknown[]
      files: { forecasts: string; result: string }
    }
    expect(Object.keys(json.metrics)).toEqual(
      expect.arrayContaining(['mae', 'picp', 'miw', 'pinball', 'crps', 'winkler', 'mase']),
    )
    expect(json.metrics.mae).toBeGreaterThan(0)
    expect(json.values).toEqual([json.metrics.mae, Math.abs(json.metrics.picp - 80)])
    expect(json.params).toMatchObject({ num_stacks: 2, layer_widths: 16, num_blocks: 1, lr: 1e-3 })
    expect(json.provider).toBe('cpu')
    expect(json.timings.total).toBeGreaterThan(0)
    expect(json.intermediate).toHaveLength(1)
    expect(json.files.forecasts.startsWith(out)).toBe(true)
    const csv = readFileSync(json.files.forecasts, 'utf8').trim().split('\n')
    expect(csv[0]).toBe('origin,time,step,actual,p10,p50,p90')
    expect(csv).toHaveLength(1 + 2 * 24)
    const full = JSON.parse(readFileSync(json.files.result, 'utf8')) as { forecasts: unknown[] }
    expect(full.forecasts).toHaveLength(2)
  })

  it('exits 2 with a clear message for unknown or out-of-range parameters', () => {
    const unknown = frontier('trial', '--data', 'demo:heat', '--params', '{"num_stack":2}')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/no parameter "num_stack" \(it takes: num_stacks,/)
    const range = frontier('trial', '--data', 'demo:heat', '--params', '{"dropout":1.5}')
    expect(range.code).toBe(2)
    expect(range.stderr).toMatch(/dropout = 1.5 is outside \[0, 0.9\]/)
    const missing = frontier('trial', '--epochs', '1')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--data is required/)
  })

  it('exits 1 with the error code when the data cannot be split as asked', () => {
    const r = frontier(
      'trial',
      '--data',
      'demo:heat',
      '--train-end',
      '2021-01-03',
      '--val-end',
      '2021-01-05',
      '--json',
    )
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'SPLIT_TOO_SHORT', message: expect.stringMatching(/training part/) },
    })
  })
})
