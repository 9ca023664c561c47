import type { SiteIssue as SiteIssueShape, SiteReport as SiteReportShape } from '../analysis';
import { siteJson } from '../batches/jsonColumns';
import type { PageAnalysis as PageAnalysisRow } from '../db/generated/client/client';
import { builder } from './builder';
import { CheckCategory } from './enums';
import { HOW_TO_FIX, PageAnalysis } from './pageAnalysis';
import { CONNECTION_PAGE } from './paging';

const SiteIssue = builder.objectRef<SiteIssueShape>('SiteIssue').implement({
  description: "One check that fails or warns on at least one of the site's indexable pages.",
  fields: (t) => ({
    checkId: t.exposeString('checkId'),
    title: t.exposeString('title', { description: 'Plain-language name of the check, e.g. "Images without alt text".' }),
    category: t.expose('category', { type: CheckCategory }),
    failingPages: t.exposeInt('failingPages', { description: 'Origin-level checks (robots.txt, llms.txt, sitemap, AI crawlers) count the site once.' }),
    warningPages: t.exposeInt('warningPages'),
    applicablePages: t.exposeInt('applicablePages'),
    examples: t.exposeStringList('examples', { description: 'Up to 10 affected page URLs, failing ones first.' }),
    estimatedGain: t.exposeFloat('estimatedGain', { description: "Points the site's overallScore would gain if every affected page passed." }),
    howToFix: t.exposeString('howToFix', { description: HOW_TO_FIX }),
  }),
});

const SiteReport = builder.objectRef<SiteReportShape>('SiteReport').implement({
  description: "A crawled site's scores and issues.",
  fields: (t) => ({
    overallScore: t.exposeInt('overallScore', { description: 'Means over indexable pages; origin-level checks (robots, llms.txt, sitemap, AI crawlers) count once.' }),
    seoScore: t.exposeInt('seoScore'),
    aeoScore: t.exposeInt('aeoScore'),
    technicalScore: t.exposeInt('technicalScore'),
    indexablePages: t.exposeInt('indexablePages'),
    excludedPages: t.exposeInt('excludedPages'),
    issues: t.field({ type: [SiteIssue], description: 'One per check that fails or warns on at least one page, the largest estimated gain first.', resolve: (site) => site.issues }),
  }),
});

builder.prismaObject('CrawledPage', {
  description: 'One page of a crawled site.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Normalised: no fragment, default port or tracking parameters; query parameters sorted.' }),
    httpStatus: t.exposeInt('httpStatus', { nullable: true, description: 'Null when the page was not fetched (robots.txt forbids it) or no answer came.' }),
    indexable: t.boolean({
      description: 'False for error statuses, noindex, non-HTML, a canonical pointing elsewhere, a redirect, robots-blocked; false until the page is done.',
      resolve: (page) => page.indexable ?? false,
    }),
    excludedReason: t.exposeString('excludedReason', { nullable: true, description: 'Why the page is not indexable, in words; null when it is.' }),
    depth: t.exposeInt('depth', { description: 'Links followed from the entry URL; pages found in sitemaps are at depth 1.' }),
    analysis: t.field({
      type: PageAnalysis,
      nullable: true,
      resolve: (page) => (page.analysis ? ({ ...(page.analysis as object), createdAt: page.finishedAt } as PageAnalysisRow) : null),
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why the page could not be fetched or analysed.' }),
  }),
});

builder.prismaObjectFields('Target', (t) => ({
  pagesDiscovered: t.int({
    description: "Pages found so far (entry URL, sitemaps, links), capped at the batch's maxPagesPerSite.",
    resolve: (target) => Math.max(1, target.pagesDiscovered),
  }),
  pagesDone: t.exposeInt('pagesDone', { description: 'Pages fetched and analysed or given up on.' }),
  pages: t.relatedConnection(
    'pages',
    {
      cursor: 'id',
      totalCount: true,
      description:
        "The site's pages done so far, entry URL first, then in discovery order; empty for a batch that does not crawl. 50 a page unless first says otherwise; at most 100.",
      defaultSize: 50,
      maxSize: CONNECTION_PAGE.maxSize,
      args: {
        onlyFailing: t.arg.string({
          required: false,
          description: "Only indexable pages that fail this check (by its id), as the site's issues count them; with onlyExcluded: true, excluded ones.",
        }),
        onlyExcluded: t.arg.boolean({ required: false, description: 'Only pages that are not indexable (true) or only those that are (false).' }),
      },
      query: (args) => ({
        where: {
          status: 'DONE' as const,
          ...(args.onlyFailing ? { failingChecks: { has: args.onlyFailing }, indexable: true } : {}),
          ...(args.onlyExcluded != null ? { indexable: !args.onlyExcluded } : {}),
        },
        orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }],
      }),
    },
    { name: 'CrawledPageConnection' },
    { name: 'CrawledPageEdge' },
  ),
  site: t.field({
    type: SiteReport,
    nullable: true,
    description: 'Aggregates over the indexable pages of a crawled site; null until the target is finished, and for a batch that does not crawl.',
    resolve: async (target, _args, ctx) => {
      // A target that came with an event lacks its site report (see vantage_announce_batch_change).
      const site =
        target.site !== undefined ? target.site : (await ctx.prisma.target.findUnique({ where: { id: target.id }, select: { site: true } }))?.site;
      return site == null ? null : siteJson.read(site, `target ${target.id}`);
    },
  }),
}));
