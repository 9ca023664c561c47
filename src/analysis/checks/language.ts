const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** An ISO 639 language subtag that ICU knows by name (as axe's list of valid languages). */
export function isKnownLanguage(subtag: string): boolean {
  if (!/^[a-z]{2,3}$/i.test(subtag)) return false;
  return LANGUAGE_NAMES.of(subtag.toLowerCase()) !== undefined;
}
