import type { SiteReportFieldsFragment } from '../../gql/graphql';

export interface Filters {
  /** A check id, or '' for every page. */
  onlyFailing: string;
  onlyExcluded: boolean;
}

/** Narrows a site's pages to those failing one of its issues' checks, or to the pages left out of its scores. */
export function PageFilters({
  issues,
  filters,
  onChange,
}: {
  issues: SiteReportFieldsFragment['issues'];
  filters: Filters;
  onChange(next: Filters): void;
}) {
  return (
    <div class="site-filters">
      <div class="field">
        <label for="only-failing">Failing check</label>
        <select id="only-failing" value={filters.onlyFailing} onChange={(event) => onChange({ ...filters, onlyFailing: event.currentTarget.value })}>
          <option value="">Any page</option>
          {issues.map((issue) => (
            <option key={issue.checkId} value={issue.checkId}>
              {issue.title} ({issue.checkId})
            </option>
          ))}
        </select>
      </div>
      <label class="check-label">
        <input type="checkbox" checked={filters.onlyExcluded} onChange={(event) => onChange({ ...filters, onlyExcluded: event.currentTarget.checked })} />
        Excluded pages only
      </label>
    </div>
  );
}
