import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../../src-main/engine/data/parse-csv'
import { HOUR, bytesOf, dataError, hourlyCsv } from './helpers'

const T0 = Date.UTC(2024, 0, 1)

describe('parseCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const text =
      'time,"a, b","say ""x"""\r\n' +
      '2024-01-01 00:00,"1.5","he said ""hi"", twice"\r\n' +
      '2024-01-01 01:00,2.5,"multi\r\nline"\r\n' +
      '2024-01-01 02:00,3.5,\r\n'
    const table = parseCsv(bytesOf(text))
    expect(table.columns.map((c) => c.name)).toEqual(['a, b'])
    expect(Array.from(table.columns[0].values)).toEqual([1.5, 2.5, 3.5])
    expect(table.droppedColumns.map((d) => d.name)).toEqual(['say "x"'])
    // The multi-line cell moves the next row down a line.
    expect(Array.from(table.lines)).toEqual([2, 3, 5])
  })

  it('counts lines through multi-line cells when it reports an error', () => {
    const text =
      'time,v,note\n2024-01-01 00:00,1,"a\nb\nc"\n2024-01-01 01:00,oops,x\n2024-01-01 02:00,2,x\n2024-01-01 03:00,3,x\n'
    const error = dataError(() => parseCsv(bytesOf(text)), 'TEXT_IN_NUMERIC_COLUMN')
    expect(error.line).toBe(5)
    expect(error.message).toContain('column "v"')
  })

  it('finds the timestamp column wherever it is, or takes the one named', () => {
    const text = 'id,when,v\n1,2024-01-01 00:00,5\n2,2024-01-01 01:00,6\n'
    const table = parseCsv(bytesOf(text))
    expect(table.timestampColumn).toBe('when')
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'v'])
    const epochs = 'a,b,v\n1704067200,1704067200000,1\n1704070800,1704070800000,2\n'
    expect(parseCsv(bytesOf(epochs)).timestampColumn).toBe('a')
    const chosen = parseCsv(bytesOf(epochs), { timestampColumn: 'b' })
    expect(chosen.timestampFormat).toBe('epoch-ms')
    expect(chosen.columns.map((c) => c.name)).toEqual(['a', 'v'])
    const error = dataError(
      () => parseCsv(bytesOf(epochs), { timestampColumn: 'time' }),
      'TIMESTAMP_COLUMN_NOT_FOUND',
    )
    expect(error.message).toContain('"a", "b", "v"')
  })

  it('lets options override the sniffed delimiter and decimal mark', () => {
    const text = 'time;v\n2024-01-01 00:00;1.234\n2024-01-01 01:00;2\n'
    expect(Array.from(parseCsv(bytesOf(text)).columns[0].values)).toEqual([1.234, 2])
    dataError(() => parseCsv(bytesOf(text), { decimal: ',' }), 'THOUSANDS_SEPARATOR')
    const commas = 'time;v\n2024-01-01 00:00;1,5\n2024-01-01 01:00;2\n'
    expect(
      Array.from(parseCsv(bytesOf(commas), { delimiter: ';', decimal: ',' }).columns[0].values),
    ).toEqual([1.5, 2])
  })

  it('reads a local time zone and keeps instants with offsets as they are', () => {
    const local = parseCsv(bytesOf(hourlyCsv('time,v', [['1'], ['2']])), { timezone: 'Asia/Tokyo' })
    expect(Array.from(local.timestamps)).toEqual([T0 - 9 * HOUR, T0 - 8 * HOUR])
    const exact = 'time,v\n2024-01-01T09:00:00+09:00,1\n2024-01-01T01:00:00+01:00,2\n'
    const table = parseCsv(bytesOf(exact), { timezone: 'America/New_York' })
    expect(Array.from(table.timestamps)).toEqual([T0, T0])
  })

  it('lets plain dates mix with local date-times (exports that drop 00:00)', () => {
    const text = 'time,v\n2024-01-01,1\n2024-01-01 01:00,2\n2024-01-01 02:00,3\n'
    const table = parseCsv(bytesOf(text))
    expect(table.timestampFormat).toBe('iso-local')
    expect(Array.from(table.timestamps)).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR])
  })

  it('skips blank lines and rows of bare delimiters; tolerates trailing empty cells', () => {
    const text = '\n\ntime,v\n\n2024-01-01 00:00,1,,\n,,\n,\n2024-01-01 01:00,2\n\n'
    const table = parseCsv(bytesOf(text))
    expect(table.rows).toBe(2)
    expect(Array.from(table.lines)).toEqual([5, 8])
  })

  it('drops text columns, keeps sparse numeric ones and warns', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [
      `site${i % 2}`,
      i % 3 === 0 ? '' : String(i),
      i < 8 ? 'x' : '3',
    ])
    const table = parseCsv(bytesOf(hourlyCsv('time,site,v,mostly_text', rows)))
    expect(table.columns.map((c) => c.name)).toEqual(['v'])
    expect(table.droppedColumns.map((d) => d.name)).toEqual(['site', 'mostly_text'])
    expect(table.droppedColumns[0].reason).toContain('"site0" on line 2')
    expect(table.warnings[0].code).toBe('DROPPED_COLUMNS')
  })

  it('reports problems with their line and column', () => {
    const base = Array.from({ length: 20 }, (_, i) => [String(i), String(i)])
    const withCell = (r: number, c: number, text: string) =>
      base.map((row, i) => (i === r ? row.map((cell, k) => (k === c ? text : cell)) : row))
    const inf = dataError(
      () => parseCsv(bytesOf(hourlyCsv('time,a,b', withCell(4, 1, '-inf')))),
      'INFINITE_VALUE',
    )
    expect(inf.line).toBe(6)
    expect(inf.message).toContain('column "b" (column 3)')
    const text = dataError(
      () => parseCsv(bytesOf(hourlyCsv('time,a,b', withCell(9, 0, 'n/v')))),
      'TEXT_IN_NUMERIC_COLUMN',
    )
    expect(text.line).toBe(11)
    expect(text.message).toContain('"n/v"')
  })

  it('reports progress a few dozen times, ending at 1', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [String(i), String(i / 2)])
    const fractions: number[] = []
    parseCsv(bytesOf(hourlyCsv('time,a,b', rows)), {}, (f) => fractions.push(f))
    expect(fractions.length).toBeGreaterThanOrEqual(20)
    expect(fractions.length).toBeLessThanOrEqual(60)
    expect(fractions[fractions.length - 1]).toBe(1)
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1])
  })

  it('grows its arrays past a wrong first guess of the row count', () => {
    // Short rows after long ones: the guess from the first rows is far too low.
    const long = Array.from({ length: 300 }, (_, i) => [String(i).padStart(500, '0')])
    const short = Array.from({ length: 5000 }, (_, i) => [String(i)])
    const table = parseCsv(bytesOf(hourlyCsv('time,v', [...long, ...short])))
    expect(table.rows).toBe(5300)
    expect(table.columns[0].values[5299]).toBe(4999)
  })

  it('refuses a one-column file, and names timestamps the header leaves unnamed "time"', () => {
    dataError(() => parseCsv(bytesOf('time\n2024-01-01\n2024-01-02\n')), 'NO_NUMERIC_COLUMNS')
    const t = parseCsv(bytesOf(',v\n2024-01-01,1\n2024-01-02,2\n'))
    expect(t.timestampColumn).toBe('time')
    expect(t.renamedColumns).toEqual([{ name: 'time', header: '', why: 'unnamed' }])
  })
})

