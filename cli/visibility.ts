import type { Api } from './api';
import type { Command } from './args';
import { followProgress } from './follow';
import type { CliVisibilityProgressSubscription } from './gql/graphql';
import { CancelVisibilityAuditMutation, RunVisibilityAuditMutation, VisibilityAuditQuery, VisibilityProgressSubscription } from './operations';
import { bar, createRedrawer } from './progress';
import { followInterruptibly, INTERRUPTED, type Output } from './run';
import { renderVisibilityReport, type CliVisibilityAudit } from './visibilityReport';

type VisibilityCommand = Extract<Command, { kind: `visibility-${string}` }>;
type ProgressAudit = CliVisibilityProgressSubscription['visibilityProgress']['audit'];

function progressLine(audit: ProgressAudit): string {
  const failed = audit.requestsFailed ? `, ${audit.requestsFailed} failed` : '';
  return `${bar(audit.progress)}  ${audit.stage}  ${audit.requestsDone}/${audit.requestsTotal} requests done${failed}  ${audit.status}`;
}

/** The audit's one progress line: redrawn on a terminal, printed on each change elsewhere (as for batches). */
function createAuditView(out: NodeJS.WriteStream): (audit: ProgressAudit) => void {
  if (out.isTTY) {
    const redraw = createRedrawer(out);
    return (audit) => redraw([progressLine(audit)]);
  }
  let last = '';
  return (audit) => {
    const line = progressLine(audit);
    if (line !== last) out.write(`${line}\n`);
    last = line;
  };
}

async function fetchAudit(api: Api, auditId: string): Promise<CliVisibilityAudit | null> {
  const { node } = await api.request(VisibilityAuditQuery, { id: auditId });
  // Another kind of node has none of the audit's fields.
  return node && 'brands' in node ? (node as CliVisibilityAudit) : null;
}

/** Follows the audit to its end, then prints it; the exit code says how it ended (as for batches). */
async function reportAudit(api: Api, auditId: string, json: boolean, output: Output, stop?: AbortSignal): Promise<number> {
  const show = createAuditView(output.stderr);
  const final = await followProgress(
    api.subscribe(VisibilityProgressSubscription, { id: auditId }),
    ({ visibilityProgress }) => ({ sequence: visibilityProgress.sequence, state: visibilityProgress.audit }),
    (audit) => {
      if (!stop?.aborted) show(audit);
    },
  );
  if (stop?.aborted) return INTERRUPTED;
  if (!final) {
    output.stderr.write(`No visibility audit ${auditId}.\n`);
    return 2;
  }
  if (final.status !== 'COMPLETED') {
    output.stderr.write(`Visibility audit ${auditId} ended ${final.status}${final.error ? `: ${final.error}` : ''}\n`);
    return 1;
  }
  const audit = await fetchAudit(api, auditId);
  if (!audit) {
    output.stderr.write(`No visibility audit ${auditId}.\n`);
    return 2;
  }
  output.stdout.write(json ? `${JSON.stringify(audit, null, 2)}\n` : `\n${renderVisibilityReport(audit)}`);
  return 0;
}

/** Starts (run) or attaches to (watch) a visibility audit and reports it; Ctrl-C works as for batches. */
export async function executeVisibility(api: Api, command: VisibilityCommand, output: Output): Promise<number> {
  if (command.kind === 'visibility-watch') {
    output.stderr.write(`Visibility audit ${command.auditId}\n`);
    return reportAudit(api, command.auditId, command.json, output);
  }
  const input = { engines: command.engines ?? null, samplesPerPrompt: command.samples ?? null };
  const { runVisibilityAudit: audit } = await api.request(RunVisibilityAuditMutation, { projectId: command.projectId, input });
  const reattach = `vantage visibility watch ${audit.id}`;
  output.stderr.write(`Visibility audit ${audit.id}${audit.project ? ` of "${audit.project.name}"` : ''} (reattach with: ${reattach})\n`);
  return followInterruptibly(
    {
      noun: 'visibility audit',
      id: audit.id,
      reattach,
      report: (stop) => reportAudit(api, audit.id, command.json, output, stop),
      cancel: async () => (await api.request(CancelVisibilityAuditMutation, { id: audit.id })).cancelVisibilityAudit,
    },
    output,
  );
}
