import type { CreateProjectInput, ProjectFormFieldsFragment, RunKind } from '../../gql/graphql';
import { GraphQLRequestError } from '#shared/transport';

/** A brand as the form holds it: lists as the text typed, split on submit. */
export interface BrandDraft {
  key: number;
  name: string;
  aliases: string;
  domains: string;
}

export interface ProjectDraft {
  name: string;
  brand: BrandDraft;
  competitors: BrandDraft[];
  market: string;
  language: string;
  prompts: string;
  maxPagesPerSite: string;
  scheduled: boolean;
  cron: string;
  timezone: string;
  runs: RunKind[];
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function emptyBrand(key: number): BrandDraft {
  return { key, name: '', aliases: '', domains: '' };
}

export function newDraft(): ProjectDraft {
  return {
    name: '',
    brand: emptyBrand(0),
    competitors: [emptyBrand(1)],
    market: '',
    language: 'en',
    prompts: '',
    maxPagesPerSite: '1',
    scheduled: false,
    cron: '0 6 * * 1',
    timezone: browserZone(),
    runs: ['SITE_AUDIT'],
  };
}

export function draftOf(project: ProjectFormFieldsFragment): ProjectDraft {
  const brand = (each: ProjectFormFieldsFragment['brand'], key: number): BrandDraft => ({
    key,
    name: each.name,
    aliases: each.aliases.join(', '),
    domains: each.domains.join(', '),
  });
  return {
    name: project.name,
    brand: brand(project.brand, 0),
    competitors: project.competitors.map((each, index) => brand(each, index + 1)),
    market: project.market ?? '',
    language: project.language,
    prompts: project.prompts.join('\n'),
    maxPagesPerSite: String(project.maxPagesPerSite),
    scheduled: project.schedule !== null,
    cron: project.schedule?.cron ?? '0 6 * * 1',
    timezone: project.schedule?.timezone ?? browserZone(),
    runs: project.schedule?.runs ?? ['SITE_AUDIT'],
  };
}

const commaList = (text: string) => text.split(',').map((entry) => entry.trim()).filter(Boolean);

/**
 * The whole project as the API takes it, for create and update alike. Every competitor row is
 * sent, empty ones too, so that the server's field names (`competitors[2].name`) are the rows
 * the user sees; the server, not the form, decides what is valid.
 */
export function inputOf(draft: ProjectDraft): CreateProjectInput {
  const brand = (each: BrandDraft) => ({ name: each.name, aliases: commaList(each.aliases), domains: commaList(each.domains) });
  const pages = Number(draft.maxPagesPerSite);
  return {
    name: draft.name,
    brand: brand(draft.brand),
    competitors: draft.competitors.map(brand),
    market: draft.market.trim() || null,
    language: draft.language.trim() || 'en',
    prompts: draft.prompts.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    maxPagesPerSite: Number.isInteger(pages) ? pages : 0,
    schedule: draft.scheduled ? { cron: draft.cron, timezone: draft.timezone, runs: draft.runs } : null,
  };
}

/**
 * The form control a server field names. Lists typed in one box (`brand.domains[1]`,
 * `prompts[3]`) are shown on that box.
 */
export const controlOf = (field: string) => field.replace(/\[\d+\]$/, '');

/** DOM id of the control for a field path, e.g. `competitors[0].name` → `project-competitors-0-name`. */
export const controlId = (control: string) => `project-${control.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

/** BAD_USER_INPUT errors by the control they name; anything else is the form's own error. */
export function fieldErrors(error: unknown): { byControl: Map<string, string>; general: string[] } {
  const byControl = new Map<string, string>();
  const general: string[] = [];
  if (!(error instanceof GraphQLRequestError)) {
    general.push(error instanceof Error ? error.message : String(error));
    return { byControl, general };
  }
  for (const each of error.errors) {
    const field = each.extensions?.code === 'BAD_USER_INPUT' ? each.extensions.field : undefined;
    if (typeof field === 'string') byControl.set(controlOf(field), each.message);
    else general.push(each.message);
  }
  return { byControl, general };
}
