const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** SEO and AEO are acronyms; the rest reads as a word. */
export function categoryLabel(category: string): string {
  return category === 'SEO' || category === 'AEO' ? category : titleCase(category);
}
