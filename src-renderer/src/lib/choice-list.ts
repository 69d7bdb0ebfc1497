// A categorical parameter's choices as one line of text: "64, 128" is [64, 128], "true, false"
// booleans, "relu, gelu" or "'a,b'" strings. Formatting writes what parses back to the same
// values, quoting a string only where it would read as something else.
import { isNumberText, type Parsed } from './number-text'

export type Choice = number | string | boolean

/** The choices in `text`; empty text is no choices (the engine says why that cannot run). */
export function parseChoices(text: string, label: string): Parsed<Choice[]> {
  const tokens = splitTokens(text)
  if (!tokens.ok) return { ok: false, message: `${label}: ${tokens.message}` }
  if (tokens.value.length === 1 && tokens.value[0].text === '' && !tokens.value[0].quoted)
    return { ok: true, value: [] }
  const out: Choice[] = []
  for (const [i, token] of tokens.value.entries()) {
    if (token.quoted) out.push(token.text)
    else if (token.text === '')
      return { ok: false, message: `${label}: choice ${i + 1} is empty; remove the extra comma.` }
    else if (token.text === 'true' || token.text === 'false') out.push(token.text === 'true')
    else if (isNumberText(token.text)) out.push(Number(token.text))
    else out.push(token.text)
  }
  return { ok: true, value: out }
}

export function formatChoices(choices: readonly Choice[]): string {
  return choices.map(formatChoice).join(', ')
}

function formatChoice(choice: Choice): string {
  if (typeof choice !== 'string') return String(choice)
  const bare =
    choice !== '' &&
    choice === choice.trim() &&
    !/[,"']/.test(choice) &&
    choice !== 'true' &&
    choice !== 'false' &&
    !isNumberText(choice)
  return bare ? choice : JSON.stringify(choice)
}

interface Token {
  text: string
  quoted: boolean
}

/** Splits on commas outside quotes; "…" follows JSON's escapes, '…' has none. */
function splitTokens(text: string): Parsed<Token[]> {
  const tokens: Token[] = []
  let i = 0
  for (;;) {
    while (i < text.length && text[i] === ' ') i++
    const quote = text[i]
    if (quote === '"' || quote === "'") {
      let j = i + 1
      while (j < text.length && text[j] !== quote) j += quote === '"' && text[j] === '\\' ? 2 : 1
      if (j >= text.length)
        return { ok: false, message: `the quote ${quote} at character ${i + 1} is not closed.` }
      const raw = text.slice(i, j + 1)
      let value: string
      try {
        value = quote === '"' ? (JSON.parse(raw) as string) : raw.slice(1, -1)
      } catch {
        return { ok: false, message: `${raw} is not a valid quoted string.` }
      }
      tokens.push({ text: value, quoted: true })
      i = j + 1
      while (i < text.length && text[i] === ' ') i++
      if (i < text.length && text[i] !== ',')
        return { ok: false, message: `put a comma after ${raw}.` }
    } else {
      const comma = text.indexOf(',', i)
      const end = comma === -1 ? text.length : comma
      tokens.push({ text: text.slice(i, end).trim(), quoted: false })
      i = end
    }
    if (i >= text.length) return { ok: true, value: tokens }
    i++ // the comma
  }
}