describe('parseCsv: headers as pandas writes them', () => {
  const series = ',0\n2015-05-01 00:00:00+00:00,1.1922043010781636\n2015-05-01 01:00:00+00:00,\n'

  it('reads a line of numbers over timestamps as a header, and names the columns', () => {
    const t = parseCsv(bytesOf(series), { sourceName: '/data/district_heat.csv' })
    expect(t.sniff.hasHeader).toBe(true)
    expect(t.timestampColumn).toBe('time')
    expect(t.columns.map((c) => c.name)).toEqual(['district_heat'])
    expect(Array.from(t.columns[0].values)).toEqual([1.1922043010781636, NaN])
    expect(t.renamedColumns).toEqual([
      { name: 'time', header: '', why: 'unnamed' },
      { name: 'district_heat', header: '0', why: 'number' },
    ])
    const named = t.warnings.find((w) => w.code === 'COLUMNS_NAMED')
    expect(named?.message).toContain('"0" is called "district_heat"')
    // Without the file's name the number stays the name.
    expect(parseCsv(bytesOf(series)).columns.map((c) => c.name)).toEqual(['0'])
  })

  it('reads +00:00, +01:00 and +02:00 as the instants they are', () => {
    const t = parseCsv(
      bytesOf(
        ',0\n2015-10-25 01:00:00+02:00,1\n2015-10-25 02:00:00+02:00,2\n' +
          '2015-10-25 02:00:00+01:00,3\n2015-10-25 03:00:00+01:00,4\n2015-10-25 02:00:00+00:00,5\n',
      ),
      { sourceName: 'x.csv' },
    )
    const utc = Date.UTC(2015, 9, 24, 23)
    expect(Array.from(t.timestamps)).toEqual([
      utc,
      utc + HOUR,
      utc + 2 * HOUR,
      utc + 3 * HOUR,
      utc + 3 * HOUR,
    ])
  })

  it('names several number-headed columns after the file and the number', () => {
    const text = ',0.5,1.5\n2015-05-01 00:00:00+00:00,1,2\n2015-05-01 01:00:00+00:00,3,4\n'
    const t = parseCsv(bytesOf(text), { sourceName: 'quantiles.csv' })
    expect(t.columns.map((c) => c.name)).toEqual(['quantiles 0.5', 'quantiles 1.5'])
    const mixed = 'time,temp,0\n2015-05-01 00:00,1,2\n2015-05-01 01:00,3,4\n'
    const m = parseCsv(bytesOf(mixed), { sourceName: 'heat.csv' })
    expect(m.columns.map((c) => c.name)).toEqual(['temp', 'heat 0'])
  })

  it('keeps made names apart from other columns and calendar covariates', () => {
    const text = ',0\n2015-05-01 00:00,1\n2015-05-01 01:00,2\n'
    expect(parseCsv(bytesOf(text), { sourceName: 'hour.csv' }).columns[0].name).toBe(
      'hour (column 2)',
    )
    const timeTaken = ',time\n2015-05-01 00:00,1\n2015-05-01 01:00,2\n'
    expect(parseCsv(bytesOf(timeTaken)).timestampColumn).toBe('timestamp')
  })

  it('names timestamps under "Unnamed: 0" "time", and finds them in the last column', () => {
    const reread = 'Unnamed: 0,0\n2015-05-01 00:00,1\n2015-05-01 01:00,2\n'
    const r = parseCsv(bytesOf(reread), { sourceName: 'heat.csv' })
    expect([r.timestampColumn, r.columns[0].name]).toEqual(['time', 'heat'])
    const trailing = '0,\n1.5,2015-05-01 00:00:00+00:00\n2.5,2015-05-01 01:00:00+00:00\n'
    const t = parseCsv(bytesOf(trailing), { sourceName: 'heat.csv' })
    expect([t.timestampColumn, t.columns[0].name]).toEqual(['time', 'heat'])
    expect(Array.from(t.columns[0].values)).toEqual([1.5, 2.5])
  })

  it('leaves out an unnamed column of row numbers, but not a named or broken one', () => {
    const frame = (index: string[]) =>
      `,time,heat\n${index.map((n, i) => `${n},2015-05-01 0${i}:00,${i * 1.5}`).join('\n')}\n`
    const t = parseCsv(bytesOf(frame(['0', '1', '2'])))
    expect(t.columns.map((c) => c.name)).toEqual(['heat'])
    expect(t.droppedColumns).toEqual([
      { name: 'column 1', reason: 'a row number (pandas index), not a measurement' },
    ])
    // A slice of a frame counts on from where it was cut.
    expect(parseCsv(bytesOf(frame(['100', '101', '102']))).columns).toHaveLength(1)
    // Numbers that do not count up one by one are data.
    expect(parseCsv(bytesOf(frame(['0', '2', '1']))).columns).toHaveLength(2)
    const named = 'id,time,heat\n0,2015-05-01 00:00,1\n1,2015-05-01 01:00,2\n'
    expect(parseCsv(bytesOf(named)).columns.map((c) => c.name)).toEqual(['id', 'heat'])
  })

  it('still refuses a file whose first line is data', () => {
    dataError(() => parseCsv(bytesOf('2015-05-01 00:00,0.5\n2015-05-01 01:00,0.7\n')), 'NO_HEADER')
    dataError(() => parseCsv(bytesOf('1430438400,0.5\n1430442000,0.7\n')), 'NO_HEADER')
    dataError(() => parseCsv(bytesOf('0.5,2015-05-01 00:00\n0.7,2015-05-01 01:00\n')), 'NO_HEADER')
    // Numbers over numbers name nothing.
    dataError(() => parseCsv(bytesOf('0,1\n2,3\n4,5\n')), 'NO_HEADER')
  })

  it("applies the user's names, keyed by the name import gave, and refuses clashes", () => {
    const options = { sourceName: 'district_heat.csv', columnNames: { district_heat: 'heat' } }
    const t = parseCsv(bytesOf(series), options)
    expect(t.columns.map((c) => c.name)).toEqual(['heat'])
    expect(t.renamedColumns).toContainEqual({ name: 'heat', header: '0', why: 'user' })
    // The note names only what Frontier chose, not what the user did.
    expect(t.warnings.find((w) => w.code === 'COLUMNS_NAMED')?.message).not.toContain('"0"')
    const two = 'time,a,b\n2015-05-01 00:00,1,2\n2015-05-01 01:00,3,4\n'
    const error = dataError(
      () => parseCsv(bytesOf(two), { columnNames: { a: 'b' } }),
      'DUPLICATE_COLUMN_NAMES',
    )
    expect(error.message).toContain('"b" (columns 2 and 3)')
  })
})
