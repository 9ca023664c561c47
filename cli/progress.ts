import { percentDone } from '#shared/format';
import type { CliBatchProgressSubscription } from './gql/graphql';

export type ProgressBatch = CliBatchProgressSubscription['batchProgress']['batch'];
type Target = ProgressBatch['targets'][number];

const barWidth = 30;

/** "[#####-----]  45%" for a progress of 0..100. */
export function bar(progress: number): string {
  const filled = Math.round((progress / 100) * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(progress).padStart(3)}%`;
}

/**
 * The bar counts the targets listed with it, not the batch's counters: an event's list of targets
 * is read when the event is sent and may already hold pages finished after its counters were, so
 * counting the list keeps every bar in step with the page lines printed before it.
 */
export function progressBar(batch: Pick<ProgressBatch, 'targets' | 'status'>): string {
  const done = batch.targets.filter((target) => target.status === 'SUCCEEDED' || target.status === 'FAILED').length;
  const failedCount = batch.targets.filter((target) => target.status === 'FAILED').length;
  const total = batch.targets.length;
  const failed = failedCount ? `, ${failedCount} failed` : '';
  return `${bar(percentDone(done, total))}  ${done}/${total} done${failed}  ${batch.status}`;
}

/** A target's line; in a crawling batch (`crawls`) it also says how far the site's crawl has come. */
function targetLine(target: Target, crawls: boolean): string {
  const subject = target.isSubject ? ' (my site)' : '';
  const crawl = crawls ? `  ${target.pagesDone}/${target.pagesDiscovered} pages` : '';
  const note = target.error ? `  ${target.error}` : target.waitingForRetry ? '  interrupted (its worker stopped); waiting to be retried' : '';
  // A RUNNING page whose worker stopped is not running: it waits for its retry.
  const status = target.waitingForRetry ? 'WAITING' : target.status;
  return `  ${status.padEnd(9)} ${target.url}${subject}${crawl}${note}`;
}

export interface ProgressView {
  update(batch: ProgressBatch): void;
}

/**
 * On a terminal the bar and one line per target are redrawn in place. Elsewhere (CI logs, pipes)
 * each change is printed once, so the log reads as a history.
 */
export function createProgressView(out: NodeJS.WriteStream): ProgressView {
  return out.isTTY ? redrawingView(out) : appendingView(out);
}

/** Draws lines on a terminal over those it drew before, each cut to the terminal's width. */
export function createRedrawer(out: NodeJS.WriteStream): (lines: string[]) => void {
  let drawnLines = 0;
  return (lines) => {
    const width = out.columns || 100;
    const moveUp = drawnLines ? `\x1b[${drawnLines}F` : '';
    out.write(`${moveUp}\x1b[0J${lines.map((line) => line.slice(0, width - 1)).join('\n')}\n`);
    drawnLines = lines.length;
  };
}

function redrawingView(out: NodeJS.WriteStream): ProgressView {
  const redraw = createRedrawer(out);
  return { update: (batch) => redraw([progressBar(batch), ...batch.targets.map((target) => targetLine(target, batch.maxPagesPerSite > 1))]) };
}

function appendingView(out: NodeJS.WriteStream): ProgressView {
  const seen = new Map<string, string>();
  let lastBar = '';
  return {
    update(batch) {
      for (const target of batch.targets) {
        // A crawl's page counts change many times a second: a target gets a line when its status changes, with the counts then.
        const status = targetLine(target, false);
        if (seen.get(target.id) !== status) out.write(`${targetLine(target, batch.maxPagesPerSite > 1)}\n`);
        seen.set(target.id, status);
      }
      const bar = progressBar(batch);
      if (bar !== lastBar) out.write(`${bar}\n`);
      lastBar = bar;
    },
  };
}
