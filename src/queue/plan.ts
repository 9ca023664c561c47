import { randomUUID } from 'node:crypto';
import type { Config } from '../config';

export interface AnalyzeJobPlan {
  targetsPerJob: number;
  maxFetchesPerHost: number;
  /** The longest one page may take; a job may stay active this long for each of its targets. */
  expireSecondsPerTarget: number;
}

/** pg-boss refuses longer expirations. */
const MAX_EXPIRE_SECONDS = 24 * 3600;
/** Per page, for the waits no setting bounds: a host slot another worker holds, the database. */
const UNTIMED_SECONDS_PER_TARGET = 60;

/**
 * A job expires (and pg-boss hands it to another worker) only after its pages' worst case, so
 * a page still being fetched or analysed is never run twice while its worker lives; a worker
 * that dies is noticed by its stopped heartbeat instead, within seconds. The worst case of a
 * page: its origin files (robots.txt and llms.txt at once, then the sitemap) and the page itself,
 * each hop of each using the connect, headers and body timeouts in full, then the analysis's
 * time limit.
 */
export function analyzeJobPlan(config: Config): AnalyzeJobPlan {
  const { timeoutMs, maxRedirects } = config.crawl;
  const fetchMs = (maxRedirects + 1) * 3 * timeoutMs;
  const pageMs = 3 * fetchMs + config.analysisTimeoutMs;
  return {
    targetsPerJob: config.targetsPerJob,
    maxFetchesPerHost: config.maxFetchesPerHost,
    expireSecondsPerTarget: Math.min(Math.ceil(pageMs / 1000) + UNTIMED_SECONDS_PER_TARGET, MAX_EXPIRE_SECONDS),
  };
}

export interface AnalyzeJob {
  jobId: string;
  host: string;
  targetIds: string[];
  expireInSeconds: number;
}

/**
 * A job's targets share one host and are analysed one after another (the job's group is its
 * host). Each host's targets are dealt round-robin over enough jobs to keep as many of its
 * pages in flight as the per-host limit allows, each holding at most `targetsPerJob`: a queue
 * job costs about as much CPU as analysing a page, so a batch with many pages per host runs a
 * fraction of the jobs. A crawled target is a site of up to `pagesPerTarget` pages.
 */
export function planAnalyzeJobs(targets: { id: string; url: string }[], plan: AnalyzeJobPlan, pagesPerTarget = 1): AnalyzeJob[] {
  const byHost = Map.groupBy(targets, (target) => new URL(target.url).host);
  return [...byHost].flatMap(([host, ofHost]) => {
    const count = Math.max(Math.ceil(ofHost.length / plan.targetsPerJob), Math.min(ofHost.length, plan.maxFetchesPerHost));
    return Array.from({ length: count }, (_, job) => {
      const targetIds = ofHost.filter((_, i) => i % count === job).map((target) => target.id);
      const expireInSeconds = Math.min(targetIds.length * pagesPerTarget * plan.expireSecondsPerTarget, MAX_EXPIRE_SECONDS);
      return { jobId: randomUUID(), host, targetIds, expireInSeconds };
    });
  });
}
