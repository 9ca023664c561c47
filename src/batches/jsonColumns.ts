import { z } from 'zod';
import type { AiCrawlerAccess, CheckResult, Heading, OriginFiles, OriginFindings, SiteCheck, SiteIssue, SiteReport } from '../analysis';
import { completeStoredGaps, type ComparisonReport, type StoredGap } from '../comparison';
import type { Prisma } from '../db/prisma';

/*
 * Every JSON column of a batch's rows, each with its one schema: read through it (a value not of
 * that shape is refused, never passed on), written from its type. Nothing else reads or writes
 * these columns' values.
 */

/** A stored JSON value that is not of its column's shape: a bug or a hand edit; logged, masked for clients. */
export class StoredJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoredJsonError';
  }
}

export interface JsonColumn<T> {
  /** `row` names the row in the error, e.g. its id. */
  read(value: unknown, row: string): T;
  write(value: T): Prisma.InputJsonValue;
}

export function column<T>(name: string, schema: z.ZodType<T>): JsonColumn<T> {
  return {
    read(value, row) {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw new StoredJsonError(`${name} of ${row} is not of its column's shape: ${issues.join('; ')}`);
    },
    // The types are plain JSON (see PageReport, ComparisonReport); checked by the compiler, not again at run time.
    write: (value) => value as Prisma.InputJsonValue,
  };
}

const checkCategory = z.enum(['SEO', 'AEO', 'TECHNICAL']);
const targetId = z.uuid();
const targetIds = z.array(targetId);

const heading: z.ZodType<Heading> = z.object({ level: z.int().min(1).max(6), text: z.string() });

const checkResult: z.ZodType<CheckResult> = z.object({
  id: z.string(),
  category: checkCategory,
  outcome: z.enum(['PASS', 'WARN', 'FAIL', 'NOT_APPLICABLE']),
  weight: z.number(),
  message: z.string(),
});

const aiCrawlerAccess: z.ZodType<AiCrawlerAccess> = z.object({
  userAgent: z.string(),
  purpose: z.enum(['search', 'training']),
  allowed: z.boolean(),
});

// Rows analysed before the column existed hold its default, {}: nothing was recorded, so null.
const httpStatus = z.int().nullable().default(null);
const originFindings: z.ZodType<OriginFindings> = z.object({
  robotsTxtStatus: httpStatus,
  llmsTxtStatus: httpStatus,
  sitemapUrl: z.string().nullable().default(null),
  sitemapStatus: httpStatus,
});

export const pageAnalysisJson = {
  headings: column('PageAnalysis.headings', z.array(heading)),
  checks: column('PageAnalysis.checks', z.array(checkResult)),
  aiCrawlerAccess: column('PageAnalysis.aiCrawlerAccess', z.array(aiCrawlerAccess)),
  originFindings: column('PageAnalysis.originFindings', originFindings),
};

const originTextFile = z.object({ url: z.string(), status: z.int(), body: z.string() }).nullable();

export const originFilesJson = {
  files: column<OriginFiles>(
    'OriginFiles.files',
    z.object({ origin: z.string(), robotsTxt: originTextFile, llmsTxt: originTextFile, sitemap: originTextFile }),
  ),
};

const score = z.int().min(0).max(100);

const storedComparison = z.object({
  ranking: z.array(
    z.object({
      rank: z.int().min(1),
      targetId,
      // Comparisons stored before indexability was judged ranked every analysed target as indexable.
      indexable: z.boolean().default(true),
      excludedReason: z.string().nullable().default(null),
      overallScore: score,
      seoScore: score,
      aeoScore: score,
      technicalScore: score,
    }),
  ),
  checks: z.array(
    z.object({
      checkId: z.string(),
      category: checkCategory,
      weight: z.number(),
      passedBy: targetIds,
      warnedBy: targetIds,
      failedBy: targetIds,
      // Only comparisons of sites keep rates; for pages the lists say it all.
      passRates: z.array(z.object({ targetId, rate: z.number().min(0).max(1) })).optional(),
    }),
  ),
  gaps: z.array(
    z.object({
      checkId: z.string(),
      category: checkCategory,
      weight: z.number(),
      subjectOutcome: z.enum(['FAIL', 'WARN']),
      message: z.string(),
      competitors: targetIds,
      priority: z.number(),
      // Absent from comparisons stored before gains were computed: completed below.
      estimatedGain: z.number().optional(),
      pagesAffected: z.int().min(1).optional(),
    }) satisfies z.ZodType<StoredGap>,
  ),
  leaders: z.array(
    z.object({ category: z.enum(['OVERALL', 'SEO', 'AEO', 'TECHNICAL']), score, targetIds }),
  ),
  subject: z.object({ targetId, rank: z.int().min(1).nullable(), analysedCompetitors: z.int().min(0) }).nullable(),
  notAnalysed: z.array(z.object({ targetId, error: z.string() })),
  insights: z.array(
    z.object({
      title: z.string(),
      body: z.string(),
      severity: z.enum(['INFO', 'OPPORTUNITY', 'CRITICAL']),
      source: z.string(),
    }),
  ),
  llmFailure: z.string().nullable(),
});

const comparisonReport: z.ZodType<ComparisonReport> = storedComparison.transform((report) => ({
  ...report,
  gaps: completeStoredGaps(report),
}));

export const comparisonJson = { report: column('Comparison.report', comparisonReport) };

const checkVerdict = z.object({
  category: checkCategory,
  weight: z.number(),
  outcome: z.enum(['PASS', 'WARN', 'FAIL', 'NOT_APPLICABLE']),
  /** The check's finding, cut short: what an alert about it quotes. */
  message: z.string(),
});

/** One brand in one finished run: its scores, rank and check verdicts, or why its site was not analysed. */
const runBrand = z.union([
  z.object({
    url: z.string(),
    rank: z.int().min(1),
    overall: score,
    seo: score,
    aeo: score,
    technical: score,
    /** Per check id, in the order the report lists the checks. */
    checks: z.record(z.string(), checkVerdict),
  }),
  z.object({ url: z.string(), error: z.string() }),
]);

/** What a finished run of a project keeps past its batch, per brand id: what the next run is compared with. */
const runSummary = z.record(z.uuid(), runBrand);

export type RunBrand = z.infer<typeof runBrand>;
export type RunSummary = z.infer<typeof runSummary>;

export const projectRunJson = { summary: column('ProjectRun.summary', runSummary) };

const siteIssue: z.ZodType<SiteIssue> = z.object({
  checkId: z.string(),
  title: z.string(),
  category: checkCategory,
  failingPages: z.int(),
  warningPages: z.int(),
  applicablePages: z.int(),
  examples: z.array(z.string()),
  estimatedGain: z.number(),
  howToFix: z.string(),
});

const siteCheck: z.ZodType<SiteCheck> = z.object({
  checkId: z.string(),
  category: checkCategory,
  weight: z.number(),
  applicablePages: z.int(),
  passingPages: z.int(),
  warningPages: z.int(),
  failingPages: z.int(),
});

const siteReport: z.ZodType<SiteReport> = z.object({
  overallScore: z.int(),
  seoScore: z.int(),
  aeoScore: z.int(),
  technicalScore: z.int(),
  indexablePages: z.int(),
  excludedPages: z.int(),
  issues: z.array(siteIssue),
  checks: z.array(siteCheck),
});

export const siteJson = column('Target.site', siteReport);
