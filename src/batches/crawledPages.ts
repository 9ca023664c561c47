import { MAX_ISSUE_EXAMPLES, type SiteCheckCount } from '../analysis';
import type { Queryable } from '../db/prisma';
import { EVENT_CHANNEL } from '../events/channel';

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

/**
 * How each check came out on the site's counted pages (done, indexable, analysed), counted by
 * PostgreSQL: a site of thousands of pages is read as a few dozen rows, not as every page's
 * checks. An origin-level check counts the first page that has it, as reportSite does.
 */
export async function siteCheckCounts(
  db: Queryable,
  targetId: string,
  originLevel: readonly string[],
): Promise<{ counts: SiteCheckCount[]; counted: number; excluded: number }> {
  const [{ rows: counts }, { rows: [pages] }] = await Promise.all([
    db.query<SiteCheckCount>(
      `WITH results AS (
         SELECT p.url, p.position, r.ord, r.item->>'id' AS id, r.item->>'category' AS category,
                (r.item->>'weight')::float8 AS weight, r.item->>'outcome' AS outcome
         FROM "CrawledPage" p, jsonb_array_elements(p.analysis->'checks') WITH ORDINALITY AS r(item, ord)
         WHERE p."targetId" = $1 AND p.status = 'DONE' AND p.indexable AND p.analysis IS NOT NULL
       ), counted AS (
         SELECT * FROM results WHERE NOT (id = ANY($2::text[]))
         UNION ALL
         (SELECT DISTINCT ON (id) * FROM results WHERE id = ANY($2::text[]) ORDER BY id, position)
       )
       SELECT id AS "checkId", min(category) AS category, min(weight) AS weight,
              count(*) FILTER (WHERE outcome <> 'NOT_APPLICABLE')::int AS "applicablePages",
              count(*) FILTER (WHERE outcome = 'FAIL')::int AS "failingPages",
              count(*) FILTER (WHERE outcome = 'WARN')::int AS "warningPages",
              coalesce((array_agg(url ORDER BY position) FILTER (WHERE outcome = 'FAIL'))[1:$3], '{}') AS "failingExamples",
              coalesce((array_agg(url ORDER BY position) FILTER (WHERE outcome = 'WARN'))[1:$3], '{}') AS "warningExamples"
       FROM counted GROUP BY id ORDER BY min(ARRAY[position, ord])`,
      [targetId, originLevel, MAX_ISSUE_EXAMPLES],
    ),
    db.query<{ counted: number; excluded: number }>(
      `SELECT count(*) FILTER (WHERE indexable AND analysis IS NOT NULL)::int AS counted,
              count(*) FILTER (WHERE NOT (indexable AND analysis IS NOT NULL))::int AS excluded
       FROM "CrawledPage" WHERE "targetId" = $1 AND status = 'DONE'`,
      [targetId],
    ),
  ]);
  return { counts, counted: pages!.counted, excluded: pages!.excluded };
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
