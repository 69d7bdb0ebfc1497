import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// The real command, as a user runs it: bin/frontier.js through Node.
function frontier(...args: string[]) {
  const result = spawnSync(process.execPath, [join('bin', 'frontier.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const heat = join('resources', 'datasets', 'heat.csv')

describe('frontier CLI', () => {
  it('prints help for itself and for every command', () => {
    const top = frontier('--help')
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/inspect/)
    expect(top.stdout).toMatch(/serve/)
    for (const command of ['inspect', 'serve']) {
      const help = frontier(command, '--help')
      expect(help.code).toBe(0)
      expect(help.stdout).toMatch(new RegExp(`Usage: frontier ${command}`))
    }
  })

  it('exits 2 on a usage error', () => {
    expect(frontier('frobnicate').code).toBe(2)
    const bad = frontier('inspect', heat, '--delimiter', 'pipe')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--delimiter/)
  })

  it('inspects the demo data as text and as JSON', () => {
    const text = frontier('inspect', heat)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/Frequency\s+1h/)
    expect(text.stdout).toMatch(/heat_mw/)
    const json = frontier('inspect', heat, '--json')
    expect(json.code).toBe(0)
    const profile = JSON.parse(json.stdout) as { frequencyLabel: string; gaps: unknown[] }
    expect(profile.frequencyLabel).toBe('1h')
    expect(profile.gaps.length).toBeGreaterThan(0)
  })

  it('names the columns of a pandas series after the file, as the app does', () => {
    const json = frontier(
      'inspect',
      join('test', 'fixtures', 'csv-pandas', 'district_heat.csv'),
      '--json',
    )
    expect(json.code).toBe(0)
    const profile = JSON.parse(json.stdout) as { timestampColumn: string; numericColumns: string[] }
    expect(profile.timestampColumn).toBe('time')
    expect(profile.numericColumns).toEqual(['district_heat'])
  })

  it('exits 1 with the error code for a bad file and for a missing one', () => {
    const bad = frontier('inspect', join('test', 'fixtures', 'csv-bad', 'empty.csv'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^error EMPTY_FILE: /)
    const missing = frontier('inspect', 'no-such-file.csv', '--json')
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'FILE_UNREADABLE', message: expect.stringMatching(/ENOENT/) },
    })
  })
})
