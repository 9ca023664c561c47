import type { CheckResult } from '../analysis';
import type { Queryable } from '../db/prisma';
import { EVENT_CHANNEL } from '../events/channel';
import { pageAnalysisJson } from './jsonColumns';

// A crawl's frontier and results are its CrawledPage rows, so any worker can resume a crawl
// whose worker died: it loses only the pages that worker had in hand. Each statement here
// runs once per handful of pages, on the pool directly like the target transitions.

export interface ClaimedPage {
  id: string;
  url: string;
  depth: number;
  position: number;
}

/** A fetched (or skipped) page as stored; `analysis` is a PageAnalysis row as JSON. */
export interface CrawledPageResult {
  id: string;
  httpStatus: number | null;
  indexable: boolean;
  excludedReason: string | null;
  error: string | null;
  analysis: object | null;
  failingChecks: string[];
}

export interface FoundPage {
  url: string;
  depth: number;
}

/** Pages a run left in hand when it died (or lost its claim) go back to the frontier. */
export async function releaseStrandedPages(db: Queryable, targetId: string): Promise<void> {
  await db.query(`UPDATE "CrawledPage" SET status = 'QUEUED', claim = NULL WHERE "targetId" = $1 AND status = 'FETCHING'`, [targetId]);
}

export async function hasCrawledPages(db: Queryable, targetId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM "CrawledPage" WHERE "targetId" = $1 LIMIT 1`, [targetId]);
  return rows.length > 0;
}

/** Takes up to `limit` queued pages for the run `claim`, shallowest first (breadth-first), in discovery order. */
export async function claimPages(db: Queryable, targetId: string, claim: string, limit: number): Promise<ClaimedPage[]> {
  const { rows } = await db.query<ClaimedPage>(
    `UPDATE "CrawledPage" SET status = 'FETCHING', claim = $2
      WHERE id IN (SELECT id FROM "CrawledPage" WHERE "targetId" = $1 AND status = 'QUEUED'
        ORDER BY depth, position LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, url, depth, position`,
    [targetId, claim, limit],
  );
  return rows.sort((a, b) => a.depth - b.depth || a.position - b.position);
}

/** See vantage_store_crawled_pages.sql: results of pages still in hand of `claim`, and new pages up to `maxPages`. */
export async function storeCrawledPages(
  db: Queryable,
  crawl: { targetId: string; claim: string; maxPages: number },
  results: CrawledPageResult[],
  found: FoundPage[],
): Promise<{ stored: number; discovered: number }> {
  const { rows } = await db.query<{ stored: number; discovered: number }>(
    `SELECT stored, discovered FROM "vantage_store_crawled_pages"($1, $2, $3, $4::jsonb, $5::jsonb, $6)`,
    [EVENT_CHANNEL, crawl.targetId, crawl.claim, JSON.stringify(results), JSON.stringify(found), crawl.maxPages],
  );
  return rows[0]!;
}

/** Pages not done yet: queued, or in hand of some run. */
export async function unfinishedPages(db: Queryable, targetId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "CrawledPage" WHERE "targetId" = $1 AND status <> 'DONE'`,
    [targetId],
  );
  return rows[0]!.count;
}

export interface DonePage {
  url: string;
  position: number;
  indexable: boolean;
  error: string | null;
  excludedReason: string | null;
  checks: CheckResult[] | null;
}

/** Up to `limit` done pages of the site after `afterPosition`, with their checks, in discovery order: what the site's report is made of. */
export async function donePages(db: Queryable, targetId: string, afterPosition: number, limit: number): Promise<DonePage[]> {
  const { rows } = await db.query<DonePage & { checks: unknown }>(
    `SELECT url, position, coalesce(indexable, false) AS indexable, error, "excludedReason", analysis->'checks' AS checks
      FROM "CrawledPage" WHERE "targetId" = $1 AND status = 'DONE' AND position > $2 ORDER BY position LIMIT $3`,
    [targetId, afterPosition, limit],
  );
  return rows.map((row) => ({ ...row, checks: row.checks === null ? null : pageAnalysisJson.checks.read(row.checks, `crawled page ${row.url}`) }));
}

export async function storeSiteReport(db: Queryable, targetId: string, site: unknown): Promise<void> {
  await db.query(`UPDATE "Target" SET site = $2::jsonb WHERE id = $1`, [targetId, JSON.stringify(site)]);
}

/** The stored analysis (a PageAnalysis row as JSON) of the site's entry page, if it was analysed. */
export async function entryPage(db: Queryable, targetId: string): Promise<{ analysis: object | null; error: string | null; excludedReason: string | null } | null> {
  const { rows } = await db.query<{ analysis: object | null; error: string | null; excludedReason: string | null }>(
    `SELECT analysis, error, "excludedReason" FROM "CrawledPage" WHERE "targetId" = $1 AND position = 0`,
    [targetId],
  );
  return rows[0] ?? null;
}
