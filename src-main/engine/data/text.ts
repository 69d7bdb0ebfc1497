// Bytes → text for the few cells that are read as text (header names, cells quoted in messages).
// The file was checked to be valid UTF-8 up front, so decoding here never fails.

const decoder = new TextDecoder('utf-8')

export function decodeText(b: Uint8Array, start: number, end: number): string {
  return decoder.decode(b.subarray(start, end))
}

/** The text of a cell; a quoted cell has its doubled quotes ("") turned back into one. */
export function cellText(b: Uint8Array, start: number, end: number, quoted: boolean): string {
  const text = decodeText(b, start, end)
  return quoted ? text.replaceAll('""', '"') : text
}
