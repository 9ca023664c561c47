import type { Analyzer, OriginFiles } from '../analysis';
import { originFilesJson } from '../batches/jsonColumns';
import type { PrismaClient } from '../db/prisma';

// What a job needs to analyse pages, whether one URL (analyzeTarget) or a site (crawlSite).

/** The page in hand when the shutdown's grace ran out. */
export class Abandoned extends Error {}

/** The work's result, or Abandoned as soon as the signal aborts (the work then runs on, unheard). */
export async function unlessAbandoned<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  work.catch(() => {});
  let onAbort = () => {};
  const abandoned = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Abandoned());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, abandoned]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Stored origin files never change, so a worker keeps the latest few instead of reading them per page. */
const originFilesCache = new Map<string, Promise<OriginFiles>>();
const ORIGIN_FILES_CACHED = 256;

/**
 * robots.txt, llms.txt and the sitemap are fetched once per origin per batch and stored; every
 * target of that origin, in any process, uses the stored copy. Two processes racing on the
 * first fetch both fetch, and the first stored copy wins for everyone.
 */
export async function originFilesFor(deps: { prisma: PrismaClient; analyzer: Analyzer }, batchId: string, url: string): Promise<OriginFiles> {
  const origin = new URL(url).origin;
  const key = `${batchId} ${origin}`;
  let files = originFilesCache.get(key);
  if (!files) {
    files = loadOrFetchOriginFiles(deps, batchId, origin);
    files.catch(() => originFilesCache.delete(key));
    originFilesCache.set(key, files);
    if (originFilesCache.size > ORIGIN_FILES_CACHED) originFilesCache.delete(originFilesCache.keys().next().value!);
  }
  return files;
}

async function loadOrFetchOriginFiles(deps: { prisma: PrismaClient; analyzer: Analyzer }, batchId: string, origin: string) {
  const where = { batchId_origin: { batchId, origin } };
  const stored = await deps.prisma.originFiles.findUnique({ where });
  if (stored) return originFilesJson.files.read(stored.files, `batch ${batchId} origin ${origin}`);
  const files = await deps.analyzer.fetchOriginFiles(origin);
  await deps.prisma.originFiles.createMany({
    data: [{ batchId, origin, files: originFilesJson.files.write(files) }],
    skipDuplicates: true,
  });
  const winner = await deps.prisma.originFiles.findUniqueOrThrow({ where });
  return originFilesJson.files.read(winner.files, `batch ${batchId} origin ${origin}`);
}
