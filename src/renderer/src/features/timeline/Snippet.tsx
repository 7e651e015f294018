/**
 * A search snippet: the core marks matched words with \u0002 … \u0003. They become <mark>
 * elements; everything else stays plain text (React escapes it). Never parsed as HTML.
 */
export function splitSnippet(snippet: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = []
  let marked = false
  let buffer = ''
  const push = () => {
    if (buffer) parts.push({ text: buffer, marked })
    buffer = ''
  }
  for (const char of snippet) {
    if (char === '\u0002') {
      push()
      marked = true
    } else if (char === '\u0003') {
      push()
      marked = false
    } else buffer += char
  }
  push()
  return parts
}

export function Snippet({ text }: { text: string }): React.JSX.Element {
  return (
    <>
      {splitSnippet(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  )
}
