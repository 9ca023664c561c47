/**
 * What a person calls each check in an alert ("Rival Shoes added FAQ schema"): a noun, and for
 * checks whose passing means something was put on the site, what was added. Ids the table does
 * not know (a check added later) are shown as they are.
 */
export const TITLES: Readonly<Record<string, { title: string; added?: string }>> = {
  'ai-crawler-access': { title: 'answer-engine crawler access' },
  'llms-txt': { title: 'llms.txt', added: 'a complete llms.txt' },
  'question-headings': { title: 'question headings', added: 'question headings' },
  'concise-answers': { title: 'concise answers', added: 'concise answers under its question headings' },
  citations: { title: 'citations', added: 'citations of other sites' },
  statistics: { title: 'statistics', added: 'statistics' },
  quotations: { title: 'quotations', added: 'attributed quotations' },
  'content-depth': { title: 'content depth' },
  freshness: { title: 'freshness', added: 'a recent date' },
  authorship: { title: 'authorship', added: 'an author' },
  'document-title': { title: 'page title', added: 'a page title' },
  'meta-description': { title: 'meta description', added: 'a meta description' },
  'title-length': { title: 'title length' },
  'description-length': { title: 'description length' },
  'html-has-lang': { title: 'page language', added: 'the page language' },
  viewport: { title: 'mobile viewport', added: 'a mobile viewport' },
  'single-h1': { title: 'single H1' },
  'heading-order': { title: 'heading order' },
  'open-graph': { title: 'Open Graph tags', added: 'Open Graph tags' },
  'is-crawlable': { title: 'indexability' },
  'http-status-code': { title: 'HTTP status' },
  'robots-txt': { title: 'robots.txt' },
  canonical: { title: 'canonical link' },
  hreflang: { title: 'hreflang links' },
  'link-text': { title: 'descriptive link text' },
  'crawlable-anchors': { title: 'crawlable links' },
  'image-alt': { title: 'image alt text', added: 'alt text to its images' },
  'structured-data-valid': { title: 'valid structured data' },
  'entity-schema': { title: 'entity schema', added: 'entity schema' },
  'faq-schema': { title: 'FAQ schema', added: 'FAQ schema' },
  https: { title: 'HTTPS' },
  'response-time': { title: 'response time' },
  'page-weight': { title: 'page weight' },
  compression: { title: 'compression', added: 'compression' },
  'redirect-chain': { title: 'redirect chain' },
  sitemap: { title: 'sitemap', added: 'a sitemap' },
};

export function checkTitle(checkId: string): { title: string; added?: string } {
  return TITLES[checkId] ?? { title: checkId };
}
