import Markdown, { type Components } from 'react-markdown'

/**
 * The person's Markdown, rendered safely: raw HTML is dropped (skipHtml), no URL survives
 * (urlTransform), links are plain text with their address shown, images show their
 * description. Nothing in a preview can navigate or load anything.
 */
const components: Components = {
  a: ({ children, href }) => (
    <span className="md-link">
      {children}
      {href ? <span className="md-link__href"> ({href})</span> : null}
    </span>
  ),
  img: ({ alt }) => <span className="md-image">{alt ? `[${alt}]` : ''}</span>,
  h1: ({ children }) => <p className="md-heading md-heading--1">{children}</p>,
  h2: ({ children }) => <p className="md-heading md-heading--2">{children}</p>,
  h3: ({ children }) => <p className="md-heading md-heading--3">{children}</p>,
  h4: ({ children }) => <p className="md-heading">{children}</p>,
  h5: ({ children }) => <p className="md-heading">{children}</p>,
  h6: ({ children }) => <p className="md-heading">{children}</p>,
}

// Keep hrefs only as text for the link renderer above: the original is passed before transform.
const keepForText = (url: string) => url

export default function MarkdownPreview({ text }: { text: string }): React.JSX.Element {
  return (
    <div className="markdown" dir="auto">
      <Markdown skipHtml components={components} urlTransform={keepForText}>
        {text}
      </Markdown>
    </div>
  )
}
