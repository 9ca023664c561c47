import type { PageReport } from '../analysis';
import type { ComparedTarget } from '../comparison';
import type { PageAnalysis, Target } from '../db/generated/client/client';
import type { Prisma } from '../db/prisma';
import { pageAnalysisJson, siteJson } from './jsonColumns';

/** A PageReport as a PageAnalysis row, and back: the JSON columns hold checks and headings. */
export function toAnalysisRow(targetId: string, report: PageReport) {
  const { scores, headings, checks, aiCrawlerAccess, origin, ...page } = report;
  return {
    targetId,
    ...page,
    headings: pageAnalysisJson.headings.write(headings),
    checks: pageAnalysisJson.checks.write(checks),
    aiCrawlerAccess: pageAnalysisJson.aiCrawlerAccess.write(aiCrawlerAccess),
    originFindings: pageAnalysisJson.originFindings.write(origin),
    seoScore: scores.seo,
    aeoScore: scores.aeo,
    technicalScore: scores.technical,
    overallScore: scores.overall,
  } satisfies Prisma.PageAnalysisUncheckedCreateInput;
}

/** Throws StoredJsonError when a JSON column is not of its shape. */
export function toReport(row: PageAnalysis): PageReport {
  const {
    targetId,
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
    headings: pageAnalysisJson.headings.read(headings, `target ${targetId}`),
    checks: pageAnalysisJson.checks.read(checks, `target ${targetId}`),
    aiCrawlerAccess: pageAnalysisJson.aiCrawlerAccess.read(aiCrawlerAccess, `target ${targetId}`),
    origin: pageAnalysisJson.originFindings.read(originFindings, `target ${targetId}`),
    scores: { seo: seoScore, aeo: aeoScore, technical: technicalScore, overall: overallScore },
  };
}

/**
 * A target as the comparison reads it: its (entry page's) report when it was analysed, and its
 * site report when the batch crawled it, which makes the comparison compare sites.
 */
export function toComparedTarget(target: Target & { analysis: PageAnalysis | null }): ComparedTarget {
  return {
    targetId: target.id,
    url: target.url,
    isSubject: target.isSubject,
    report: target.analysis ? toReport(target.analysis) : null,
    ...(target.site == null ? {} : { site: siteJson.read(target.site, `target ${target.id}`) }),
    error: target.error,
  };
}
