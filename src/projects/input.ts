import { quoted, UserError } from '../errors';
import { readDomain } from './domains';
import { validateSchedule, type ScheduleInput, type ValidSchedule } from './schedule';

export interface BrandInput {
  name: string;
  aliases?: readonly string[] | null;
  domains: readonly string[];
}

export interface ValidBrand {
  name: string;
  aliases: string[];
  domains: string[];
}

export interface CreateProjectInput {
  name: string;
  brand: BrandInput;
  competitors: readonly BrandInput[];
  market?: string | null;
  language?: string | null;
  prompts?: readonly string[] | null;
  maxPagesPerSite?: number | null;
  schedule?: ScheduleInput | null;
}

/** Absent: unchanged. Null: cleared where the field may be empty (market, schedule), refused elsewhere. */
export type UpdateProjectInput = { [Field in keyof CreateProjectInput]?: CreateProjectInput[Field] | null };

/** What the server's settings allow. */
export interface ProjectRules {
  maxPagesPerSite: number;
  /** CRAWL_ALLOW_PRIVATE: IP addresses may stand for a brand's site. */
  allowIpAddresses: boolean;
}

export type ValidScheduleAt = ValidSchedule & { nextRunAt: Date };

export interface ValidProject {
  name: string;
  /** The project's own brand first, then the competitors. */
  brands: ValidBrand[];
  market: string | null;
  language: string;
  prompts: string[];
  maxPagesPerSite: number;
  schedule: ValidScheduleAt | null;
}

const MAX_NAME_LENGTH = 100;
const MAX_MARKET_LENGTH = 200;
const MAX_PROMPT_LENGTH = 500;
const MAX_LANGUAGE_LENGTH = 35;
const MIN_COMPETITORS = 1;
const DEFAULT_LANGUAGE = 'en';

/** The most entries of a project's lists (the query cost estimate counts them). */
export const PROJECT_LISTS = { aliases: 20, domains: 20, competitors: 10, prompts: 100 } as const;
const { aliases: MAX_ALIASES, domains: MAX_DOMAINS, competitors: MAX_COMPETITORS, prompts: MAX_PROMPTS } = PROJECT_LISTS;

const refuse = (field: string, message: string) => new UserError('BAD_USER_INPUT', message, { field });

/** The text trimmed: non-empty, at most `max` characters, no control characters (PostgreSQL text cannot hold NUL). */
function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw refuse(field, `${field} must not be empty.`);
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw refuse(field, `${field} must not contain control characters.`);
  if (trimmed.length > max) throw refuse(field, `${field} is longer than ${max} characters.`);
  return trimmed;
}

/** Each entry as `text` makes it, at most `max` of them, none twice (ignoring case). */
function textList(field: string, values: readonly string[], maxEntries: number, maxLength: number): string[] {
  if (values.length > maxEntries) throw refuse(field, `${field} may have at most ${maxEntries} entries; got ${values.length}.`);
  const seen = new Set<string>();
  return values.map((value, index) => {
    const entry = text(`${field}[${index}]`, value, maxLength);
    if (seen.has(entry.toLowerCase())) throw refuse(`${field}[${index}]`, `${field}[${index}] "${quoted(entry)}" is given twice.`);
    seen.add(entry.toLowerCase());
    return entry;
  });
}

function brand(field: string, input: BrandInput, rules: ProjectRules): ValidBrand {
  const name = text(`${field}.name`, input.name, MAX_NAME_LENGTH);
  const aliases = textList(`${field}.aliases`, input.aliases ?? [], MAX_ALIASES, MAX_NAME_LENGTH);
  if (input.domains.length === 0) throw refuse(`${field}.domains`, `${field}.domains needs at least one domain: the site audited.`);
  if (input.domains.length > MAX_DOMAINS) {
    throw refuse(`${field}.domains`, `${field}.domains may have at most ${MAX_DOMAINS} entries; got ${input.domains.length}.`);
  }
  const domains = input.domains.map((raw, index) => {
    const reading = readDomain(raw, rules.allowIpAddresses);
    if ('problem' in reading) throw refuse(`${field}.domains[${index}]`, `${field}.domains[${index}] "${quoted(raw)}" ${reading.problem}.`);
    return reading.domain;
  });
  return { name, aliases, domains };
}

