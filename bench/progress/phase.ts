import pg from 'pg';
import { gate, startFixtureSite, type FixturePage } from '../../test/helpers/fixtures';
import { pages } from '../../test/helpers/pages';
import { waitUntil } from '../../test/helpers/wait';
import { createBatch } from '../lib/vantage';
import { machineCpuTicks } from '../lib/machine';
import { usageOf, type ProcessUsage } from '../lib/vantageProcess';
import type { CommitStamps } from './commitStamps';
import { deliveryLatencies, type DeliveryLatencies } from './latencies';
import { subscribe } from './subscribers';

export interface PhaseOptions {
  targets: number;
  subscribers: number;
  threads: number;
  intervalMs: number;
}

export interface PhaseResult extends DeliveryLatencies {
  subscribeSeconds: number;
  /** The api process once every subscriber had its first state, and once all had completed. */
  subscribedUsage: ProcessUsage;
  finishedUsage: ProcessUsage;
  /** Share of the machine's CPU time in use between those two moments, 0..1. */
  machineBusy: number;
  /** CPU time the bench process (the subscribers' threads included) used meanwhile. */
  benchCpuSeconds: number;
}

/** A loopback site whose page `/<batch>/<i>` answers only once the bench releases it. */
export async function startGatedSite(batches: string[], targets: number) {
  const gates = new Map<string, ReturnType<typeof gate>>();
  const site: Record<string, FixturePage> = {};
  for (const batch of batches) {
    for (let i = 0; i < targets; i++) {
      const path = `/${batch}/${i}`;
      const held = gate();
      gates.set(path, held);
      site[path] = async (_req, res) => {
        await held.opened;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages.good);
      };
    }
  }
  const server = await startFixtureSite(site);
  return { server, release: (path: string) => gates.get(path)!.open() };
}

/**
 * One batch of `targets` pages, all of them RUNNING (the worker holds one job per page) and held
 * by the site before anyone subscribes. Then `subscribers` clients subscribe to its progress and,
 * once all have the current state, the pages are released one every `intervalMs`: each release
 * is one committed change (the last also ends the batch), heard by every subscriber.
 */
export async function runPhase(
  context: {
    apiUrl: string;
    db: pg.Client;
    site: Awaited<ReturnType<typeof startGatedSite>>;
    stamps: CommitStamps;
    apiPid: number;
  },
  name: string,
  options: PhaseOptions,
): Promise<PhaseResult> {
  const { apiUrl, db, site, stamps } = context;
  const paths = Array.from({ length: options.targets }, (_, i) => `/${name}/${i}`);
  const batch = await createBatch(`${apiUrl}/graphql`, name, paths.map((path) => site.server.url(path)));
  const baseline = await waitUntil(
    async () => {
      const { rows } = await db.query<{ running: number; sequence: number }>(
        `SELECT (SELECT count(*)::int FROM "Target" WHERE "batchId" = $1 AND status = 'RUNNING') AS running,
                (SELECT sequence FROM "Batch" WHERE id = $1) AS sequence`,
        [batch.id],
      );
      return rows[0]!.running === options.targets && rows[0]!.sequence;
    },
    { what: `every target of ${name} RUNNING`, intervalMs: 20, timeoutMs: 60_000 },
  );

  const subscribing = performance.now();
  const subscribers = subscribe(`${apiUrl.replace(/^http/, 'ws')}/graphql`, batch.globalId, options.subscribers, options.threads);
  await subscribers.subscribed;
  const subscribeSeconds = (performance.now() - subscribing) / 1000;
  const subscribedUsage = await usageOf(context.apiPid);
  const machineBefore = await machineCpuTicks();
  const benchBefore = process.cpuUsage();
  for (const path of paths) {
    site.release(path);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  const receipts = await subscribers.finished;
  const finishedUsage = await usageOf(context.apiPid);
  const machineAfter = await machineCpuTicks();
  const bench = process.cpuUsage(benchBefore);
  return {
    ...deliveryLatencies(stamps.of(batch.id), baseline, receipts),
    subscribeSeconds,
    subscribedUsage,
    finishedUsage,
    machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
    benchCpuSeconds: (bench.user + bench.system) / 1e6,
  };
}
