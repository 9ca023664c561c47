import type { Anchor, ImageTag } from '../page/model';
import { fail, notApplicable, pass, plural, sample, truncate, type Check } from './check';
import { GENERIC_LINK_TEXTS } from './genericLinkTexts';

function isFullUrl(text: string): boolean {
  // canParse first: a thrown TypeError per ordinary link text is costly on large pages.
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

function isGeneric(text: string, lang: string): boolean {
  const phrase = text.toLowerCase();
  // Lighthouse uses the link's language when known, otherwise every language's list.
  const language = lang.split('-')[0]!.toLowerCase();
  if (language) return GENERIC_LINK_TEXTS[language]?.has(phrase) ?? false;
  return Object.values(GENERIC_LINK_TEXTS).some((phrases) => phrases.has(phrase));
}

function hasNonDescriptiveText(anchor: Anchor, pageUrl: string): boolean {
  const { target } = anchor;
  if (!target || anchor.rel.split(/\s+/).includes('nofollow')) return false;
  if (target.protocol === 'javascript:' || target.protocol === 'mailto:') return false;
  // In-page anchors ("#top") are not judged.
  if (withoutFragment(target.href) === pageUrl) return false;
  const text = anchor.text.trim();
  if (!text) return false;
  return isFullUrl(text) || isGeneric(text, anchor.lang);
}

const linkText: Check = {
  id: 'link-text',
  category: 'SEO',
  weight: 1,
  title: 'Descriptive link text',
  howToFix: 'Replace generic link texts such as "click here" or "read more" (and bare URLs) with words that say where the link goes.',
  evaluate(page) {
    const pageUrl = withoutFragment(page.url);
    const failing = page.anchors.filter((anchor) => hasNonDescriptiveText(anchor, pageUrl));
    if (failing.length === 0) return pass('Links have descriptive text.');
    const examples = failing.map((anchor) => `"${truncate(anchor.text, 40)}" → ${anchor.rawHref}`);
    return fail(`${plural(failing.length, 'link')} ${failing.length === 1 ? 'has' : 'have'} non-descriptive text: ${sample(examples)}.`);
  },
};

/** Attributes that only make sense on a link with an href. */
const HREF_ATTRIBUTES = ['target', 'download', 'ping', 'rel', 'hreflang', 'type', 'referrerpolicy'];
const JAVASCRIPT_VOID = /javascript:void(\(|)0(\)|)/;

/** Lighthouse's crawlable-anchors rules, in its order. */
function isUncrawlable(anchor: Anchor): boolean {
  const rawHref = (anchor.rawHref ?? '').replace(/\s/g, '');
  if (anchor.role.trim()) return false;
  if (rawHref.startsWith('mailto:')) return false;
  if (rawHref === '' && anchor.id) return false;
  if (rawHref.startsWith('file:')) return true;
  if (anchor.name.trim()) return false;
  const isPlaceholder =
    !anchor.attributeNames.includes('href') &&
    !HREF_ATTRIBUTES.some((attribute) => anchor.attributeNames.includes(attribute)) &&
    ['page', 'location'].includes(anchor.ariaCurrent);
  if (isPlaceholder) return false;
  if (anchor.rawHref === null) return true;
  if (JAVASCRIPT_VOID.test(rawHref)) return true;
  return anchor.target === null;
}

const crawlableAnchors: Check = {
  id: 'crawlable-anchors',
  category: 'SEO',
  weight: 1,
  title: 'Crawlable links',
  howToFix: 'Give every link a real URL in href (not javascript:void(0) or a missing href); use a <button> for actions that are not links.',
  evaluate(page) {
    const failing = page.anchors.filter(isUncrawlable);
    if (failing.length === 0) return pass(`All ${plural(page.anchors.length, 'link')} can be followed by crawlers.`);
    const examples = failing.map((anchor) =>
      anchor.rawHref === null ? `<a> "${truncate(anchor.text, 30)}" without href` : `href="${truncate(anchor.rawHref, 50)}"`,
    );
    return fail(`${plural(failing.length, 'link')} cannot be followed by crawlers: ${sample(examples)}.`);
  },
};

/** axe's image-alt: an alt attribute (not just spaces), an ARIA label or labelling text, a title, or a presentational role. */
function hasTextAlternative(image: ImageTag): boolean {
  if (image.role === 'none' || image.role === 'presentation') return true;
  if (image.alt !== null && (image.alt === '' || image.alt.trim() !== '')) return true;
  return Boolean(image.ariaLabel.trim() || image.ariaLabelledby.trim() || image.title.trim());
}

const imageAlt: Check = {
  id: 'image-alt',
  category: 'SEO',
  weight: 1,
  title: 'Image alt text',
  added: 'alt text to its images',
  howToFix: 'Give every meaningful image an alt attribute that describes it; give decorative images alt="".',
  evaluate({ images }) {
    const relevant = images.filter((image) => !image.hidden);
    if (relevant.length === 0) return notApplicable('The page has no images.');
    const missing = relevant.filter((image) => !hasTextAlternative(image));
    if (missing.length === 0) return pass(`All ${plural(relevant.length, 'image')} have alt text.`);
    return fail(
      `${missing.length} of ${plural(relevant.length, 'image')} have no alt text: ${sample(missing.map((image) => image.src || '(no src)'))}.`,
    );
  },
};

export const seoLinkChecks: readonly Check[] = [linkText, crawlableAnchors, imageAlt];
