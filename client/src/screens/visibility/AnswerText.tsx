interface Span {
  start: number;
  end: number;
}

interface Segment {
  text: string;
  /** The brand this stretch names; undefined for the text between mentions. */
  brand?: string;
}

/**
 * The answer cut at its mentions' spans, in text order; a span that overlaps one before it is
 * dropped, and spans are clamped to the text.
 */
function segmentsOf(text: string, mentions: readonly { brand: string; spans: readonly Span[] }[]): Segment[] {
  const spans = mentions
    .flatMap((mention) => mention.spans.map((span) => ({ ...span, brand: mention.brand })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (start !== span.start || end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), brand: span.brand });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/**
 * An engine's answer with the brands it names marked. The text is untrusted (an engine may
 * answer with markup): every piece is a text node, never parsed as HTML.
 */
export function AnswerText({ text, mentions, subject }: { text: string; mentions: readonly { brand: string; spans: readonly Span[] }[]; subject: string }) {
  return (
    <p class="answer-text">
      {segmentsOf(text, mentions).map((segment, index) =>
        segment.brand === undefined ? (
          segment.text
        ) : (
          <mark key={index} class={segment.brand === subject ? 'mention mention-subject' : 'mention'} data-brand={segment.brand}>
            {segment.text}
          </mark>
        ),
      )}
    </p>
  );
}
