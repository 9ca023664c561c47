import axe from 'axe-core';

/**
 * axe-core's list of registered, not deprecated ISO 639 language subtags (IANA registry), which
 * Lighthouse's hreflang audit uses (third-party/axe/valid-langs.js): `de` is valid, `deu` is
 * not, as its registered two-letter form is the one to use. Not in axe-core's typings.
 */
export const isValidLanguage: (subtag: string) => boolean = (axe.utils as unknown as { isValidLang(lang: string): boolean })
  .isValidLang;
