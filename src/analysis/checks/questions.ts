import type { PageModel, Section } from '../page/model';

/** A heading asks a question when it ends with a question mark (Latin, CJK full-width) or opens with ¿. */
export function isQuestion(text: string): boolean {
  const trimmed = text.trim();
  return /[?？]$/.test(trimmed) || trimmed.startsWith('¿');
}

/** Sections whose heading asks a question, in page order. */
export function questionHeadings(page: Pick<PageModel, 'sections'>): Section[] {
  return page.sections.filter((section) => isQuestion(section.heading));
}
