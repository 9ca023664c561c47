const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** "45 s", "3 min 5 s", "1 h 12 min": a duration as a person reads it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 60)} h`;
}

/** A share 0..1 as a whole percentage: 0.625 → "63%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An enum value in words: "CHANGE_DETECTED" becomes "Change Detected". */
export function enumWords(value: string): string {
  return value.split('_').map(titleCase).join(' ');
}

export function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** SEO and AEO are acronyms; the rest reads as a word. */
export function categoryLabel(category: string): string {
  return category === 'SEO' || category === 'AEO' ? category : titleCase(category);
}
