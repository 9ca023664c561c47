import type { Api } from './api';
import { fetchComparison, followBatch } from './follow';
import { createProgressView } from './progress';
import { renderReport } from './report';

export interface Output {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Watches the batch to its end, then prints the comparison; the exit code says how it ended. */
export async function reportBatch(api: Api, batchId: string, json: boolean, output: Output): Promise<number> {
  const final = await followBatch(api, batchId, createProgressView(output.stderr));
  if (!final) {
    output.stderr.write(`No batch ${batchId}.\n`);
    return 2;
  }
  if (final.status !== 'COMPLETED') {
    output.stderr.write(`Batch ${batchId} ended ${final.status}${final.error ? `: ${final.error}` : ''}\n`);
    return 1;
  }
  const comparison = await fetchComparison(api, batchId);
  if (!comparison) {
    output.stderr.write(`Batch ${batchId} is COMPLETED but has no comparison.\n`);
    return 1;
  }
  output.stdout.write(json ? `${JSON.stringify(comparison, null, 2)}\n` : `\n${renderReport(comparison)}`);
  return 0;
}

/** Says which batch was started and how to reattach to it, then reports it like `reportBatch`. */
export function reportStartedBatch(api: Api, batch: { id: string; name: string }, json: boolean, output: Output): Promise<number> {
  output.stderr.write(`Batch ${batch.id} "${batch.name}" (reattach with: vantage watch ${batch.id})\n`);
  return reportBatch(api, batch.id, json, output);
}
