import type { CheckOutcome } from '../../src/analysis';
import type { PageFixture } from './analyzeFixture';
import { page } from './analyzeFixture';

export interface CheckCase {
  id: string;
  name: string;
  fixture: PageFixture;
  outcome: CheckOutcome;
  message: RegExp;
}

const robots = (body: string, status = 200) => ({ robotsTxt: { url: 'robots.txt', status, body } });
/** Vantage honours robots.txt itself, so fixtures that block everyone still let VantageBot in. */
export const DISALLOW_ALL_BUT_VANTAGE = 'User-agent: *\nDisallow: /\n\nUser-agent: VantageBot\nAllow: /';
const longText = (words: number) => Array.from({ length: words }, (_, index) => `word${index}`).join(' ');

/** "LH:" marks an edge case taken from Lighthouse's audit rules, with Lighthouse's verdict. */
export const SEO_CASES: CheckCase[] = [
  { id: 'is-crawlable', name: 'indexable page', fixture: { body: page({}) }, outcome: 'PASS', message: /may crawl and index/ },
  { id: 'is-crawlable', name: 'meta robots noindex', fixture: { body: page({ head: '<meta name="robots" content="noindex, follow">' }) }, outcome: 'FAIL', message: /may not index this page: <meta name="robots" content="noindex, follow">/ },
  { id: 'is-crawlable', name: 'X-Robots-Tag: none', fixture: { body: page({}), headers: { 'x-robots-tag': 'none' } }, outcome: 'FAIL', message: /X-Robots-Tag: none/ },
  { id: 'is-crawlable', name: 'LH: unavailable_after in the past', fixture: { body: page({}), headers: { 'x-robots-tag': 'unavailable_after: 25 Jun 2010 15:00:00 PST' } }, outcome: 'FAIL', message: /unavailable_after/ },
  { id: 'is-crawlable', name: 'LH: unavailable_after in the future passes', fixture: { body: page({}), headers: { 'x-robots-tag': 'unavailable_after: 25 Jun 2099 15:00:00 PST' } }, outcome: 'PASS', message: /may crawl/ },
  { id: 'is-crawlable', name: 'LH: googlebot-only header blocks one bot (Lighthouse passes with a warning)', fixture: { body: page({}), headers: { 'x-robots-tag': 'Googlebot: noindex' } }, outcome: 'WARN', message: /blocked: Googlebot\./ },
  { id: 'is-crawlable', name: 'LH: the bot prefix is matched case-sensitively, so "googlebot:" blocks no known bot', fixture: { body: page({}), headers: { 'x-robots-tag': 'googlebot: noindex' } }, outcome: 'PASS', message: /may crawl/ },
  { id: 'is-crawlable', name: 'LH: googlebot meta overrides generic noindex for Googlebot', fixture: { body: page({ head: '<meta name="robots" content="noindex"><meta name="googlebot" content="index, follow">' }) }, outcome: 'WARN', message: /the generic robots rules, bingbot, DuckDuckBot, archive.org_bot/ },
  { id: 'is-crawlable', name: 'robots.txt disallows everything', fixture: { body: page({}), origin: robots(DISALLOW_ALL_BUT_VANTAGE) }, outcome: 'FAIL', message: /may not index this page: robots\.txt/ },
  { id: 'is-crawlable', name: 'LH: a noindex meta after a stray <img> in the head is in the body and ignored', fixture: { body: page({ head: '<img src="/pixel.gif" alt=""><meta name="robots" content="noindex">' }) }, outcome: 'PASS', message: /may crawl/ },
  { id: 'is-crawlable', name: 'LH: a noindex meta after text in the head is in the body and ignored', fixture: { body: page({ head: 'Welcome!<meta name="robots" content="noindex">' }) }, outcome: 'PASS', message: /may crawl/ },
  { id: 'is-crawlable', name: 'LH: a noindex meta between </head> and <body> still goes in the head', fixture: { body: '<!doctype html><html lang="en"><head><title>Fixture page title</title></head>\n<meta name="robots" content="noindex"><body><p>x</p></body></html>' }, outcome: 'FAIL', message: /may not index this page: <meta name="robots"/ },
  { id: 'is-crawlable', name: 'LH: <meta property="robots"> is not a robots meta', fixture: { body: page({ head: '<meta property="robots" content="noindex">' }) }, outcome: 'PASS', message: /may crawl/ },

  { id: 'http-status-code', name: '200', fixture: { body: page({}) }, outcome: 'PASS', message: /HTTP 200/ },
  { id: 'http-status-code', name: 'LH: a 404 page is analysed and fails', fixture: { body: page({}), status: 404 }, outcome: 'FAIL', message: /HTTP 404; search engines will not index/ },
  { id: 'http-status-code', name: '503', fixture: { body: page({}), status: 503 }, outcome: 'FAIL', message: /HTTP 503/ },
  { id: 'http-status-code', name: 'LH: 999 is not an error status (only 400–599 fail)', fixture: { body: page({}), status: 999 }, outcome: 'PASS', message: /HTTP 999\./ },

  { id: 'robots-txt', name: 'valid', fixture: { body: page({}), origin: robots('User-agent: *\nDisallow: /private\nSitemap: https://example.com/sitemap.xml') }, outcome: 'PASS', message: /valid/ },
  { id: 'robots-txt', name: 'unknown directive', fixture: { body: page({}), origin: robots('User-agent: *\nFoo: bar') }, outcome: 'FAIL', message: /1 error: line 2: Unknown directive/ },
  { id: 'robots-txt', name: 'LH: rule before any user-agent', fixture: { body: page({}), origin: robots('Disallow: /x\nUser-agent: *') }, outcome: 'FAIL', message: /line 1: No user-agent specified/ },
  { id: 'robots-txt', name: 'LH: pattern must start with / or *', fixture: { body: page({}), origin: robots('User-agent: *\nDisallow: admin') }, outcome: 'FAIL', message: /Pattern should either be empty, start with "\/" or "\*"/ },
  { id: 'robots-txt', name: 'LH: $ only at the end', fixture: { body: page({}), origin: robots('User-agent: *\nDisallow: /a$b') }, outcome: 'FAIL', message: /"\$" should only be used at the end/ },
  { id: 'robots-txt', name: 'LH: content-signal is a known directive', fixture: { body: page({}), origin: robots('User-agent: *\nContent-Signal: search=yes, ai-train=no\nAllow: /') }, outcome: 'PASS', message: /valid/ },
  { id: 'robots-txt', name: 'LH: 404 is not applicable', fixture: { body: page({}), origin: robots('', 404) }, outcome: 'NOT_APPLICABLE', message: /no robots\.txt \(HTTP 404\)/ },
  { id: 'robots-txt', name: 'LH: 5xx fails', fixture: { body: page({}), origin: robots('', 500) }, outcome: 'FAIL', message: /HTTP 500/ },
  { id: 'robots-txt', name: 'unreachable', fixture: { body: page({}), origin: { robotsTxt: null } }, outcome: 'FAIL', message: /could not be fetched/ },

  { id: 'canonical', name: 'none is not applicable (LH)', fixture: { body: page({}) }, outcome: 'NOT_APPLICABLE', message: /no canonical/ },
  { id: 'canonical', name: 'absolute', fixture: { body: page({ head: '<link rel="canonical" href="https://example.com/article">' }) }, outcome: 'PASS', message: /https:\/\/example\.com\/article/ },
  { id: 'canonical', name: 'LH: relative', fixture: { body: page({ head: '<link rel="canonical" href="/article">' }) }, outcome: 'FAIL', message: /relative.*\/article/ },
  { id: 'canonical', name: 'LH: conflicting', fixture: { body: page({ head: '<link rel="canonical" href="https://example.com/a"><link rel="canonical" href="https://example.com/b">' }) }, outcome: 'FAIL', message: /conflicting canonical URLs: https:\/\/example.com\/a, https:\/\/example.com\/b/ },
  { id: 'canonical', name: 'LH: body links are ignored', fixture: { body: page({ body: '<p>x</p><link rel="canonical" href="/elsewhere">' }) }, outcome: 'NOT_APPLICABLE', message: /no canonical/ },
  { id: 'canonical', name: 'LH: Link header counts', fixture: { body: page({}), headers: { link: '<https://example.com/from-header>; rel="canonical"' } }, outcome: 'PASS', message: /from-header/ },
  { id: 'canonical', name: 'LH: a head <noscript><iframe> (the GTM snippet) does not end the head', fixture: { body: page({ head: '<noscript><iframe src="/ns.html?id=GTM-XXXX" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript><link rel="canonical" href="https://example.com/article">' }) }, outcome: 'PASS', message: /https:\/\/example\.com\/article/ },
  { id: 'canonical', name: 'LH: a stray <img> ends the head, so a canonical after it is in the body', fixture: { body: page({ head: '<img src="/pixel.gif" alt=""><link rel="canonical" href="https://example.com/article">' }) }, outcome: 'NOT_APPLICABLE', message: /no canonical/ },
  { id: 'canonical', name: 'LH: a <noscript> after </head> starts the body', fixture: { body: '<!doctype html><html lang="en"><head><title>Fixture page title</title></head><noscript><p>Enable JavaScript</p></noscript><link rel="canonical" href="https://example.com/article"><body><p>x</p></body></html>' }, outcome: 'NOT_APPLICABLE', message: /no canonical/ },

  { id: 'hreflang', name: 'LH: no alternates passes', fixture: { body: page({}) }, outcome: 'PASS', message: /no hreflang/ },
  { id: 'hreflang', name: 'valid alternates incl. x-default (LH)', fixture: { body: page({ head: '<link rel="alternate" hreflang="de-CH" href="https://example.com/de"><link rel="alternate" hreflang="x-default" href="https://example.com/">' }) }, outcome: 'PASS', message: /All 2 hreflang alternates are valid/ },
  { id: 'hreflang', name: 'LH: unknown language code', fixture: { body: page({ head: '<link rel="alternate" hreflang="xx-de" href="https://example.com/de">' }) }, outcome: 'FAIL', message: /unexpected language code "xx-de"/ },
  { id: 'hreflang', name: 'LH: relative href', fixture: { body: page({ head: '<link rel="alternate" hreflang="fr" href="/fr">' }) }, outcome: 'FAIL', message: /relative href "\/fr" \(fr\)/ },
  { id: 'hreflang', name: 'LH: a three-letter code with a registered two-letter form (deu for de) is invalid', fixture: { body: page({ head: '<link rel="alternate" hreflang="deu" href="https://example.com/de"><link rel="alternate" hreflang="de" href="https://example.com/de2">' }) }, outcome: 'FAIL', message: /^1 hreflang problem: unexpected language code "deu"\.$/ },
  { id: 'hreflang', name: 'LH: registered three-letter codes without a two-letter form pass (gsw, fil)', fixture: { body: page({ head: '<link rel="alternate" hreflang="gsw-CH" href="https://example.com/gsw"><link rel="alternate" hreflang="fil" href="https://example.com/fil">' }) }, outcome: 'PASS', message: /All 2 hreflang alternates are valid/ },
  { id: 'hreflang', name: 'LH: eng-US is invalid (eng has the two-letter form en)', fixture: { body: page({ head: '<link rel="alternate" hreflang="eng-US" href="https://example.com/us">' }) }, outcome: 'FAIL', message: /"eng-US"/ },

  { id: 'document-title', name: 'present', fixture: { body: page({}) }, outcome: 'PASS', message: /"Fixture page title"/ },
  { id: 'document-title', name: 'missing', fixture: { body: '<html lang="en"><body>x</body></html>' }, outcome: 'FAIL', message: /no <title>/ },
  { id: 'document-title', name: 'LH: whitespace-only title fails', fixture: { body: '<html><head><title>  \n </title></head></html>' }, outcome: 'FAIL', message: /no <title>, or it is empty/ },

  { id: 'meta-description', name: 'present', fixture: { body: page({ head: '<meta name="description" content="A page about fixtures.">' }) }, outcome: 'PASS', message: /22 characters/ },
  { id: 'meta-description', name: 'missing', fixture: { body: page({}) }, outcome: 'FAIL', message: /no meta description/ },
  { id: 'meta-description', name: 'LH: whitespace content fails', fixture: { body: page({ head: '<meta name="description" content="   ">' }) }, outcome: 'FAIL', message: /empty/ },
  { id: 'meta-description', name: 'LH: a stray <img> in the head starts the body, so a description after it does not count', fixture: { body: page({ head: '<img src="/pixel.gif" alt=""><meta name="description" content="A page about fixtures.">' }) }, outcome: 'FAIL', message: /meta description is in the body/ },
  { id: 'meta-description', name: 'LH: text in the head starts the body, so a description after it does not count', fixture: { body: page({ head: 'Welcome!<meta name="description" content="A page about fixtures.">' }) }, outcome: 'FAIL', message: /meta description is in the body/ },
  { id: 'meta-description', name: 'LH: whitespace and comments in the head do not end it', fixture: { body: page({ head: '\n  <!-- tracking -->\n  <meta name="description" content="A page about fixtures.">' }) }, outcome: 'PASS', message: /22 characters/ },
  { id: 'meta-description', name: 'LH: a head <noscript> with elements in it does not end the head', fixture: { body: page({ head: '<noscript><img src="/pixel.gif" alt=""></noscript><meta name="description" content="A page about fixtures.">' }) }, outcome: 'PASS', message: /22 characters/ },
  { id: 'meta-description', name: 'LH: a description between </head> and <body> still goes in the head', fixture: { body: '<!doctype html><html lang="en"><head><title>Fixture page title</title></head>\n<meta name="description" content="A page about fixtures."><body><p>x</p></body></html>' }, outcome: 'PASS', message: /22 characters/ },
  { id: 'meta-description', name: 'LH: <meta property="description"> is not a description', fixture: { body: page({ head: '<meta property="description" content="A page about fixtures.">' }) }, outcome: 'FAIL', message: /no meta description/ },

  { id: 'link-text', name: 'descriptive', fixture: { body: page({ body: '<a href="/pricing">Compare our pricing plans</a>' }) }, outcome: 'PASS', message: /descriptive/ },
  { id: 'link-text', name: 'generic', fixture: { body: page({ body: '<a href="/pricing">Click here</a>' }) }, outcome: 'FAIL', message: /1 link has non-descriptive text: "Click here" → \/pricing/ },
  { id: 'link-text', name: 'LH: the link language picks the list (English phrase in German is fine)', fixture: { body: page({ lang: 'de', body: '<a href="/x">click here</a>' }) }, outcome: 'PASS', message: /descriptive/ },
  { id: 'link-text', name: 'LH: German list in German', fixture: { body: page({ lang: 'de', body: '<a href="/x">weiterlesen</a>' }) }, outcome: 'FAIL', message: /"weiterlesen"/ },
  { id: 'link-text', name: 'newer than LH 13.5 (lighthouse PR #17247, open): a bare URL as text fails', fixture: { body: page({ body: '<a href="https://example.com/">https://example.com/</a>' }) }, outcome: 'FAIL', message: /"https:\/\/example\.com\/"/ },
  { id: 'link-text', name: 'LH: nofollow and in-page links are ignored', fixture: { body: page({ body: '<a rel="nofollow" href="/a">here</a><a href="#top">more</a>' }) }, outcome: 'PASS', message: /descriptive/ },
  { id: 'link-text', name: 'LH: text under hidden does not rescue a generic link text (innerText)', fixture: { body: page({ body: '<a href="/pricing">Click here<span hidden> to compare our pricing plans</span></a>' }) }, outcome: 'FAIL', message: /"Click here" → \/pricing/ },
  { id: 'link-text', name: 'LH: text under display:none does not rescue a generic link text', fixture: { body: page({ body: '<a href="/pricing">Read more<span style="color: red; display: none"> about our pricing plans</span></a>' }) }, outcome: 'FAIL', message: /"Read more" → \/pricing/ },
  { id: 'link-text', name: 'LH: aria-hidden text is still innerText and rescues it', fixture: { body: page({ body: '<a href="/pricing">Read more<span aria-hidden="true"> about our pricing plans</span></a>' }) }, outcome: 'PASS', message: /descriptive/ },
  { id: 'link-text', name: 'LH: a link that is not rendered is read whole (innerText falls back to textContent)', fixture: { body: page({ body: '<div hidden><a href="/pricing">Read more<span style="display:none"> about our pricing plans</span></a></div>' }) }, outcome: 'PASS', message: /descriptive/ },
  { id: 'link-text', name: 'LH: links inside <noscript> or <template> are not links of the page', fixture: { body: page({ body: '<noscript><a href="/pricing">click here</a></noscript><template><a href="/pricing">click here</a></template>' }) }, outcome: 'PASS', message: /descriptive/ },

  { id: 'crawlable-anchors', name: 'crawlable', fixture: { body: page({ body: '<a href="/a">A</a><a href="https://example.com">B</a>' }) }, outcome: 'PASS', message: /All 2 links/ },
  { id: 'crawlable-anchors', name: 'LH: javascript:void(0)', fixture: { body: page({ body: '<a href="javascript:void(0)">Menu</a>' }) }, outcome: 'FAIL', message: /1 link cannot be followed by crawlers: href="javascript:void\(0\)"/ },
  { id: 'crawlable-anchors', name: 'LH: file: URL fails', fixture: { body: page({ body: '<a href="file:///C:/doc.pdf">Doc</a>' }) }, outcome: 'FAIL', message: /file:/ },
  { id: 'crawlable-anchors', name: 'LH: no href fails', fixture: { body: page({ body: '<a onclick="go()">Go</a>' }) }, outcome: 'FAIL', message: /"Go" without href/ },
  { id: 'crawlable-anchors', name: 'LH: role, mailto, name, id and aria-current placeholders pass', fixture: { body: page({ body: '<a role="button" href="javascript:void(0)">x</a><a href="mailto:javascript:void(0)">m</a><a name="top"></a><a id="anchor"></a><a aria-current="page">Here</a>' }) }, outcome: 'PASS', message: /can be followed/ },

  { id: 'image-alt', name: 'all have alt', fixture: { body: page({ body: '<img src="/a.png" alt="Chart"><img src="/b.png" alt="">' }) }, outcome: 'PASS', message: /All 2 images have alt text/ },
  { id: 'image-alt', name: 'missing alt', fixture: { body: page({ body: '<img src="/img/a.png"><img src="/img/b.png" alt="B"><img src="/img/c.png">' }) }, outcome: 'FAIL', message: /^2 of 3 images have no alt text: \/img\/a\.png, \/img\/c\.png\.$/ },
  { id: 'image-alt', name: 'axe: alt of only spaces fails, role=presentation passes', fixture: { body: page({ body: '<img src="/s.png" alt="  "><img src="/p.png" role="presentation">' }) }, outcome: 'FAIL', message: /1 of 2 images have no alt text: \/s\.png/ },
  { id: 'image-alt', name: 'no images', fixture: { body: page({}) }, outcome: 'NOT_APPLICABLE', message: /no images/ },
  { id: 'image-alt', name: 'LH (axe): images in <noscript> (tracking pixels) and <template> are not judged', fixture: { body: page({ body: '<noscript><img height="1" width="1" style="display:none" src="/tr?id=1&amp;ev=PageView"></noscript><template><img src="/t.png"></template>' }) }, outcome: 'NOT_APPLICABLE', message: /no images/ },
  { id: 'image-alt', name: 'LH (axe): hidden images (hidden, display:none, hidden or aria-hidden ancestors) are not judged', fixture: { body: page({ body: '<img src="/a.png" alt="A"><img src="/h.png" hidden><img src="/d.png" style="display: none"><div hidden><img src="/dh.png"></div><div style="display:none"><p><img src="/dn.png"></p></div><div aria-hidden="true"><img src="/ah.png"></div>' }) }, outcome: 'PASS', message: /All 1 image have alt text/ },
  { id: 'image-alt', name: 'LH (axe): an inline display overrides hidden, so the image is judged', fixture: { body: page({ body: '<img src="/shown.png" hidden style="display:block">' }) }, outcome: 'FAIL', message: /1 of 1 image have no alt text: \/shown\.png/ },
  { id: 'image-alt', name: 'LH (axe): aria-labelledby to a missing or empty element is no text alternative', fixture: { body: page({ body: '<span id="empty"> </span><img src="/m.png" aria-labelledby="missing"><img src="/e.png" aria-labelledby="empty">' }) }, outcome: 'FAIL', message: /2 of 2 images have no alt text: \/m\.png, \/e\.png/ },
  { id: 'image-alt', name: 'LH (axe): aria-labelledby to elements with text, before or after the image', fixture: { body: page({ body: '<p id="before">Revenue chart</p><img src="/c.png" aria-labelledby="before"><img src="/d.png" aria-labelledby="gone after"><p id="after">Sales <b>by region</b></p>' }) }, outcome: 'PASS', message: /All 2 images have alt text/ },

  { id: 'html-has-lang', name: 'present', fixture: { body: page({}) }, outcome: 'PASS', message: /: en\./ },
  { id: 'html-has-lang', name: 'missing', fixture: { body: '<html><head><title>t</title></head></html>' }, outcome: 'FAIL', message: /no lang/ },

  { id: 'viewport', name: 'present', fixture: { body: page({ head: '<meta name="viewport" content="width=device-width, initial-scale=1">' }) }, outcome: 'PASS', message: /width=device-width/ },
  { id: 'viewport', name: 'missing', fixture: { body: page({}) }, outcome: 'FAIL', message: /no <meta name="viewport">/ },
  { id: 'viewport', name: 'LH: neither width nor initial-scale', fixture: { body: page({ head: '<meta name="viewport" content="user-scalable=no">' }) }, outcome: 'FAIL', message: /neither width nor initial-scale/ },

  { id: 'single-h1', name: 'one', fixture: { body: page({ body: '<h1>A</h1>' }) }, outcome: 'PASS', message: /exactly one/ },
  { id: 'single-h1', name: 'none', fixture: { body: page({ body: '<h2>A</h2>' }) }, outcome: 'FAIL', message: /no <h1>/ },
  { id: 'single-h1', name: 'two', fixture: { body: page({ body: '<h1>A</h1><h1>B</h1>' }) }, outcome: 'WARN', message: /2 <h1> elements/ },

  { id: 'heading-order', name: 'in order', fixture: { body: page({ body: '<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>' }) }, outcome: 'PASS', message: /4 headings/ },
  { id: 'heading-order', name: 'skips', fixture: { body: page({ body: '<h1>A</h1><h3>Details</h3>' }) }, outcome: 'WARN', message: /skipped once: h1 → h3 \("Details"\)/ },
  { id: 'heading-order', name: 'no headings', fixture: { body: page({}) }, outcome: 'NOT_APPLICABLE', message: /no headings/ },

  { id: 'title-length', name: 'good', fixture: { body: page({}) }, outcome: 'PASS', message: /18 characters/ },
  { id: 'title-length', name: 'too long', fixture: { body: `<html><head><title>${'x'.repeat(75)}</title></head></html>` }, outcome: 'WARN', message: /75 characters long; search results cut it/ },
  { id: 'title-length', name: 'no title', fixture: { body: '<html></html>' }, outcome: 'NOT_APPLICABLE', message: /no title/ },

  { id: 'description-length', name: 'good', fixture: { body: page({ head: `<meta name="description" content="${'d'.repeat(120)}">` }) }, outcome: 'PASS', message: /120 characters/ },
  { id: 'description-length', name: 'short', fixture: { body: page({ head: '<meta name="description" content="Short.">' }) }, outcome: 'WARN', message: /short \(6 characters\)/ },
  { id: 'description-length', name: 'none', fixture: { body: page({}) }, outcome: 'NOT_APPLICABLE', message: /no meta description/ },

  { id: 'open-graph', name: 'complete', fixture: { body: page({ head: '<meta property="og:title" content="T"><meta property="og:description" content="D"><meta property="og:image" content="https://example.com/i.png">' }) }, outcome: 'PASS', message: /og:title, og:description and og:image/ },
  { id: 'open-graph', name: 'partial', fixture: { body: page({ head: '<meta property="og:title" content="T">' }) }, outcome: 'WARN', message: /og:description, og:image are missing/ },
  { id: 'open-graph', name: 'none', fixture: { body: page({}) }, outcome: 'FAIL', message: /no Open Graph/ },

  { id: 'structured-data-valid', name: 'valid', fixture: { body: page({ head: '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"A"},{"@type":"WebSite"}]}</script>' }) }, outcome: 'PASS', message: /Organization, WebSite/ },
  { id: 'structured-data-valid', name: 'invalid JSON', fixture: { body: page({ head: '<script type="application/ld+json">{"@type": "Organization",}</script>' }) }, outcome: 'FAIL', message: /not valid JSON/ },
  { id: 'structured-data-valid', name: 'no @type', fixture: { body: page({ head: '<script type="application/ld+json">{"name":"A"}</script>' }) }, outcome: 'FAIL', message: /item without @type/ },
  { id: 'structured-data-valid', name: 'none', fixture: { body: page({}) }, outcome: 'NOT_APPLICABLE', message: /no JSON-LD/ },
];

export { longText, robots };
