import os from 'node:os';

/** The facts a reader needs to compare these numbers with their own. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- nproc: ${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- node: ${process.version}, ${os.platform()} ${os.release()}`,
  ].join('\n');
}
