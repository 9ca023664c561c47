import type { CliBatchProgressSubscription } from './gql/graphql';

export type ProgressBatch = CliBatchProgressSubscription['batchProgress']['batch'];
type Target = ProgressBatch['targets'][number];

const barWidth = 30;

export function progressBar(batch: Pick<ProgressBatch, 'progress' | 'completedUrls' | 'totalUrls' | 'failedUrls' | 'status'>): string {
  const filled = Math.round((batch.progress / 100) * barWidth);
  const failed = batch.failedUrls ? `, ${batch.failedUrls} failed` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(batch.progress).padStart(3)}%  ${batch.completedUrls}/${batch.totalUrls} done${failed}  ${batch.status}`;
}

function targetLine(target: Target): string {
  const subject = target.isSubject ? ' (my site)' : '';
  const error = target.error ? `  ${target.error}` : '';
  return `  ${target.status.padEnd(9)} ${target.url}${subject}${error}`;
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

function redrawingView(out: NodeJS.WriteStream): ProgressView {
  let drawnLines = 0;
  return {
    update(batch) {
      const width = out.columns || 100;
      const lines = [progressBar(batch), ...batch.targets.map(targetLine)].map((line) => line.slice(0, width - 1));
      const moveUp = drawnLines ? `\x1b[${drawnLines}F` : '';
      out.write(`${moveUp}\x1b[0J${lines.join('\n')}\n`);
      drawnLines = lines.length;
    },
  };
}

function appendingView(out: NodeJS.WriteStream): ProgressView {
  const seen = new Map<string, string>();
  let lastBar = '';
  return {
    update(batch) {
      for (const target of batch.targets) {
        const line = targetLine(target);
        if (seen.get(target.id) !== line) out.write(`${line}\n`);
        seen.set(target.id, line);
      }
      const bar = progressBar(batch);
      if (bar !== lastBar) out.write(`${bar}\n`);
      lastBar = bar;
    },
  };
}
