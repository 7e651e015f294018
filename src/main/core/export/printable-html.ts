/**
 * The shell of every printable document Between makes (the report, the session brief): a
 * self-contained page with a CSP that allows nothing but its own inline style, so the PDF
 * renderer can load nothing from anywhere.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string)

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"

type PrintableDoc = { locale: string; title: string; style: string; header: string; footer?: string }

/**
 * The document around its main part: `start` ends with the opening of <main>, `end` begins with
 * its close, so a long main part can be written in pieces between them. `header` is HTML already
 * escaped by the caller; `footer` likewise, or omitted.
 */
export function printableShell(doc: PrintableDoc): { start: string; end: string } {
  return {
    start: `<!doctype html>
<html lang="${escapeHtml(doc.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${doc.style}</style>
</head>
<body>
<header>
${doc.header}
</header>
<main>
`,
    end: `
</main>
${doc.footer === undefined ? '' : `<footer>${doc.footer}</footer>\n`}</body>
</html>
`,
  }
}

/** `main` is HTML already escaped by the caller, like the rest (printableShell). */
export function printableHtml(doc: PrintableDoc & { main: string }): string {
  const { start, end } = printableShell(doc)
  return `${start}${doc.main}${end}`
}
