import type { PageReport } from '../analysis';
import type { PageAnalysis } from '../db/generated/client/client';
import type { Prisma } from '../db/prisma';

/** A PageReport as a PageAnalysis row, and back: the JSON columns hold checks and headings. */
export function toAnalysisRow(targetId: string, report: PageReport) {
  const { scores, headings, checks, aiCrawlerAccess, origin, ...page } = report;
  return {
    targetId,
    ...page,
    headings: headings as object[],
    checks: checks as object[],
    aiCrawlerAccess: aiCrawlerAccess as object[],
    originFindings: origin as object,
    seoScore: scores.seo,
    aeoScore: scores.aeo,
    technicalScore: scores.technical,
    overallScore: scores.overall,
  } satisfies Prisma.PageAnalysisUncheckedCreateInput;
}

export function toReport(row: PageAnalysis): PageReport {
  const {
    targetId: _targetId,
    createdAt: _createdAt,
    seoScore,
    aeoScore,
    technicalScore,
    overallScore,
    headings,
    checks,
    aiCrawlerAccess,
    originFindings,
    ...page
  } = row;
  return {
    ...page,
    headings: headings as unknown as PageReport['headings'],
    checks: checks as unknown as PageReport['checks'],
    aiCrawlerAccess: aiCrawlerAccess as unknown as PageReport['aiCrawlerAccess'],
    origin: originFindings as unknown as PageReport['origin'],
    scores: { seo: seoScore, aeo: aeoScore, technical: technicalScore, overall: overallScore },
  };
}
