/** A realistic article page of about `targetBytes`: headings, paragraphs, links, images, figures, JSON-LD. */
export function generatePage(targetBytes: number): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Benchmark article about competitive analysis</title>
<meta name="description" content="A generated article used to measure how fast Vantage analyses a page of this size.">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="Benchmark"><meta property="og:description" content="Generated"><meta property="og:image" content="https://example.com/i.png">
<link rel="canonical" href="https://example.com/article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Benchmark","dateModified":"2026-05-01","author":{"@type":"Person","name":"Jane Doe"}}</script>
<style>body{font-family:sans-serif}</style></head><body><header><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header><main><h1>Benchmark article</h1>`;
  const tail = '</main><footer><a href="https://twitter.com/example">Twitter</a></footer></body></html>';
  const sections: string[] = [];
  let size = head.length + tail.length;
  for (let index = 0; size < targetBytes; index++) {
    const section =
      `<section><h2>How does part ${index} work?</h2><p>Part ${index} answers the question in a short paragraph with 42% more clarity.</p>` +
      `<p>According to <a href="https://research${index % 7}.example.org/paper">the study</a>, revenue grew to $${index}.5 million ` +
      `across 12,000 customers &amp; partners. <strong>Structured</strong> content is <em>easier</em> to quote.</p>` +
      `<img src="/img/figure-${index}.png" alt="Figure ${index}"><ul><li>First point</li><li>Second point</li></ul>` +
      `<blockquote><p>Fast pages win.</p><footer><cite>Expert ${index}</cite></footer></blockquote>` +
      `<h3>Details of part ${index}</h3><p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}</p></section>`;
    sections.push(section);
    size += section.length;
  }
  return head + sections.join('') + tail;
}