function competitors(inputs: readonly BrandInput[], rules: ProjectRules): ValidBrand[] {
  if (inputs.length < MIN_COMPETITORS || inputs.length > MAX_COMPETITORS) {
    throw refuse('competitors', `Give ${MIN_COMPETITORS} to ${MAX_COMPETITORS} competitors; got ${inputs.length}.`);
  }
  return inputs.map((input, index) => brand(`competitors[${index}]`, input, rules));
}

/** Where a brand of `brands` (own brand first) came from in the input. */
const brandField = (position: number) => (position === 0 ? 'brand' : `competitors[${position - 1}]`);

/** No domain may belong to two brands, or twice to one: a site is audited once per run. */
function assertDistinctDomains(brands: readonly ValidBrand[]): void {
  const owner = new Map<string, string>();
  brands.forEach((each, position) =>
    each.domains.forEach((domain, index) => {
      const field = `${brandField(position)}.domains[${index}]`;
      const earlier = owner.get(domain);
      if (earlier) throw refuse(field, `${field} is ${domain}, which ${earlier} already names.`);
      owner.set(domain, field);
    }),
  );
}

function market(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : text('market', value, MAX_MARKET_LENGTH);
}

function language(value: string): string {
  const tag = text('language', value, MAX_LANGUAGE_LENGTH);
  try {
    return Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    throw refuse('language', `language "${quoted(tag)}" is not a BCP 47 tag such as "en" or "de-CH".`);
  }
}

function prompts(values: readonly string[]): string[] {
  return textList('prompts', values, MAX_PROMPTS, MAX_PROMPT_LENGTH);
}

function maxPagesPerSite(value: number, rules: ProjectRules): number {
  if (value < 1 || value > rules.maxPagesPerSite) {
    throw refuse('maxPagesPerSite', `maxPagesPerSite must be 1 to ${rules.maxPagesPerSite}; got ${value}.`);
  }
  return value;
}

/** Checks everything before anything is written; the first problem is the error. */
export function validateProjectInput(input: CreateProjectInput, rules: ProjectRules, now: Date): ValidProject {
  const name = text('name', input.name, MAX_NAME_LENGTH);
  const brands = [brand('brand', input.brand, rules), ...competitors(input.competitors, rules)];
  assertDistinctDomains(brands);
  return {
    name,
    brands,
    market: market(input.market),
    language: language(input.language ?? DEFAULT_LANGUAGE),
    prompts: prompts(input.prompts ?? []),
    maxPagesPerSite: maxPagesPerSite(input.maxPagesPerSite ?? 1, rules),
    schedule: input.schedule ? validateSchedule(input.schedule, now) : null,
  };
}

/** A field that has no empty value, given as null: refused, since leaving it out keeps it. */
function present<T>(field: string, value: T | null): T {
  if (value === null) throw refuse(field, `${field} cannot be null; leave it out to keep it as it is.`);
  return value;
}

/**
 * The changes an update makes, checked like a new project's. `brands` is the whole new list
 * when the brand or the competitors change (checked against the ones kept); `schedule` is
 * null to remove it and absent to keep it.
 */
export function validateProjectUpdate(
  input: UpdateProjectInput,
  current: { brands: readonly ValidBrand[] },
  rules: ProjectRules,
  now: Date,
): Partial<ValidProject> {
  const changes: Partial<ValidProject> = {};
  if (input.name !== undefined) changes.name = text('name', present('name', input.name), MAX_NAME_LENGTH);
  if (input.brand !== undefined || input.competitors !== undefined) {
    const own = input.brand === undefined ? current.brands[0]! : brand('brand', present('brand', input.brand), rules);
    const others =
      input.competitors === undefined ? current.brands.slice(1) : competitors(present('competitors', input.competitors), rules);
    changes.brands = [own, ...others];
    assertDistinctDomains(changes.brands);
  }
  if (input.market !== undefined) changes.market = market(input.market);
  if (input.language !== undefined) changes.language = language(present('language', input.language));
  if (input.prompts !== undefined) changes.prompts = prompts(present('prompts', input.prompts));
  if (input.maxPagesPerSite !== undefined) {
    changes.maxPagesPerSite = maxPagesPerSite(present('maxPagesPerSite', input.maxPagesPerSite), rules);
  }
  if (input.schedule !== undefined) changes.schedule = input.schedule && validateSchedule(input.schedule, now);
  return changes;
}
