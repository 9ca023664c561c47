import { page } from './analyzeFixture';
import { DISALLOW_ALL_BUT_VANTAGE, longText, robots, type CheckCase } from './checkCases.seo';

const llms = (body: string, status = 200) => ({ llmsTxt: { url: 'llms.txt', status, body } });
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const article = (body: string) => page({ body: `<main>${body}</main>` });

export const AEO_CASES: CheckCase[] = [
  { id: 'llms-txt', name: 'LH: H1, link and length', fixture: { body: page({}), origin: llms('# Example\n\n> A shop for fixtures.\n\n- [Docs](https://example.com/docs): how it works\n') }, outcome: 'PASS', message: /title and links/ },
  { id: 'llms-txt', name: 'LH: no H1, no link', fixture: { body: page({}), origin: llms('Example site. Plain text without any markdown structure at all here.') }, outcome: 'FAIL', message: /no H1 header.*no markdown link/ },
  { id: 'llms-txt', name: 'LH: too short', fixture: { body: page({}), origin: llms('# A\n[b](c)') }, outcome: 'FAIL', message: /suspiciously short \(10 characters\)/ },
  { id: 'llms-txt', name: 'LH: 4xx is not applicable', fixture: { body: page({}), origin: llms('', 404) }, outcome: 'NOT_APPLICABLE', message: /no \/llms\.txt \(HTTP 404\)/ },
  { id: 'llms-txt', name: 'LH: 5xx fails', fixture: { body: page({}), origin: llms('', 502) }, outcome: 'FAIL', message: /HTTP 502/ },

  { id: 'ai-crawler-access', name: 'no robots.txt allows all', fixture: { body: page({}) }, outcome: 'PASS', message: /Training crawlers are allowed too/ },
  { id: 'ai-crawler-access', name: 'training blocked is reported apart and not penalised', fixture: { body: page({}), origin: robots('User-agent: GPTBot\nDisallow: /\n\nUser-agent: CCBot\nDisallow: /\n\nUser-agent: *\nAllow: /') }, outcome: 'PASS', message: /search crawlers fetch this page\. Training crawlers blocked \(your choice, not scored\): GPTBot, CCBot\./ },
  { id: 'ai-crawler-access', name: 'one search crawler blocked', fixture: { body: page({}), origin: robots('User-agent: PerplexityBot\nDisallow: /') }, outcome: 'WARN', message: /blocks some answer-engine search crawlers: PerplexityBot\./ },
  { id: 'ai-crawler-access', name: 'all blocked', fixture: { body: page({}), origin: robots(DISALLOW_ALL_BUT_VANTAGE) }, outcome: 'FAIL', message: /blocks every answer-engine search crawler \(OAI-SearchBot, Claude-SearchBot, PerplexityBot\)/ },

  { id: 'entity-schema', name: 'Organization', fixture: { body: page({ head: jsonLd({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Acme' }) }) }, outcome: 'PASS', message: /Organization/ },
  { id: 'entity-schema', name: 'microdata Product counts', fixture: { body: page({ body: '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Widget</span></div>' }) }, outcome: 'PASS', message: /Product/ },
  { id: 'entity-schema', name: 'none', fixture: { body: page({}) }, outcome: 'FAIL', message: /No Organization, LocalBusiness or Product/ },

  { id: 'faq-schema', name: 'FAQPage', fixture: { body: page({ head: jsonLd({ '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'Q?', acceptedAnswer: { '@type': 'Answer', text: 'A' } }] }) }) }, outcome: 'PASS', message: /FAQPage structured data/ },
  { id: 'faq-schema', name: 'FAQPage without answers', fixture: { body: page({ head: jsonLd({ '@type': 'FAQPage' }) }) }, outcome: 'WARN', message: /no Question with an acceptedAnswer/ },
  { id: 'faq-schema', name: 'questions without schema', fixture: { body: page({ body: '<h2>How much does it cost?</h2><p>Ten euros.</p>' }) }, outcome: 'FAIL', message: /1 question heading but no FAQPage/ },
  { id: 'faq-schema', name: 'no questions', fixture: { body: page({ body: '<h2>Pricing</h2>' }) }, outcome: 'NOT_APPLICABLE', message: /no questions/ },

  { id: 'question-headings', name: 'has questions', fixture: { body: page({ body: '<h2>What is Vantage?</h2><h2>Pricing</h2>' }) }, outcome: 'PASS', message: /1 heading asks a question, e\.g\. "What is Vantage\?"/ },
  { id: 'question-headings', name: 'none', fixture: { body: page({ body: '<h1>Vantage</h1><h2>Pricing</h2>' }) }, outcome: 'WARN', message: /None of the 2 headings/ },

  { id: 'concise-answers', name: 'direct answers', fixture: { body: article('<h2>What is it?</h2><p>A tool that compares sites.</p><h2>Who is it for?</h2><dl><dd>Marketers.</dd></dl>') }, outcome: 'PASS', message: /All 2 question headings are followed by a direct answer of at most 60 words/ },
  { id: 'concise-answers', name: 'one rambling', fixture: { body: article(`<h2>What is it?</h2><p>A tool.</p><h2>Why?</h2><p>${longText(80)}</p>`) }, outcome: 'WARN', message: /1 of 2 question headings .* not: "Why\?" \(80 words\)/ },
  { id: 'concise-answers', name: 'no answer paragraph', fixture: { body: article('<h2>What is it?</h2><h2>More</h2>') }, outcome: 'FAIL', message: /0 of 1 question heading .*"What is it\?" \(no paragraph follows\)/ },
  { id: 'concise-answers', name: 'no questions', fixture: { body: article('<h2>About</h2><p>x</p>') }, outcome: 'NOT_APPLICABLE', message: /no question headings/ },

  { id: 'citations', name: 'two sources', fixture: { body: article('<p>See <a href="https://www.who.int/report">WHO</a> and <a href="https://arxiv.org/abs/1">the paper</a>.</p>') }, outcome: 'PASS', message: /2 outside sources: who\.int, arxiv\.org/ },
  { id: 'citations', name: 'one source', fixture: { body: article('<p><a href="https://arxiv.org/abs/1">paper</a> <a href="/internal">us</a></p>') }, outcome: 'WARN', message: /single outside source \(arxiv\.org\)/ },
  { id: 'citations', name: 'navigation links do not count', fixture: { body: page({ body: '<nav><a href="https://twitter.com/x">Twitter</a></nav><footer><a href="https://github.com/x">GitHub</a></footer><p>Text</p>' }) }, outcome: 'FAIL', message: /no outside sources/ },

  { id: 'statistics', name: 'figures', fixture: { body: article('<p>Sales grew 42% to $3.5 million, serving 12,000 customers.</p>') }, outcome: 'PASS', message: /3 concrete figures, e\.g\. 42%, \$3\.5 million, 12,000/ },
  { id: 'statistics', name: 'one figure', fixture: { body: article('<p>It is 3 times faster.</p>') }, outcome: 'WARN', message: /only 1 concrete figure \(3 times\)/ },
  { id: 'statistics', name: 'none', fixture: { body: article('<p>We are great.</p>') }, outcome: 'FAIL', message: /no concrete figures/ },

  { id: 'quotations', name: 'blockquote with cite', fixture: { body: article('<blockquote><p>Speed is a feature.</p><footer>— <cite>Jane Doe, CTO</cite></footer></blockquote>') }, outcome: 'PASS', message: /1 attributed source, e\.g\. "Speed is a feature\./ },
  { id: 'quotations', name: 'quote in text', fixture: { body: article('<p>“Structured data made us visible,” said Ana Ruiz, head of SEO.</p>') }, outcome: 'PASS', message: /quotes a named source/ },
  { id: 'quotations', name: 'unattributed', fixture: { body: article('<blockquote>Best tool ever.</blockquote>') }, outcome: 'WARN', message: /1 quotation, but none says who said it/ },
  { id: 'quotations', name: 'none', fixture: { body: article('<p>No quotes here.</p>') }, outcome: 'FAIL', message: /quotes no one/ },

  { id: 'content-depth', name: 'deep', fixture: { body: article(`<h2>A</h2><p>${longText(200)}</p><h2>B</h2><p>${longText(200)}</p>`) }, outcome: 'PASS', message: /^\d+ words in 2 sections\.$/ },
  { id: 'content-depth', name: 'long but flat', fixture: { body: article(`<p>${longText(400)}</p>`) }, outcome: 'WARN', message: /only 0 subheadings/ },
  { id: 'content-depth', name: 'thin', fixture: { body: article('<p>Short page.</p>') }, outcome: 'FAIL', message: /only \d+ words/ },

  { id: 'freshness', name: 'recent dateModified', fixture: { body: page({ head: jsonLd({ '@type': 'Article', dateModified: '2026-04-20' }) }) }, outcome: 'PASS', message: /last dated 2026-04-20 \(42 days ago\)/ },
  { id: 'freshness', name: 'old article:modified_time', fixture: { body: page({ head: '<meta property="article:modified_time" content="2021-01-10T08:00:00Z">' }) }, outcome: 'WARN', message: /newest date on the page is 2021-01-10, 5 year\(s\) ago/ },
  { id: 'freshness', name: '<time> element', fixture: { body: article('<p>Updated <time datetime="2026-05-30">yesterday</time></p>') }, outcome: 'PASS', message: /2026-05-30/ },
  { id: 'freshness', name: 'no date', fixture: { body: page({}) }, outcome: 'FAIL', message: /no publication or update date/ },

  { id: 'authorship', name: 'JSON-LD author', fixture: { body: page({ head: jsonLd({ '@type': 'Article', author: { '@type': 'Person', name: 'Jane Doe' } }) }) }, outcome: 'PASS', message: /author: Jane Doe/ },
  { id: 'authorship', name: 'byline', fixture: { body: article('<p class="byline">By Max Muster</p>') }, outcome: 'PASS', message: /By Max Muster/ },
  { id: 'authorship', name: 'none', fixture: { body: page({}) }, outcome: 'FAIL', message: /does not say who wrote it/ },
];
