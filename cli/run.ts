import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { gapsCsv, matrixCsv } from '#shared/exports';
import { reportHtml } from '#shared/reportHtml';
import type { Api } from './api';
import type { ExportFiles } from './args';
import { fetchComparison, fetchSites, followBatch } from './follow';
import { CancelBatchMutation } from './operations';
import { createProgressView, type ProgressBatch } from './progress';
import { renderReport } from './report';
import { renderSites } from './siteReport';

/** How the comparison is printed, and the files it is also written to. */
export interface Printing {
  json: boolean;
  files: ExportFiles;
}

export interface Output {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** How long a second Ctrl-C may come after the first to cancel the batch. */
const CANCEL_WINDOW_MS = 3000;
/** What a shell reports for a program ended by Ctrl-C. */
export const INTERRUPTED = 130;

/**
 * Watches the batch to its end, then prints the comparison; the exit code says how it ended.
 * `announce` heads the progress with the batch's id and name (watch has not said them yet).
 */
export async function reportBatch(
  api: Api,
  batchId: string,
  { json, files }: Printing,
  output: Output,
  { announce = false, stop }: { announce?: boolean; stop?: AbortSignal } = {},
): Promise<number> {
  const view = createProgressView(output.stderr);
  let first = true;
  const final = await followBatch(api, batchId, {
    update(batch: ProgressBatch) {
      if (stop?.aborted) return;
      if (first && announce) output.stderr.write(`Batch ${batch.id} "${batch.name}"\n`);
      first = false;
      view.update(batch);
    },
  });
  if (stop?.aborted) return INTERRUPTED;
  if (!final) {
    output.stderr.write(`No batch ${batchId}.\n`);
    return 2;
  }
  if (final.status !== 'COMPLETED') {
    output.stderr.write(`Batch ${batchId} ended ${final.status}${final.error ? `: ${final.error}` : ''}\n`);
    if (final.status !== 'CANCELLED') return 1;
  }
  // A cancelled batch still prints the comparison of the pages it analysed, if it has one (marked partial), and exits 1.
  const comparison = await fetchComparison(api, batchId);
  if (!comparison) {
    if (final.status === 'COMPLETED') output.stderr.write(`Batch ${batchId} is COMPLETED but has no comparison.\n`);
    return 1;
  }
  if (files.checks) await writeFile(files.checks, matrixCsv(comparison));
  if (files.gaps) await writeFile(files.gaps, gapsCsv(comparison));
  if (files.report) await writeFile(files.report, reportHtml(final.name, comparison));
  if (json) output.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
  else {
    // A crawling batch compares sites: each one's own scores and issues follow the comparison.
    const sites = final.maxPagesPerSite > 1 ? await fetchSites(api, batchId) : [];
    output.stdout.write(`\n${renderReport(comparison)}${sites.length > 0 ? `\n${renderSites(sites)}` : ''}`);
  }
  return comparison.partial ? 1 : 0;
}

/** Says which batch was started and how to reattach to it, then reports it like `reportBatch`, stoppable with Ctrl-C. */
export function reportStartedBatch(api: Api, batch: { id: string; name: string }, printing: Printing, output: Output): Promise<number> {
  output.stderr.write(`Batch ${batch.id} "${batch.name}" (reattach with: vantage watch ${batch.id})\n`);
  return followInterruptibly(
    {
      noun: 'batch',
      id: batch.id,
      reattach: `vantage watch ${batch.id}`,
      report: (stop) => reportBatch(api, batch.id, printing, output, { stop }),
      cancel: async () => (await api.request(CancelBatchMutation, { id: batch.id })).cancelBatch,
    },
    output,
  );
}

/** Something started on the server that the CLI reports while it runs. */
export interface Followed {
  /** What the messages call it: "batch", "visibility audit". */
  noun: string;
  id: string;
  /** The command that attaches to it again. */
  reattach: string;
  /** Follows it to its end and prints it; once `stop` is aborted, returns without printing. */
  report(stop: AbortSignal): Promise<number>;
  cancel(): Promise<{ status: string }>;
}

/**
 * Reports what was started. Ctrl-C stops following and leaves it running, saying how to
 * reattach; a second Ctrl-C soon after cancels it. Either way the CLI says which happened.
 */
export async function followInterruptibly({ noun, id, reattach, report, cancel }: Followed, output: Output): Promise<number> {
  const stop = new AbortController();
  const interrupted = once(process, 'SIGINT', { signal: stop.signal }).then(
    () => true,
    () => false,
  );
  const reported = report(stop.signal);
  try {
    const first = await Promise.race([reported, interrupted]);
    if (first !== true) return first as number;
    stop.abort();
    output.stderr.write(
      `\nStopped following ${noun} ${id}; it keeps running on the server.\n` +
        `Reattach with: ${reattach}\nPress Ctrl-C again within ${CANCEL_WINDOW_MS / 1000} seconds to cancel it.\n`,
    );
    if (!(await secondInterrupt(CANCEL_WINDOW_MS))) {
      output.stderr.write(`Left ${noun} ${id} running.\n`);
      return INTERRUPTED;
    }
    const { status } = await cancel();
    output.stderr.write(`Cancelled ${noun} ${id} (now ${status}).\n`);
    return 1;
  } finally {
    stop.abort();
    // Following ends when the caller closes the connection; its result no longer matters.
    reported.catch(() => undefined);
  }
}

function secondInterrupt(withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onInterrupt = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      process.off('SIGINT', onInterrupt);
      resolve(false);
    }, withinMs);
    process.once('SIGINT', onInterrupt);
  });
}
