import { inSentence } from '#shared/format';
import { describeCheck } from '../../../analysis';

/** A check as a sentence names it: "image alt text", "llms.txt". */
export function checkName(checkId: string): string {
  return inSentence(describeCheck(checkId).title);
}

/** "3 competitors", "1 competitor". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "2 of 3 competitors", "1 of 1 competitor". */
export function countOf(count: number, total: number, noun: string): string {
  return `${count} of ${plural(total, noun)}`;
}

/** The verb form that agrees with a count: "1 passes", "2 pass". */
export function agree(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm;
}

/** An error message set inside a sentence, without its own closing full stop. */
export function clause(message: string): string {
  return message.replace(/\.\s*$/, '');
}

/**
 * A finding quoted inside a sentence that goes on or ends after it: its own full stop and any
 * quotation marks it already has are dropped, so no “…”. or “"…"” appears.
 */
export function quoted(message: string | null): string {
  if (message === null) return '(no finding recorded)';
  const bare = clause(message.trim());
  const unwrapped = /^["“'‘](.*)["”'’]$/s.exec(bare)?.[1] ?? bare;
  return `“${clause(unwrapped)}”`;
}


/** A competitor as a count names it: "competitor", or "competitor site" when sites are compared. */
export function competitorNoun(sites: boolean): string {
  return sites ? 'competitor site' : 'competitor';
}

/** Where a site passes a check for the comparison's lists: on every page where it applies. */
export function everywhere(sites: boolean): string {
  return sites ? ' on every page' : '';
}

/** A share of pages: "40 %", "0 %". */
export function percent(rate: number): string {
  return `${Math.round(100 * rate)} %`;
}
