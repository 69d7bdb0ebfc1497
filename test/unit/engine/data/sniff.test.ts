import { describe, expect, it } from 'vitest'
import { isHeaderLine, sniff } from '../../../../src-main/engine/data/sniff'
import { bytesOf } from './helpers'

describe('sniff', () => {
  it('finds a comma, a semicolon and a tab', () => {
    expect(sniff(bytesOf('time,a,b\n2024-01-01,1,2\n')).delimiter).toBe(',')
    expect(sniff(bytesOf('time;a;b\n2024-01-01;1;2\n')).delimiter).toBe(';')
    expect(sniff(bytesOf('time\ta\tb\n2024-01-01\t1\t2\n')).delimiter).toBe('\t')
  })

  it('ignores delimiters inside quotes', () => {
    const text = 'time,note,v\n2024-01-01,"a;b;c",1\n2024-01-02,"d;e;f",2\n2024-01-03,"x; y",3\n'
    expect(sniff(bytesOf(text)).delimiter).toBe(',')
    const semi = 'time;note;v\n2024-01-01;"a,b";1\n2024-01-02;"c, d, e";2\n'
    expect(sniff(bytesOf(semi)).delimiter).toBe(';')
  })

  it('prefers the semicolon when decimal commas also split lines evenly', () => {
    const text = 'time;a;b\n2024-01-01 00:00;1,5;2,5\n2024-01-01 01:00;3,5;4,5\n'
    const result = sniff(bytesOf(text))
    expect(result.delimiter).toBe(';')
    expect(result.decimal).toBe(',')
  })

  it('tells decimal marks apart', () => {
    expect(sniff(bytesOf('t;v\n2024-01-01;12.5\n2024-01-02;13\n')).decimal).toBe('.')
    expect(sniff(bytesOf('t;v\n2024-01-01;12,5\n2024-01-02;13\n')).decimal).toBe(',')
    expect(sniff(bytesOf('t;v\n2024-01-01;1.234,5\n')).decimal).toBe(',')
    expect(sniff(bytesOf('t;v\n2024-01-01;1,234.5\n')).decimal).toBe('.')
    // A comma-separated file cannot hold unquoted decimal commas.
    expect(sniff(bytesOf('t,v\n2024-01-01,"12,5"\n')).decimal).toBe('.')
  })

  it('sees whether the first line is a header', () => {
    expect(sniff(bytesOf('time,load\n2024-01-01 00:00,1\n')).hasHeader).toBe(true)
    expect(sniff(bytesOf('2024-01-01 00:00,1\n2024-01-01 01:00,2\n')).hasHeader).toBe(false)
    expect(sniff(bytesOf('1704067200,1.5\n1704070800,2\n')).hasHeader).toBe(false)
    expect(sniff(bytesOf('2024-01-01 00:00,NA\n')).hasHeader).toBe(false)
  })

  it('takes numbers as column names when timestamps stand below an empty or plain-number cell', () => {
    const below = '\n2015-05-01 00:00:00+00:00,1.19,2\n2015-05-01 01:00:00+00:00,,3\n'
    expect(sniff(bytesOf(`,0,1${below}`)).hasHeader).toBe(true)
    expect(sniff(bytesOf(`,0.5,1.5${below}`)).hasHeader).toBe(true)
    // Timestamps headed by a number (a frame whose columns are all numbered).
    expect(sniff(bytesOf(`0,1,2${below}`)).hasHeader).toBe(true)
    expect(sniff(bytesOf('0,\n1.5,2015-05-01 00:00\n2.5,2015-05-01 01:00\n')).hasHeader).toBe(true)
    expect(sniff(bytesOf(';0\r\n2015-05-01 00:00;1,5\r\n2015-05-01 01:00;2,5\r\n'))).toMatchObject({
      delimiter: ';',
      decimal: ',',
      hasHeader: true,
    })
  })

  it('keeps a first line of data as data, whatever stands below it', () => {
    expect(isHeaderLine(['2015-05-01 00:00', '0.5'], [['2015-05-01 01:00', '0.7']], '.')).toBe(
      false,
    )
    // An epoch over epochs is a timestamp over timestamps.
    expect(isHeaderLine(['1430438400', '5'], [['1430442000', '6']], '.')).toBe(false)
    // No timestamps below: nothing to head.
    expect(isHeaderLine(['', '0'], [['1', '2']], '.')).toBe(false)
    // Text below an empty cell, or a missing marker over timestamps, is no header either.
    expect(isHeaderLine(['', '0'], [['x', '2']], '.')).toBe(false)
    expect(isHeaderLine(['NA', '0'], [['2015-05-01 01:00', '2']], '.')).toBe(false)
    // A timestamp below must be every filled cell of the column, not one among numbers.
    expect(
      isHeaderLine(
        ['', '0'],
        [
          ['2015-05-01 01:00', '2'],
          ['7', '3'],
        ],
        '.',
      ),
    ).toBe(false)
    expect(
      isHeaderLine(
        ['', '0'],
        [
          ['', '2'],
          ['2015-05-01 01:00', '3'],
        ],
        '.',
      ),
    ).toBe(true)
    expect(isHeaderLine(['time', '0'], [], '.')).toBe(true)
  })

  it('reports the byte order mark and the line ending', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('time,v\r\n2024-01-01,1\r\n')])
    expect(sniff(bom)).toMatchObject({ bom: true, lineEnding: 'crlf', hasHeader: true })
    expect(sniff(bytesOf('time,v\r2024-01-01,1\r')).lineEnding).toBe('cr')
    expect(sniff(bytesOf('time,v\n2024-01-01,1\n'))).toMatchObject({ bom: false, lineEnding: 'lf' })
  })

  it('falls back to a comma for a single column', () => {
    expect(sniff(bytesOf('time\n2024-01-01\n2024-01-02\n')).delimiter).toBe(',')
  })

  it('reads only the start of a large file', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${1704067200 + i * 3600};${i},5`)
    const result = sniff(bytesOf(`t;v\n${rows.join('\n')}\n`))
    expect(result).toMatchObject({ delimiter: ';', decimal: ',', hasHeader: true })
  })
})
