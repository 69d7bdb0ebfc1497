// The text of a generated hourly fixture: a header, then one row an hour from `start` to `end`
// (both UTC, inclusive) with the ISO timestamp to the second ("2023-01-01T00:00:00Z").

const HOUR = 3_600_000

/** `cell` is called once an hour, in time order, so a seeded source in it gives the same file. */
export function hourlyIsoCsv(
  header: string,
  start: number,
  end: number,
  cell: (time: number) => string,
): string {
  const lines = [header]
  for (let t = start; t <= end; t += HOUR) {
    lines.push(`${new Date(t).toISOString().replace('.000Z', 'Z')},${cell(t)}`)
  }
  return `${lines.join('\n')}\n`
}
