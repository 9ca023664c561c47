import { Parser } from 'htmlparser2';
import type { Heading } from './types';

/** What the checks read of a page: parsed once, plain data. */
export interface PageModel {
  url: string;
  status: number;
  headers: Record<string, string>;
  title: string | null;
  metaDescription: string | null;
  canonical: string | null;
  lang: string | null;
  headings: Heading[];
  wordCount: number;
}

const SKIPPED_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

export function parsePage(url: string, status: number, headers: Record<string, string>, html: string): PageModel {
  const model: PageModel = {
    url, status, headers,
    title: null, metaDescription: null, canonical: null, lang: null,
    headings: [], wordCount: 0,
  };
  const open: string[] = [];
  let text = '';
  let titleText: string | null = null;
  let headingText: { level: number; text: string } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        if (name === 'html' && attributes.lang !== undefined) model.lang = attributes.lang.trim() || null;
        if (name === 'title' && titleText === null && model.title === null) titleText = '';
        if (name === 'meta' && attributes.name?.toLowerCase() === 'description' && model.metaDescription === null) {
          model.metaDescription = attributes.content?.trim() ?? '';
        }
        if (name === 'link' && attributes.rel?.toLowerCase().split(/\s+/).includes('canonical') && model.canonical === null) {
          model.canonical = attributes.href?.trim() ?? '';
        }
        const level = /^h([1-6])$/.exec(name)?.[1];
        if (level) headingText = { level: Number(level), text: '' };
      },
      ontext(data) {
        if (titleText !== null && open.at(-1) === 'title') titleText += data;
        if (headingText) headingText.text += data;
        if (!open.some((tag) => SKIPPED_TEXT.has(tag) || tag === 'title')) text += data;
      },
      onclosetag(name) {
        open.pop();
        if (name === 'title' && titleText !== null) {
          model.title = collapse(titleText);
          titleText = null;
        }
        if (headingText && name === `h${headingText.level}`) {
          model.headings.push({ level: headingText.level, text: collapse(headingText.text) });
          headingText = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  model.wordCount = text.split(/\s+/).filter(Boolean).length;
  return model;
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
